/**
 * The device-local, durable print queue (Dexie table `printJobs`). A job holds the bytes (or HTML)
 * prepared when it was created, and moves pending → printing → done | failed (with the reason).
 * Printing happens after the sale is committed and never touches the sale: a failed job is visible
 * and retryable, and nothing here can undo or block a sale.
 *
 * Idempotence: receipts and drawer kicks are unique per [ref+kind] (ref = the sale id), checked and
 * written in one IndexedDB transaction, so a retried enqueue of the same sale's receipt or drawer kick
 * returns the existing job instead of creating a second one. Reprints and test pages are new jobs.
 *
 * Reloads: a job left 'printing' by a reload goes back to 'pending' and prints again: a reload in the
 * middle of a print may print a receipt twice (a duplicate receipt is harmless, a missing one is not).
 * A drawer kick is the exception: its `handedAt` is written before its bytes are handed to the
 * transport, and from then on it is never retried (automatically or after a reload): opening the
 * drawer twice for one sale is worse than not opening it (the cashier can open it with a manager).
 */
import { createUlid } from '../domain/ids.ts';
import type { PrintJobRow, ReadModelDb } from '../store/schema.ts';
import type { Transport } from './transport.ts';
import { TransportError } from './transport.ts';

export type JobKind = 'receipt' | 'receipt-reprint' | 'drawer' | 'test-page' | 'test-drawer' | (string & {});

/** Kinds where [ref+kind] is unique: one receipt and at most one drawer opening per sale. */
const IDEMPOTENT_KINDS = new Set<string>(['receipt', 'drawer']);
const KICK_KINDS = new Set<string>(['drawer', 'test-drawer']);

export interface EnqueueInput {
  kind: JobKind;
  ref: string;
  deviceId: string | null;
  payload: PrintJobRow['payload'];
}

export type PrintJob = PrintJobRow;

export interface PrintQueueDeps {
  db: ReadModelDb;
  /** The transport of a paired device, or null when it is not available (forgotten, no permission). */
  transportFor: (deviceId: string | null) => Transport | null;
  now?: () => Date;
}

const nextId = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function payloadBytes(payload: PrintJobRow['payload']): Uint8Array {
  if (payload.encoding === 'html') return new TextEncoder().encode(payload.data);
  const bin = atob(payload.data);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Whether the runner may send this job again on its own (when its device comes back). */
export function autoRetryable(job: PrintJob): boolean {
  return job.state === 'failed' && !(KICK_KINDS.has(job.kind) && job.handedAt !== undefined);
}

function reasonOf(error: unknown): string {
  if (error instanceof TransportError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export class PrintQueue {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly now: () => Date;

  constructor(private readonly deps: PrintQueueDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get table() {
    return this.deps.db.printJobs;
  }

  /** Adds a job (or returns the existing one for an idempotent kind) and starts the runner. */
  async enqueue(input: EnqueueInput): Promise<PrintJob> {
    const at = this.now().toISOString();
    const job = await this.deps.db.transaction('rw', this.table, async () => {
      if (IDEMPOTENT_KINDS.has(input.kind)) {
        const existing = await this.table.where('[ref+kind]').equals([input.ref, input.kind]).first();
        if (existing) return existing as PrintJob;
      }
      const row: PrintJob = { id: `job:${nextId()}`, kind: input.kind, ref: input.ref, deviceId: input.deviceId, state: 'pending', attempts: 0, createdAt: at, updatedAt: at, payload: input.payload };
      await this.table.add(row);
      return row;
    });
    void this.run();
    return job;
  }

  /**
   * After a reload: 'printing' jobs go back to 'pending' (they may print twice), except drawer kicks
   * already handed to a transport, which end 'failed' and are never sent again.
   */
  async recover(): Promise<void> {
    const at = this.now().toISOString();
    await this.deps.db.transaction('rw', this.table, async () => {
      const stuck = (await this.table.where('state').equals('printing').toArray()) as PrintJob[];
      for (const job of stuck) {
        if (KICK_KINDS.has(job.kind) && job.handedAt) {
          await this.table.update(job.id, { state: 'failed', updatedAt: at, reason: 'interrupted: the page reloaded after the kick was sent; not repeated (the drawer may have opened)' });
        } else {
          await this.table.update(job.id, { state: 'pending', updatedAt: at });
        }
      }
    });
  }

  /** Failed jobs of a device that came back are sent again (drawer kicks already handed excepted). */
  async retryFailed(deviceId?: string): Promise<number> {
    const at = this.now().toISOString();
    const count = await this.deps.db.transaction('rw', this.table, async () => {
      const failed = ((await this.table.where('state').equals('failed').toArray()) as PrintJob[]).filter((j) => autoRetryable(j) && (deviceId === undefined || j.deviceId === deviceId));
      for (const job of failed) await this.table.update(job.id, { state: 'pending', updatedAt: at });
      return failed.length;
    });
    await this.run();
    return count;
  }

  /** The cashier's "Retry" on one failed job. A drawer kick already handed to the printer is refused. */
  async retry(jobId: string): Promise<boolean> {
    const job = (await this.table.get(jobId)) as PrintJob | undefined;
    if (!job || !autoRetryable(job)) return false;
    await this.table.update(jobId, { state: 'pending', updatedAt: this.now().toISOString() });
    await this.run();
    return true;
  }

  /** Sends pending jobs, oldest first; a device that fails is skipped until it comes back. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const pending = ((await this.table.where('state').equals('pending').toArray()) as PrintJob[]).sort((a, b) => a.id.localeCompare(b.id));
    const blocked = new Set<string | null>();
    for (const job of pending) {
      if (blocked.has(job.deviceId)) continue;
      if (!(await this.send(job))) blocked.add(job.deviceId);
    }
  }

  private async update(id: string, change: Partial<PrintJob>): Promise<void> {
    await this.table.update(id, { ...change, updatedAt: this.now().toISOString() });
  }

  private async send(job: PrintJob): Promise<boolean> {
    // Claim the job: another run (or tab) may have taken it since it was listed.
    const claimed = await this.deps.db.transaction('rw', this.table, async () => {
      const current = (await this.table.get(job.id)) as PrintJob | undefined;
      if (current?.state !== 'pending') return false;
      await this.table.update(job.id, { state: 'printing', attempts: current.attempts + 1, updatedAt: this.now().toISOString() });
      return true;
    });
    if (!claimed) return true;
    const transport = this.deps.transportFor(job.deviceId);
    if (!transport) {
      await this.update(job.id, { state: 'failed', reason: 'unavailable: the device is not connected (pair it again on the devices screen)' });
      return false;
    }
    let handed = false;
    try {
      if (transport.status !== 'open') await transport.open();
      if (KICK_KINDS.has(job.kind)) {
        await this.update(job.id, { handedAt: this.now().toISOString() });
        handed = true;
      }
      await transport.write(payloadBytes(job.payload));
      await this.update(job.id, { state: 'done', reason: undefined });
      return true;
    } catch (error) {
      const note = handed ? ' (not repeated: the drawer may have opened)' : '';
      await this.update(job.id, { state: 'failed', reason: reasonOf(error) + note });
      return false;
    }
  }
}
