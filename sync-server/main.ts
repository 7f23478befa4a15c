/**
 * Entry point: read the configuration, open the storage, seed the demo store on first start, listen,
 * and shut down gracefully on SIGTERM/SIGINT. `npm run server` runs this; `sync-server/supervise.ts`
 * runs it under a restart-on-crash supervisor.
 */
import type { Socket } from 'node:net';
import { createApp } from './app.ts';
import { pairingBanner, reachableUrls } from './banner.ts';
import { ConfigError, defaultAdminWarning, loadConfig, type ServerConfig } from './config.ts';
import { createEmbeddedBackend } from './db/embedded.ts';
import { Integrations } from './inbox/integrations.ts';
import { Registry } from './registry.ts';
import { DEMO_STORE_ID, seedDemo } from './seed/demo.ts';
import { InvoiceService } from './invoices/service.ts';
import { loadOutboundConfig } from './outbound/config.ts';
import { startOutbound, type OutboundService } from './outbound/index.ts';
import { SystemStore } from './system/system-store.ts';
import { SERVER_VERSION } from './version.ts';

/** Exit code for configuration errors: the supervisor does not restart on it. */
export const EXIT_CONFIG = 78;

const log = (msg: string): void => console.log(`[comptoir] ${msg}`);

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(EXIT_CONFIG);
    }
    throw err;
  }
  if (config.usingDefaultAdmin) console.error(defaultAdminWarning());
  // Outbound queue + mail (issue 4): SMTP_URL, MAIL_FROM, OUTBOUND_* (docs/adr/0007).
  const outboundConfig = loadOutboundConfig();
  if (outboundConfig.problems.length > 0) {
    console.error(new ConfigError(outboundConfig.problems).message);
    process.exit(EXIT_CONFIG);
  }

  const backend = await createEmbeddedBackend({ dataDir: config.dataDir, adapter: config.storageAdapter, longpollMaxMs: config.longpollMaxMs });
  const system = SystemStore.open(config.dataDir);
  const registry = new Registry(system);
  // Opening every known store database (re-)registers it with the engine.
  for (const store of registry.stores()) await backend.ensureStoreDb(store.id);

  const seed = config.seedDemo ? await seedDemo(backend, registry) : null;
  if (seed?.created) log(`seeded the demo store "demo" (${seed.documents} documents)`);

  // Web platforms: links, durable webhook inbox (unprocessed deliveries resumed), safety-net poll.
  const integrations = new Integrations(backend, system, {
    dataDir: config.dataDir,
    adapter: config.storageAdapter,
    pollIntervalMs: config.pollIntervalMs,
    retryBaseMs: config.inboxRetryBaseMs,
    maxAttempts: config.inboxMaxAttempts,
    webhookBodyLimitBytes: config.webhookBodyLimitBytes,
    log,
  });
  if (registry.store(DEMO_STORE_ID)) await integrations.links.ensureDemoLinks(DEMO_STORE_ID, process.env);
  const resumed = await integrations.start(registry.stores().map((st) => st.id));
  if (resumed > 0) log(`resuming ${resumed} unprocessed webhook deliver${resumed === 1 ? 'y' : 'ies'}`);

  // Invoice numbering per store (gapless, restart-safe): pending requests first, then live.
  const invoices = new InvoiceService({ backend, storeIds: () => registry.stores().map((st) => st.id) });
  await invoices.start();

  let shuttingDown = false;
  const app = createApp({ config, backend, registry, integrations, system, isShuttingDown: () => shuttingDown });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`sync server ${SERVER_VERSION} listening on http://${config.host}:${port} (data: ${config.dataDir}, backend: ${backend.kind})`);
  if (seed?.pairing) {
    console.log(
      pairingBanner({
        pairingCode: seed.pairing.pairingCode,
        storeId: seed.pairing.register.storeId,
        registerId: seed.pairing.register.id,
        registerName: seed.pairing.register.name,
        expiresAt: seed.pairing.expiresAt,
        urls: reachableUrls(config.host, port),
      }),
    );
  }

  const outbound: OutboundService | null = outboundConfig.config.enabled
    ? await startOutbound({
        backend,
        registry,
        links: (storeId) =>
          (system.snapshot.platformLinks ?? [])
            .filter((l) => l.storeId === storeId)
            .map((l) => ({ platform: l.platform, shop: l.shop, apiUrl: l.apiUrl, credentials: l.credentials, ...(l.credentials.locationId ? { locationId: l.credentials.locationId } : {}) })),
        dataDir: config.dataDir,
        config: outboundConfig.config,
      })
    : null;

  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  let firstSignalAt = 0;
  const shutdown = (signal: string): void => {
    if (shuttingDown) {
      // Ctrl-C under the supervisor reaches us twice (terminal + forwarded): only a later one forces.
      if (Date.now() - firstSignalAt < 1000) return;
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    shuttingDown = true;
    firstSignalAt = Date.now();
    log(`${signal}: shutting down`);
    const outboundStopped = outbound ? outbound.stop().catch(() => undefined) : Promise.resolve();
    const force = setTimeout(() => {
      for (const s of sockets) s.destroy();
    }, 3000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      invoices.stop();
      outboundStopped
        .then(() => integrations.stop().catch(() => undefined))
        .then(() => Promise.allSettled([backend.close(), system.flush()]))
        .then(() => {
          log('stopped');
          process.exit(0);
        })
        .catch(() => process.exit(1));
    });
    // Idle keep-alive connections would hold close() up; long polls get 3 s to finish.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

process.on('unhandledRejection', (err) => {
  console.error('[comptoir] unhandled rejection:', err);
  process.exit(1);
});

main().catch((err: unknown) => {
  console.error('[comptoir] failed to start:', err);
  process.exit(1);
});
