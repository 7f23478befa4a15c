/**
 * Scan-to-cart latency (bench/scan-page.ts) with a 100,000-product catalogue in headless Chromium:
 * p50 and p95 from the scanner's Enter key event to the cart line on screen, next to a raw IndexedDB
 * index lookup of the same codes in the same page (ratio). Prints figures only; no assertions.
 */
import { withBenchPage } from './browser-page.ts';
import type { ScanBenchResult } from './scan-page.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 200);

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export async function runScanLatencyBench(): Promise<ScanBenchResult> {
  return withBenchPage<ScanBenchResult>('scan-page.ts', 'comptoirScanBench', (page) =>
    page.evaluate(([n, s]) => window.comptoirScanBench.run(n, s), [PRODUCTS, SCANS] as const),
  );
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
