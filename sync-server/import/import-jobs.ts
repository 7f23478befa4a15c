/**
 * Import of web orders by creation date range, started from a register: one job walks each linked
 * platform's order list (its own paging) and writes every order through the exactly-once writer, so
 * re-importing a range changes nothing. Progress is kept in memory and in the store's private inbox
 * database (job:<id>); a job cut short by a restart is reported as `interrupted`.
 */
import { randomBytes } from 'node:crypto';
import type { Platform } from '../../src/domain/documents.ts';
import type { PlatformLink } from '../platforms/adapter.ts';
import type { PlatformLinks } from '../platforms/links.ts';
import { adapterFor } from '../platforms/registry.ts';
import { getOrNull, type PrivateDbs } from '../inbox/private-db.ts';
import type { WebOrderWriter } from '../inbox/write-web-order.ts';

export interface ImportJob {
  id: string;
  storeId: string;
  from: string;
  to: string;
  platforms: Platform[];
  state: 'running' | 'done' | 'failed' | 'interrupted';
  imported: number;
  unchanged: number;
  /** Orders seen so far (grows while pages arrive when the platform gives no total up front). */
  total: number;
  errors: Array<{ platform: Platform; orderId?: string; reason: string }>;
  startedAt: string;
  finishedAt?: string;
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly deps: { dbs: PrivateDbs; links: PlatformLinks; writer: WebOrderWriter; log?: (m: string) => void },
  ) {}

  /** Links of the store that can be listed (have API credentials), optionally one platform. */
  listable(storeId: string, platform?: Platform): PlatformLink[] {
    return this.deps.links.list(storeId).filter((l) => (!platform || l.platform === platform) && adapterFor(l.platform).credentialKeys.every((k) => !!l.credentials[k]));
  }

  start(storeId: string, from: string, to: string, links: PlatformLink[]): ImportJob {
    const job: ImportJob = {
      id: `imp-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
      storeId, from, to, platforms: links.map((l) => l.platform), state: 'running', imported: 0, unchanged: 0, total: 0, errors: [], startedAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    void this.run(job, links).catch((err: unknown) => {
      job.state = 'failed';
      job.errors.push({ platform: links[0]?.platform ?? 'shopify', reason: (err as Error).message });
    }).finally(() => {
      job.finishedAt = new Date().toISOString();
      void this.save(job);
    });
    return job;
  }

  async get(storeId: string, id: string): Promise<ImportJob | null> {
    const live = this.jobs.get(id);
    if (live && live.storeId === storeId) return live;
    const saved = await getOrNull<{ job: ImportJob }>(this.deps.dbs.inbox(storeId), `job:${id}`).catch(() => null);
    if (!saved) return null;
    return saved.job.state === 'running' ? { ...saved.job, state: 'interrupted' } : saved.job;
  }

  private async save(job: ImportJob): Promise<void> {
    const db = this.deps.dbs.inbox(job.storeId);
    try {
      const prev = await getOrNull<object>(db, `job:${job.id}`);
      await db.put({ _id: `job:${job.id}`, ...(prev ? { _rev: prev._rev } : {}), type: 'import_job', job: structuredClone(job) });
    } catch (err) {
      this.deps.log?.(`import job ${job.id}: could not save progress: ${(err as Error).message}`);
    }
  }

  private async run(job: ImportJob, links: PlatformLink[]): Promise<void> {
    await this.save(job);
    for (const link of links) {
      const client = adapterFor(link.platform).client(link);
      const base = job.total;
      let counted = 0;
      try {
        for await (const page of client.listOrders({ createdFrom: job.from, createdTo: job.to })) {
          counted += page.items.length;
          job.total = base + Math.max(counted, page.total ?? 0);
          for (const order of page.items) {
            try {
              const { outcome } = await this.deps.writer.applyOrder(job.storeId, link, order);
              if (outcome === 'created' || outcome === 'updated') job.imported++;
              else job.unchanged++;
            } catch (err) {
              job.errors.push({ platform: link.platform, orderId: order.platformOrderId, reason: (err as Error).message });
            }
          }
          await this.save(job);
        }
      } catch (err) {
        job.errors.push({ platform: link.platform, reason: (err as Error).message });
      }
    }
    job.total = Math.max(job.total, job.imported + job.unchanged);
    job.state = job.errors.length > 0 && job.imported + job.unchanged === 0 ? 'failed' : 'done';
  }
}
