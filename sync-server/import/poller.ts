/**
 * The safety net for missed webhooks (WooCommerce never retries; any platform can lose one): every
 * POLL_INTERVAL_MS, for each store link with API credentials, list the orders modified since the last
 * poll (minus an overlap for clock skew) and write them through the exactly-once writer. The last poll
 * time is remembered per store and platform in the private inbox database (poll:<platform>).
 */
import type { PlatformLinks } from '../platforms/links.ts';
import { adapterFor } from '../platforms/registry.ts';
import { getOrNull, type PrivateDbs } from '../inbox/private-db.ts';
import type { WebOrderWriter } from '../inbox/write-web-order.ts';

export const POLL_OVERLAP_MS = 10 * 60_000;
export const FIRST_POLL_LOOKBACK_MS = 24 * 3600_000;

export interface PollCheckpoint {
  _id: string;
  _rev?: string;
  type: 'poll_checkpoint';
  lastPollAt: string;
  lastResult: string;
}

export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly deps: { intervalMs: number; dbs: PrivateDbs; links: PlatformLinks; writer: WebOrderWriter; log?: (m: string) => void }) {}

  start(): void {
    if (this.deps.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.pollAll(), this.deps.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async pollAll(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const link of this.deps.links.list()) {
        const adapter = adapterFor(link.platform);
        if (!adapter.credentialKeys.every((k) => !!link.credentials[k])) continue;
        const db = this.deps.dbs.inbox(link.storeId);
        const id = `poll:${link.platform}`;
        const startedAt = new Date();
        const checkpoint = await getOrNull<PollCheckpoint>(db, id);
        const since = checkpoint ? new Date(Date.parse(checkpoint.lastPollAt) - POLL_OVERLAP_MS) : new Date(startedAt.getTime() - FIRST_POLL_LOOKBACK_MS);
        let written = 0;
        let seen = 0;
        let result: string;
        try {
          for await (const page of adapter.client(link).listOrders({ modifiedSince: since.toISOString() })) {
            for (const order of page.items) {
              seen++;
              const { outcome } = await this.deps.writer.applyOrder(link.storeId, link, order);
              if (outcome === 'created' || outcome === 'updated') written++;
            }
          }
          result = `ok: ${seen} seen, ${written} written`;
          if (written > 0) this.deps.log?.(`poll ${link.storeId}/${link.platform}: ${written} order(s) recovered or updated`);
        } catch (err) {
          result = `error: ${(err as Error).message}`;
          this.deps.log?.(`poll ${link.storeId}/${link.platform} failed: ${(err as Error).message}`);
          continue; // keep the old checkpoint: the next poll covers this window again
        }
        try {
          const doc: PollCheckpoint = { _id: id, ...(checkpoint ? { _rev: checkpoint._rev } : {}), type: 'poll_checkpoint', lastPollAt: startedAt.toISOString(), lastResult: result };
          await db.put(doc as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
        } catch (err) {
          this.deps.log?.(`poll ${link.storeId}/${link.platform}: checkpoint not saved: ${(err as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
