/**
 * One SKU at one location, walked in time order: on hand, reserved, available, and the episodes in
 * which available went below zero (oversells). Internal to the stock fold (stock-fold.ts).
 *
 * An episode opens with the fact that takes available below zero (the trigger: a sale, a web order's
 * reservation or shipment, an adjustment, or a count that finds fewer units than are reserved). The
 * claims that collided are: the earlier claims that took the last units — walking back from the
 * trigger, as many units as were short, never past the previous episode — then the trigger, then every
 * claim made while still short. It closes when available is back at zero or more.
 */
import type { StockReason } from '../documents.ts';
import { stockKey } from '../stock.ts';
import type { OversellClaim, OversellTask, StockFigure } from './types.ts';

export const DELTA = 0;
export const COUNT = 1;
export const RESERVE = 2;

/** One fact, compact: a million of them live in the worker at once. */
export interface Entry {
  /** Instant (epoch ms). */
  t: number;
  /** Movement id, or the order id for a reservation. */
  id: string;
  k: typeof DELTA | typeof COUNT | typeof RESERVE;
  /** delta, counted quantity, or units reserved. */
  q: number;
  /** Outflows and reservations only: the sale / web order that caused it (else undefined). */
  ref: string | undefined;
  /** Outflows only: the movement's reason. */
  why: StockReason | undefined;
}

export interface PairLog {
  sku: string;
  location: string;
  entries: Entry[];
}

/** A task lists at most this many claims; the others are counted (moreClaims). */
export const MAX_CLAIMS = 50;

/** compareMovements' order (instant, then id), made total for identical ids (kind, then quantity). */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.k !== b.k) return a.k - b.k;
  return a.q - b.q;
}

const isClaim = (e: Entry): boolean => e.k === RESERVE || (e.k === DELTA && e.q < 0);

const iso = (t: number): string => (Number.isFinite(t) ? new Date(t).toISOString() : new Date(0).toISOString());

function claimOf(e: Entry, orderNumbers: ReadonlyMap<string, string>): OversellClaim {
  const ref = e.ref ?? '';
  if (e.k === RESERVE || ref.startsWith('weborder:')) {
    const label = orderNumbers.get(ref);
    return { kind: 'web_order', id: ref, quantity: 0, at: iso(e.t), ...(label !== undefined ? { label } : {}) };
  }
  if (ref.startsWith('sale:')) return { kind: 'sale', id: ref, quantity: 0, at: iso(e.t) };
  return { kind: 'movement', id: e.id, quantity: 0, at: iso(e.t), ...(e.why !== undefined ? { reason: e.why } : {}) };
}

class Episode {
  readonly claims = new Map<string, OversellClaim>();
  /** Distinct claims beyond MAX_CLAIMS (their units are not listed). */
  readonly extra = new Set<string>();
  short = 0;

  constructor(readonly trigger: Entry, private readonly orderNumbers: ReadonlyMap<string, string>) {}

  /** `always`: the trigger is listed even when MAX_CLAIMS earlier claims already are. */
  add(e: Entry, always = false): void {
    const claim = claimOf(e, this.orderNumbers);
    const key = `${claim.kind}\u0000${claim.id}`;
    const units = e.k === RESERVE ? e.q : -e.q;
    const known = this.claims.get(key);
    if (known !== undefined) known.quantity += units;
    else if (always || this.claims.size < MAX_CLAIMS) this.claims.set(key, { ...claim, quantity: units });
    else this.extra.add(key);
  }

  task(sku: string, location: string, end: Entry | null, shortNow: number): OversellTask {
    return {
      id: `oversell:${stockKey(sku, location)}:${this.trigger.id}`,
      sku,
      location,
      triggerId: this.trigger.id,
      startedAt: iso(this.trigger.t),
      endedAt: end === null ? null : iso(end.t),
      state: end === null ? 'open' : 'recovered',
      short: this.short,
      shortNow,
      claims: [...this.claims.values()],
      moreClaims: this.extra.size,
    };
  }
}

export function walkPair(log: PairLog, orderNumbers: ReadonlyMap<string, string>): { figure: StockFigure; tasks: OversellTask[] } {
  const entries = log.entries;
  entries.sort(compareEntries);
  const tasks: OversellTask[] = [];
  let onHand = 0;
  let reserved = 0;
  let movements = 0;
  let lastMovement: Entry | null = null;
  let episode: Episode | null = null;
  /** First index an episode may look back to: just after the previous episode closed. */
  let boundary = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (e.k === RESERVE) reserved += e.q;
    else {
      onHand = e.k === COUNT ? e.q : onHand + e.q;
      movements += 1;
      lastMovement = e;
    }
    const available = onHand - reserved;
    if (episode !== null) {
      if (isClaim(e)) episode.add(e);
      if (-available > episode.short) episode.short = -available;
      if (available >= 0) {
        tasks.push(episode.task(log.sku, log.location, e, 0));
        episode = null;
        boundary = i + 1;
      }
    } else if (available < 0) {
      episode = new Episode(e, orderNumbers);
      episode.short = -available;
      // The earlier claims that took the last units: as many units back as are short.
      const before: Entry[] = [];
      let covered = 0;
      for (let j = i - 1; j >= boundary && covered < -available; j--) {
        const prior = entries[j] as Entry;
        if (!isClaim(prior)) continue;
        before.push(prior);
        covered += prior.k === RESERVE ? prior.q : -prior.q;
      }
      for (let j = before.length - 1; j >= 0; j--) episode.add(before[j] as Entry);
      if (isClaim(e)) episode.add(e, true);
    }
  }
  if (episode !== null) tasks.push(episode.task(log.sku, log.location, null, reserved - onHand));
  return {
    figure: {
      sku: log.sku,
      location: log.location,
      onHand,
      reserved,
      available: onHand - reserved,
      movements,
      lastMovementAt: lastMovement === null ? null : iso(lastMovement.t),
    },
    tasks,
  };
}
