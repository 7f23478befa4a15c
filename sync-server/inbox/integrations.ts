/**
 * Everything the web platforms need on the server, built once by main.ts: the platform links, the
 * private inbox databases, the exactly-once web order writer, the inbox processor, the import jobs
 * and the safety-net poller.
 */
import type { StoreBackend } from '../db/backend.ts';
import { ImportJobs } from '../import/import-jobs.ts';
import { Poller } from '../import/poller.ts';
import { PlatformLinks } from '../platforms/links.ts';
import type { SystemStore } from '../system/system-store.ts';
import { InboxProcessor } from './processor.ts';
import { PrivateDbs } from './private-db.ts';
import { WebOrderWriter } from './write-web-order.ts';

export interface IntegrationsOptions {
  dataDir: string;
  adapter: string;
  pollIntervalMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  webhookBodyLimitBytes: number;
  log?: (msg: string) => void;
}

export class Integrations {
  readonly links: PlatformLinks;
  readonly dbs: PrivateDbs;
  readonly writer: WebOrderWriter;
  readonly processor: InboxProcessor;
  readonly jobs: ImportJobs;
  readonly poller: Poller;

  constructor(
    readonly backend: StoreBackend,
    system: SystemStore,
    readonly options: IntegrationsOptions,
  ) {
    const log = options.log;
    this.links = new PlatformLinks(system);
    this.dbs = new PrivateDbs(options.dataDir, options.adapter);
    this.writer = new WebOrderWriter(backend);
    this.processor = new InboxProcessor({ dbs: this.dbs, links: this.links, writer: this.writer, retryBaseMs: options.retryBaseMs, maxAttempts: options.maxAttempts, ...(log ? { log } : {}) });
    this.jobs = new ImportJobs({ dbs: this.dbs, links: this.links, writer: this.writer, ...(log ? { log } : {}) });
    this.poller = new Poller({ intervalMs: options.pollIntervalMs, dbs: this.dbs, links: this.links, writer: this.writer, ...(log ? { log } : {}) });
  }

  /** Resumes unprocessed deliveries and starts the poller. */
  async start(storeIds: readonly string[]): Promise<number> {
    const resumed = await this.processor.resume(storeIds);
    this.poller.start();
    return resumed;
  }

  async stop(): Promise<void> {
    this.poller.stop();
    this.processor.stop();
    await this.dbs.close();
  }
}
