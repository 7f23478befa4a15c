/**
 * The outbound side, wired: one runner (runner.ts) for every store database, one producer
 * (producers.ts) per store, the mailer when SMTP_URL is set. main.ts starts it after the server
 * listens and stops it first on shutdown (before the databases close).
 */
import path from 'node:path';
import type { StoreBackend } from '../db/backend.ts';
import { Mailer, SMTP_NOT_CONFIGURED } from '../mail/mailer.ts';
import { startPeriodicReconcile, stockReconcileInterval } from '../reconcile/periodic.ts';
import type { Registry } from '../registry.ts';
import type { OutboundConfig } from './config.ts';
import { createHandler } from './handle.ts';
import { hasPushCredentials, type PushLink } from './http.ts';
import { MAIL_PREFIX } from './jobs.ts';
import { JobStore } from './queue.ts';
import { StoreProducer } from './producers.ts';
import { OutboundRunner } from './runner.ts';

export interface OutboundDeps {
  backend: StoreBackend;
  registry: Registry;
  links: (storeId: string) => PushLink[];
  dataDir: string;
  config: OutboundConfig;
  log?: (msg: string) => void;
}

export interface OutboundService {
  readonly runner: OutboundRunner;
  /** Wakes the runner (a job was requeued). */
  kick(): void;
  stop(): Promise<void>;
}

export async function startOutbound(deps: OutboundDeps): Promise<OutboundService> {
  const { config, backend, registry } = deps;
  const log = deps.log ?? ((m: string) => console.log(`[outbound] ${m}`));
  const mailer = config.mail.smtpUrl ? new Mailer({ ...config.mail, smtpUrl: config.mail.smtpUrl }, config.pushTimeoutMs) : null;
  const mailBlocked = (): string | null => (mailer ? null : SMTP_NOT_CONFIGURED);
  const runner = new OutboundRunner({
    stores: () => registry.stores().map((s) => ({ storeId: s.id, db: backend.db(s.id) })),
    handle: createHandler({ links: deps.links, mailer, pushTimeoutMs: config.pushTimeoutMs }),
    leaseMs: config.leaseMs,
    pollMs: config.pollMs,
    backoff: { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs },
    log,
  });
  const producers = new Map<string, StoreProducer>();
  let stopped = false;

  const attach = async (): Promise<void> => {
    for (const store of registry.stores()) {
      if (producers.has(store.id) || stopped) continue;
      const db = backend.db(store.id);
      // Mail jobs wait, visibly, while SMTP is not configured; they go as soon as it is.
      await new JobStore(db).setBlocked(MAIL_PREFIX, mailBlocked());
      const producer = new StoreProducer({
        storeId: store.id,
        db,
        // Stock levels go to the links that can be pushed to (the demo links have no credentials).
        links: () => deps.links(store.id).filter(hasPushCredentials),
        coalesceMs: config.coalesceMs,
        maxAttempts: config.maxAttempts,
        checkpointDir: path.join(deps.dataDir, 'outbound'),
        mailBlocked,
        onQueued: () => runner.kick(),
        autoCancelIntervalMs: config.autoCancelIntervalMs,
        log,
      });
      producers.set(store.id, producer);
      await producer.start();
    }
  };
  await attach();
  await runner.start();
  if (!mailer) log('SMTP_URL is not set: mails are queued and wait ("SMTP not configured")');
  const storeWatch = setInterval(() => {
    attach().catch((err: unknown) => log(`attaching new stores failed: ${String(err)}`));
  }, 2000);
  storeWatch.unref();
  // Stock reconciliation with the web stores (STOCK_RECONCILE_INTERVAL_MS, default 15 min, 0 = off).
  const reconcileEvery = stockReconcileInterval();
  if (reconcileEvery.problem) log(reconcileEvery.problem);
  const reconcile = startPeriodicReconcile({
    backend,
    registry,
    links: (storeId) => deps.links(storeId).filter(hasPushCredentials),
    intervalMs: reconcileEvery.intervalMs,
    timeoutMs: config.pushTimeoutMs,
    maxAttempts: config.maxAttempts,
    onQueued: () => runner.kick(),
    log,
  });

  return {
    runner,
    kick: () => runner.kick(),
    async stop() {
      stopped = true;
      clearInterval(storeWatch);
      await reconcile.stop();
      await Promise.allSettled([...producers.values()].map((p) => p.stop()));
      await runner.stop();
      mailer?.close();
    },
  };
}
