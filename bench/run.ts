/**
 * `npm run bench`: bundles bench/projection-page.ts (the real projection + schema) with esbuild,
 * serves it from 127.0.0.1, runs it in Debian's headless Chromium and prints medians and the ratio
 * projection / raw bulkPut measured in the same run. Prints figures only: no timing assertions.
 */
import { withBenchPage } from './browser-page.ts';
import type { BenchResult } from './projection-page.ts';
import { printScanLatency, runScanLatencyBench } from './scan-latency.ts';
import { printWebhookBench, runWebhookIngestionBench } from './webhook-ingestion.ts';
import { printReceiptBench } from './receipt-build.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const result = await withBenchPage<BenchResult>('projection-page.ts', 'comptoirBench', (page) =>
    page.evaluate(([n, r]) => window.comptoirBench.run(n, r), [DOCS, ROUNDS] as const),
  );
  const p = median(result.projectionMs);
  const raw = median(result.rawBulkPutMs);
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`rounds (ms): projection [${fmt(result.projectionMs)}]; raw bulkPut [${fmt(result.rawBulkPutMs)}]`);
  console.log(`projection of ${result.documents} docs: ${p.toFixed(0)} ms; raw bulkPut: ${raw.toFixed(0)} ms; ratio ${(p / raw).toFixed(2)}x`);
}

main()
  // Webhook ingestion vs raw _bulk_docs on the real sync server (bench/webhook-ingestion.ts).
  .then(async () => printWebhookBench(await runWebhookIngestionBench()))
  // Time to build a 50-line receipt's printer bytes vs TextEncoder of its text (bench/receipt-build.ts).
  .then(() => printReceiptBench())
  // Scan-to-cart latency over 100,000 products vs a raw IndexedDB index get (bench/scan-latency.ts).
  .then(async () => printScanLatency(await runScanLatencyBench()))
  // Stock reconciliation of 1,000,000 movements + 100,000 web orders: worker vs in-page fold (bench/reconcile.ts).
  .then(async () => { const r = await import('./reconcile.ts'); r.printReconcileBench(await r.runReconcileBench()); })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
