/**
 * `npm run bench` (after the others): the stock reconciliation of issue 7 over the full data set
 * (bench/reconcile-data.ts: 1,000,000 movements, 100,000 web orders) in Debian's headless Chromium.
 *
 *   worker:  the real command → the real reconciliation worker: chunked IndexedDB reads, the fold,
 *            results written back (what "Reconcile now" costs);
 *   in-page: the same fold over the same data already in memory on the page, one pass, no worker,
 *            no IndexedDB (the baseline).
 *
 * Both measured in the same run, rounds alternating; medians and the ratio worker / in-page are
 * printed. Seeding the read model is not measured, and is done once: the seeded browser profile is
 * shared with the Playwright test (bench/reconcile-profile.ts). (Long tasks are the Playwright test's business:
 * here the page also holds the baseline's data, a heap no register page has.) Runnable alone: `npx tsx bench/reconcile.ts`.
 * BENCH_RECONCILE_MOVEMENTS, BENCH_RECONCILE_ORDERS and BENCH_RECONCILE_ROUNDS change the workload.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildReconcileHarness } from './reconcile-build.ts';
import { FULL_SPEC, type ReconcileDataSpec } from './reconcile-data.ts';
import { CHROMIUM, seededProfile } from './reconcile-profile.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export interface ReconcileBenchResult {
  spec: ReconcileDataSpec;
  /** null: the read model seeded by an earlier run was reused. */
  seedMs: number | null;
  workerMs: number[];
  workerPhases: Array<Record<string, number>>;
  inPageMs: number[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export async function runReconcileBench(): Promise<ReconcileBenchResult> {
  const spec: ReconcileDataSpec = {
    ...FULL_SPEC,
    movements: Number(process.env.BENCH_RECONCILE_MOVEMENTS ?? FULL_SPEC.movements),
    orders: Number(process.env.BENCH_RECONCILE_ORDERS ?? FULL_SPEC.orders),
  };
  const rounds = Number(process.env.BENCH_RECONCILE_ROUNDS ?? 3);
  const outDir = join(root, '.tmp', 'bench-reconcile');
  // Served under /__reconcile/ on the seeded profile's port: the same origin as the Playwright test's.
  await buildReconcileHarness(outDir, '/__reconcile/');
  const profile = await seededProfile(spec);
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/__reconcile\//, '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(profile.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const context = await chromium.launchPersistentContext(profile.dir, CHROMIUM);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[reconcile]', e));
    await page.goto(`http://127.0.0.1:${port}/__reconcile/index.html`);
    await page.waitForFunction(() => 'comptoirReconcile' in window);
    let marker = profile.marker;
    if (marker !== null) {
      const counts = await page.evaluate(() => window.comptoirReconcile.seededCounts());
      if (counts.movements !== spec.movements || counts.webOrders !== spec.orders) marker = null;
    }
    let seedMs: number | null = null;
    let levels = marker?.levels ?? [];
    if (marker === null) {
      const seeded = await page.evaluate((s) => window.comptoirReconcile.seed(s), spec);
      seedMs = seeded.ms;
      levels = seeded.levels;
      await profile.remember({ counts: seeded.counts, expected: seeded.expected, levels });
    }
    const result: ReconcileBenchResult = { spec, seedMs, workerMs: [], workerPhases: [], inPageMs: [] };
    await page.evaluate((s) => window.comptoirReconcile.prepareInPage(s), spec);
    for (let r = 0; r < rounds; r++) {
      const run = await page.evaluate((l) => window.comptoirReconcile.reconcile(l), levels);
      result.workerMs.push(run.wallMs);
      result.workerPhases.push((run.summary as { phaseMs: Record<string, number> }).phaseMs);
      result.inPageMs.push(await page.evaluate((l) => window.comptoirReconcile.inPageFold(l), levels));
    }
    return result;
  } finally {
    await context.close();
    server.close();
    await profile.release();
  }
}

export function printReconcileBench(r: ReconcileBenchResult): void {
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
  const w = median(r.workerMs);
  const f = median(r.inPageMs);
  const phases = Object.keys(r.workerPhases[0] ?? {})
    .map((k) => `${k} ${median(r.workerPhases.map((p) => p[k] ?? 0)).toFixed(0)}`)
    .join(', ');
  const seeding = r.seedMs === null ? 'read model seeded by an earlier run' : `seeding ${r.seedMs.toFixed(0)} ms (not measured)`;
  console.log(`reconciliation rounds (ms): worker [${fmt(r.workerMs)}]; in-page fold [${fmt(r.inPageMs)}]; ${seeding}`);
  console.log(
    `reconciliation of ${r.spec.movements} movements + ${r.spec.orders} web orders: worker ${w.toFixed(0)} ms (${phases}); ` +
      `in-page single-pass fold ${f.toFixed(0)} ms; ratio ${(w / f).toFixed(2)}x`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  runReconcileBench()
    .then(printReconcileBench)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
