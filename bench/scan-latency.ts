/**
 * Scan-to-cart latency (bench/scan-page.ts) with a 100,000-product catalogue in headless Chromium:
 * p50 and p95 from the scanner's Enter key event to the cart line on screen, next to a raw IndexedDB
 * index lookup of the same codes in the same page (ratio). Prints figures only; no assertions.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { ScanBenchResult } from './scan-page.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 200);
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, '.tmp', 'bench-scan');

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export async function runScanLatencyBench(): Promise<ScanBenchResult> {
  await mkdir(outDir, { recursive: true });
  await build({ entryPoints: [join(root, 'bench', 'scan-page.ts')], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile: join(outDir, 'scan-page.js'), logLevel: 'warning' });
  await writeFile(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>scan bench</title><script type="module" src="/scan-page.js"></script>');
  const server = createServer((req, res) => {
    const file = req.url === '/scan-page.js' ? 'scan-page.js' : 'index.html';
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
    page.on('pageerror', (e) => console.error('[scan bench page]', e));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'comptoirScanBench' in window);
    return await page.evaluate(([n, s]) => window.comptoirScanBench.run(n, s), [PRODUCTS, SCANS] as const);
  } finally {
    await browser.close();
    server.close();
  }
}

export function printScanLatency(r: ScanBenchResult): void {
  const p50 = percentile(r.scanToLineMs, 50);
  const p95 = percentile(r.scanToLineMs, 95);
  const raw50 = percentile(r.rawLookupMs, 50);
  const raw95 = percentile(r.rawLookupMs, 95);
  console.log(
    `scan-to-cart over ${r.products} products (${r.scans} scans): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ` +
      `raw IndexedDB index get: p50 ${raw50.toFixed(2)} ms, p95 ${raw95.toFixed(2)} ms; ratio p50 ${(p50 / raw50).toFixed(1)}x`,
  );
}
