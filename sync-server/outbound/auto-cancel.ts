/**
 * Unpaid web orders cancelled automatically (StoreSettingsDoc.autoCancelUnpaidAfterHours): a timer
 * per store looks through the store's web orders (kept by the stock ledger with their events) and,
 * for each one that is still unpaid and untouched (status new) N hours after it was placed, writes
 * ONE event woevent:server:<ulid> 'cancelled' (reason "unpaid after N h", restock). From there it is
 * an ordinary cancellation: the fold releases the stock, the producer pushes it to the platform and
 * mails the customer.
 *
 * Never twice for one order, whatever restarts or processes: the event's id is derived from the
 * order (its ULID's time is the order's creation, its random part a hash of the order id), so a
 * second write is a conflict; and an order that already has a cancellation event is left alone.
 */
import { createHash } from 'node:crypto';
import type { StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { createUlid } from '../../src/domain/ids.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { orderState } from '../../src/domain/web-order-state.ts';
import type { StoreDb } from '../db/backend.ts';
import { isConflict } from './queue.ts';

export const SERVER_REGISTER_ID = 'server';


/** The reason written on the event (the mail translates it for the customer). */
export function autoCancelReason(hours: number): string {
  return `unpaid after ${hours} h`;
}

export const AUTO_CANCEL_REASON = /^unpaid after (\d+(?:\.\d+)?) h$/;

/** The deterministic id of the automatic cancellation of `orderId`. */
export function autoCancelEventId(order: Pick<WebOrderDoc, '_id' | 'createdAt'>): string {
  const created = Date.parse(order.createdAt);
  const time = Number.isFinite(created) && created >= 0 ? created : 0;
  const digest = new Uint8Array(createHash('sha256').update(`auto-cancel:${order._id}`).digest());
  return `woevent:${SERVER_REGISTER_ID}:${createUlid(() => time, () => digest)()}`;
}

/** Whether `order` is due for the automatic cancellation at `nowMs`. */
export function autoCancelDue(order: WebOrderDoc, events: readonly WebOrderEventDoc[], hours: number, nowMs: number, defaultLocation: string): boolean {
  if (!(hours > 0) || order.type !== 'web_order') return false;
  if (order.status === 'cancelled' || order.status === 'shipped' || order.status === 'picked_up') return false;
  const created = Date.parse(order.createdAt);
  if (!Number.isFinite(created) || nowMs - created < hours * 3600_000) return false;
  // Once cancelled (by hand or by us, even if the fold refused it), never again.
  if (events.some((e) => e.orderId === order._id && e.kind === 'cancelled')) return false;
  const state = orderState(order, events, defaultLocation);
  // Only orders nobody has started on: once staff pick, pack or set an order aside for pickup
  // (where it is paid on collection), cancelling it is a person's decision, not a timer's.
  return !state.paid && state.status === 'new';
}

export function autoCancelEvent(order: WebOrderDoc, hours: number, nowIso: string): WebOrderEventDoc {
  return {
    _id: autoCancelEventId(order),
    type: 'web_order_event',
    orderId: order._id,
    kind: 'cancelled',
    reason: autoCancelReason(hours),
    restock: true,
    at: nowIso,
    by: 'Comptoir',
  };
}

export interface AutoCancelOptions {
  storeId: string;
  db: StoreDb;
  /** The store's web orders with their events (the ledger's). */
  orders: () => Iterable<{ order: WebOrderDoc; events: WebOrderEventDoc[] }>;
  settings: () => StoreSettingsDoc | null;
  defaultLocation: () => string;
  intervalMs: number;
  now?: () => number;
  log: (msg: string) => void;
}

export class AutoCancel {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Orders whose event this process wrote (the feed brings it back a moment later). */
  private readonly written = new Set<string>();

  constructor(private readonly opts: AutoCancelOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((err: unknown) => this.opts.log(`auto-cancel of store ${this.opts.storeId} failed (retrying): ${String(err)}`))
        .finally(() => (this.running = null));
    }, this.opts.intervalMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: writes the cancellation of every order due. Returns how many were written. */
  async tick(): Promise<number> {
    const hours = this.opts.settings()?.autoCancelUnpaidAfterHours;
    if (typeof hours !== 'number' || !(hours > 0)) return 0;
    const nowMs = (this.opts.now ?? Date.now)();
    const location = this.opts.defaultLocation();
    let n = 0;
    for (const { order, events } of [...this.opts.orders()]) {
      if (this.written.has(order._id) || !autoCancelDue(order, events, hours, nowMs, location)) continue;
      const ev = autoCancelEvent(order, hours, new Date(nowMs).toISOString());
      // The registers validate what replicates to them: an event they would refuse is not written.
      const parsed = parseStoreDoc(ev);
      if (!parsed.ok) {
        this.opts.log(`${order._id}: the automatic cancellation is not a valid event (${parsed.error}); not written`);
        this.written.add(order._id);
        continue;
      }
      try {
        await this.opts.db.put(ev as unknown as PouchDB.Core.PutDocument<object>);
        n++;
        this.opts.log(`${order._id} (${order.orderNumber}) cancelled: ${ev.reason}`);
      } catch (err) {
        if (!isConflict(err)) throw err; // another process (or an earlier run) wrote it
      }
      this.written.add(order._id);
    }
    return n;
  }
}
