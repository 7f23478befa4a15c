/**
 * `npm run bench`: bundles bench/projection-page.ts (the real projection + schema) with esbuild,
 * serves it from 127.0.0.1, runs it in Debian's headless Chromium and prints medians and the ratio
 * projection / raw bulkPut measured in the same run. Prints figures only: no timing assertions.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { BenchResult } from './projection-page.ts';
import { printScanLatency, runScanLatencyBench } from './scan-latency.ts';
import { printWebhookBench, runWebhookIngestionBench } from './webhook-ingestion.ts';
import { printReceiptBench } from './receipt-build.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, '.tmp', 'bench');

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function bundle(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'bench', 'projection-page.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(outDir, 'projection-page.js'),
    logLevel: 'warning',
  });
  await writeFile(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/projection-page.js"></script>');
}

async function main(): Promise<void> {
  await bundle();
  const server = createServer((req, res) => {
    const file = req.url === '/projection-page.js' ? 'projection-page.js' : 'index.html';
    readFile(join(outDir, file)).then(
      (body) => res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('[bench page]', e));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'comptoirBench' in window);
    const result: BenchResult = await page.evaluate(([n, r]) => window.comptoirBench.run(n, r), [DOCS, ROUNDS] as const);
    const p = median(result.projectionMs);
    const raw = median(result.rawBulkPutMs);
    const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`rounds (ms): projection [${fmt(result.projectionMs)}]; raw bulkPut [${fmt(result.rawBulkPutMs)}]`);
    console.log(`projection of ${result.documents} docs: ${p.toFixed(0)} ms; raw bulkPut: ${raw.toFixed(0)} ms; ratio ${(p / raw).toFixed(2)}x`);
  } finally {
    await browser.close();
    server.close();
  }
}

main()
  // Webhook ingestion vs raw _bulk_docs on the real sync server (bench/webhook-ingestion.ts).
  .then(async () => printWebhookBench(await runWebhookIngestionBench()))
  // Time to build a 50-line receipt's printer bytes vs TextEncoder of its text (bench/receipt-build.ts).
  .then(() => printReceiptBench())
  // Scan-to-cart latency over 100,000 products vs a raw IndexedDB index get (bench/scan-latency.ts).
  .then(async () => printScanLatency(await runScanLatencyBench()))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
