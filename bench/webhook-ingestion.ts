/**
 * Webhook ingestion throughput against the real sync server (a child process on loopback): signed
 * Shopify `orders/create` deliveries POSTed to /webhooks/shopify/<store> — raw body, HMAC check in
 * constant time, durable write to the store's inbox, 200 — versus a raw `_bulk_docs` write of the
 * same documents to the same server, measured in the same run: one document per request at the same
 * concurrency (the like-for-like baseline the ratio uses), and in batches of 500 (the engine's best
 * case). Prints documents/second for each and the ratios; asserts nothing on timings.
 *
 *   BENCH_WEBHOOK_ORDERS (default 1000), BENCH_WEBHOOK_CONCURRENCY (16), BENCH_ROUNDS (5)
 */
import { startMockPlatform } from '../tests/support/mock-platforms/index.ts';
import { startServer } from '../tests/support/server.ts';

export interface WebhookBenchResult {
  orders: number;
  concurrency: number;
  webhookMs: number[];
  rawBulkDocsMs: number[];
  rawBatchedMs: number[];
}

/** fetch, retried once when the server closed an idle keep-alive socket under the request. */
async function post(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function runWebhookIngestionBench(opts: { orders?: number; concurrency?: number; rounds?: number } = {}): Promise<WebhookBenchResult> {
  const orders = opts.orders ?? Number(process.env.BENCH_WEBHOOK_ORDERS ?? 1000);
  const concurrency = opts.concurrency ?? Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 16);
  const rounds = opts.rounds ?? Number(process.env.BENCH_ROUNDS ?? 5);
  const secret = 'bench-webhook-secret';
  const shop = await startMockPlatform('shopify');
  // One workload per round (fresh ids: a repeated delivery id is answered as a duplicate), built
  // before the server starts so that its sockets never sit idle meanwhile.
  const workloads = Array.from({ length: rounds + 1 }, () =>
    Array.from({ length: orders }, (_, i) => {
      const order = shop.createOrder({ lines: [{ sku: `EPI-${String(1 + (i % 40)).padStart(4, '0')}`, quantity: 1 + (i % 3), price: '4.20' }, { sku: 'EPI-0100', quantity: 1, price: '12.90' }] });
      const raw = JSON.stringify(order);
      return { raw, headers: shop.signedHeaders(raw, 'orders/create', secret), order };
    }),
  );
  // The outbound queue stays out of the measurement.
  const server = await startServer({ env: { OUTBOUND_ENABLED: 'false', LONGPOLL_MAX_MS: '1000' } });
  try {
    await server.createStore('bench', 'Bench');
    const link = await server.adminFetch('/api/admin/stores/bench/platforms/shopify', { method: 'PUT', body: shop.linkConfig(secret) });
    if (!link.ok) throw new Error(`linking the bench store failed: ${link.status} ${await link.text()}`);
    const url = `${server.url}/webhooks/shopify/bench`;

    const webhookRound = async (work: (typeof workloads)[number]): Promise<number> => {
      const t0 = performance.now();
      await pool(work, concurrency, async (w) => {
        const res = await post(url, { method: 'POST', headers: w.headers, body: w.raw });
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      });
      return performance.now() - t0;
    };
    const rawRound = async (work: (typeof workloads)[number], round: number): Promise<number> => {
      const t0 = performance.now();
      await pool(work.map((w, i) => ({ w, i })), concurrency, async ({ w, i }) => {
        const doc = { _id: `benchraw:${round}:${i}`, type: 'bench_raw', headers: w.headers, payload: w.order };
        const res = await post(`${server.url}/db/store-bench/_bulk_docs`, {
          method: 'POST',
          headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ docs: [doc] }),
        });
        if (res.status !== 201) throw new Error(`_bulk_docs answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      });
      return performance.now() - t0;
    };

    const batchedRound = async (work: (typeof workloads)[number], round: number): Promise<number> => {
      const t0 = performance.now();
      for (let start = 0; start < work.length; start += 500) {
        const docs = work.slice(start, start + 500).map((w, i) => ({ _id: `benchbatch:${round}:${start + i}`, type: 'bench_raw', headers: w.headers, payload: w.order }));
        const res = await post(`${server.url}/db/store-bench/_bulk_docs`, {
          method: 'POST',
          headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ docs }),
        });
        if (res.status !== 201) throw new Error(`_bulk_docs answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
      return performance.now() - t0;
    };

    // Warm-up of each, then alternating rounds.
    await webhookRound(workloads[0]!);
    await rawRound(workloads[0]!, 0);
    await batchedRound(workloads[0]!, 0);
    const webhookMs: number[] = [];
    const rawBulkDocsMs: number[] = [];
    const rawBatchedMs: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      if (r % 2 === 1) {
        webhookMs.push(await webhookRound(workloads[r]!));
        rawBulkDocsMs.push(await rawRound(workloads[r]!, r));
        rawBatchedMs.push(await batchedRound(workloads[r]!, r));
      } else {
        rawBatchedMs.push(await batchedRound(workloads[r]!, r));
        rawBulkDocsMs.push(await rawRound(workloads[r]!, r));
        webhookMs.push(await webhookRound(workloads[r]!));
      }
    }
    return { orders, concurrency, webhookMs, rawBulkDocsMs, rawBatchedMs };
  } finally {
    await server.stop();
    await shop.close();
  }
}

export function printWebhookBench(r: WebhookBenchResult): void {
  const w = median(r.webhookMs);
  const raw = median(r.rawBulkDocsMs);
  const batched = median(r.rawBatchedMs);
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
  const rate = (ms: number): string => ((r.orders / ms) * 1000).toFixed(0);
  console.log(`rounds (ms): webhooks [${fmt(r.webhookMs)}]; raw _bulk_docs 1/request [${fmt(r.rawBulkDocsMs)}]; raw _bulk_docs ×500 [${fmt(r.rawBatchedMs)}]`);
  console.log(
    `webhook ingestion of ${r.orders} orders (concurrency ${r.concurrency}): ${w.toFixed(0)} ms = ${rate(w)} orders/s; ` +
      `raw _bulk_docs 1 doc/request: ${raw.toFixed(0)} ms = ${rate(raw)} docs/s; ratio ${(w / raw).toFixed(2)}x ` +
      `(batches of 500: ${batched.toFixed(0)} ms = ${rate(batched)} docs/s; ratio ${(w / batched).toFixed(2)}x)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runWebhookIngestionBench()
    .then(printWebhookBench)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
