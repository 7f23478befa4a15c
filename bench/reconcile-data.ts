/**
 * The reconciliation data set (issue 7), deterministic: 1,000,000 stock movements and 100,000 web
 * orders by default, generated in time order in batches (nothing holds the whole set), with a few
 * known SKUs whose figures and oversells are worked out by hand below. The bulk never oversells:
 * sales and negative adjustments take at most what is available, counts never find fewer units
 * than are reserved, so the only oversell tasks are the known ones. Shared by the Playwright test
 * (tests/e2e/reconcile-longtask.spec.ts) and the benchmark (bench/reconcile.ts), in the browser and
 * in Node alike.
 */
import type { SaleDoc, WebOrderDoc, WebOrderEventDoc } from '../src/domain/documents.ts';
import { money } from '../src/domain/money.ts';
import type { PlatformLevel } from '../src/domain/reconcile/types.ts';
import type { MovementRow } from '../src/store/schema.ts';

export interface ReconcileDataSpec {
  movements: number;
  orders: number;
  skus: number;
  seed: number;
}

export const FULL_SPEC: ReconcileDataSpec = { movements: 1_000_000, orders: 100_000, skus: 10_000, seed: 7 };

export interface DataBatch {
  movements: MovementRow[];
  orders: WebOrderDoc[];
  events: WebOrderEventDoc[];
  sales: SaleDoc[];
}

const LOCATIONS = ['shop', 'depot'] as const;
const START = Date.UTC(2026, 9, 1, 8, 0);
const STEP_MS = 1000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let isoDay = -1;
let isoPrefix = '';
/** new Date(t).toISOString() for whole seconds, without a Date per call (a million calls). */
function iso(t: number): string {
  const day = Math.floor(t / 86_400_000);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = Math.floor((t - day * 86_400_000) / 1000);
  return `${isoPrefix}${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}.${String(t % 1000).padStart(3, '0')}Z`;
}

/** mulberry32: small, fast, the same sequence everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const skuName = (i: number): string => `SKU-${String(i).padStart(5, '0')}`;

function webOrder(num: number, createdAt: string, lines: Array<[string, number]>, status: WebOrderDoc['status']): WebOrderDoc {
  return {
    _id: `weborder:shopify:demo:${num}`, type: 'web_order', platform: 'shopify', shop: 'demo', platformOrderId: String(num), orderNumber: `#${num}`,
    createdAt, updatedAt: createdAt, status, delivery: 'shipping', customer: { name: `Client ${num}` }, currency: 'EUR', pricesIncludeTax: true,
    lines: lines.map(([sku, quantity]) => ({ sku, name: sku, quantity, unitPrice: money(1250) })), total: money(1250), payment: { state: 'paid', processor: 'stripe' },
  };
}

function saleDoc(registerId: string, receipt: number, createdAt: string, sku: string, quantity: number): SaleDoc {
  const padded = String(receipt).padStart(8, '0');
  return {
    _id: `sale:${registerId}:${padded}`, type: 'sale', storeId: 'demo', registerId, receiptNumber: receipt,
    receiptLabel: `R-${registerId}-${padded.slice(2)}`, createdAt, cashier: 'Camille', currency: 'EUR', location: 'shop', tenders: [], vatBreakdown: [],
    totals: { net: money(0), vat: money(0), gross: money(1250 * quantity), tendered: money(1250 * quantity), change: money(0) },
    lines: [{ sku, name: sku, quantity, unitPrice: money(1250), vatRate: 2000, total: money(1250 * quantity) }],
  };
}

const saleMovement = (sale: SaleDoc): MovementRow => {
  const line = sale.lines[0] as SaleDoc['lines'][number];
  return { _id: `${sale._id}:line:0`, type: 'stock_movement', sku: line.sku, location: sale.location, reason: 'sale', delta: -line.quantity, at: sale.createdAt, ref: sale._id, derivedFrom: sale._id };
};

/**
 * The known SKUs, placed at fixed steps of the timeline (see generateReconcileData); what they should
 * come to is worked out by hand in tests/e2e/reconcile-longtask.spec.ts.
 * - KNOWN-A @ shop: count 20, +5, three sales of 2 (register R3); open orders #900001 (1) and #900002
 *   (3); #900003 shipped and #900004 cancelled at the counter hold nothing.
 * - KNOWN-LAST @ shop: count 1; registers R1 and R2 each sell it (receipts 90000001); web order
 *   #900010 takes it too.
 * - KNOWN-EP @ depot: +2, −1 (adjustment), −2 (transfer), +3, −3 (transfer): two episodes.
 */
export const KNOWN = {
  A: { sku: 'KNOWN-A', location: 'shop' },
  LAST: { sku: 'KNOWN-LAST', location: 'shop' },
  EP: { sku: 'KNOWN-EP', location: 'depot' },
} as const;

/** What the web store shows: KNOWN-A at 20 (it should show 15), and one bulk SKU shown right. */
export function platformLevelsFor(expected: ReadonlyMap<string, { onHand: number; reserved: number }>): PlatformLevel[] {
  const shop = expected.get(`${skuName(42)}@shop`) ?? { onHand: 0, reserved: 0 };
  const depot = expected.get(`${skuName(42)}@depot`) ?? { onHand: 0, reserved: 0 };
  return [
    { source: 'shopify:demo', sku: KNOWN.A.sku, quantity: 20 },
    { source: 'shopify:demo', sku: skuName(42), quantity: shop.onHand - shop.reserved + depot.onHand - depot.reserved },
  ];
}

export interface Generated {
  /** `${sku}@${location}` → on hand and reserved, tracked while generating (not by the fold). */
  expected: Map<string, { onHand: number; reserved: number }>;
  counts: { movements: number; orders: number; events: number; sales: number };
}

/**
 * Generates the data set in time order, handing `sink` a batch every `batchSize` movements.
 * `sink` may be async (a database write): generation waits for it.
 */
export async function generateReconcileData(spec: ReconcileDataSpec, sink: (batch: DataBatch) => void | Promise<void>, batchSize = 10_000): Promise<Generated> {
  const rand = prng(spec.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (): string => Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0');
  const names = Array.from({ length: spec.skus }, (_, i) => skuName(i));
  const onHand = new Map<string, number>();
  const reserved = new Map<string, number>();
  // Keys are built once per pair: Map lookups on fresh concatenations were most of the generation time.
  const pairKeys = new Map<string, string[]>();
  const key = (sku: string, location: string): string => {
    let keys = pairKeys.get(sku);
    if (keys === undefined) pairKeys.set(sku, (keys = LOCATIONS.map((l) => `${sku}@${l}`)));
    return location === 'shop' ? (keys[0] as string) : location === 'depot' ? (keys[1] as string) : `${sku}@${location}`;
  };
  let batch: DataBatch = { movements: [], orders: [], events: [], sales: [] };
  const counts = { movements: 0, orders: 0, events: 0, sales: 0 };
  const flush = async (): Promise<void> => {
    const b = batch;
    batch = { movements: [], orders: [], events: [], sales: [] };
    await sink(b);
  };
  const move = (m: MovementRow): void => {
    batch.movements.push(m);
    counts.movements += 1;
    const k = key(m.sku, m.location);
    onHand.set(k, m.reason === 'count' ? (m.quantity as number) : (onHand.get(k) ?? 0) + (m.delta as number));
  };
  const order = (o: WebOrderDoc, open: boolean, event?: WebOrderEventDoc): void => {
    batch.orders.push(o);
    counts.orders += 1;
    if (event !== undefined) {
      batch.events.push(event);
      counts.events += 1;
    }
    if (!open) return;
    for (const line of o.lines) {
      const k = key(line.sku as string, 'shop');
      reserved.set(k, (reserved.get(k) ?? 0) + line.quantity);
    }
  };
  const sale = (s: SaleDoc): void => {
    batch.sales.push(s);
    counts.sales += 1;
    move(saleMovement(s));
  };

  // Known facts, by the step at which they happen.
  const known = new Map<number, Array<(at: string) => void>>();
  const at = (step: number, f: (at: string) => void): void => {
    const list = known.get(step);
    if (list) list.push(f);
    else known.set(step, [f]);
  };
  const spread = (i: number): number => Math.floor(((i + 1) * (spec.movements - 10)) / 20);
  const stockMove = (sku: string, location: string, reason: MovementRow['reason'], n: number) => (t: string): void =>
    move({ _id: `stock:r9:${hex()}${hex()}`, type: 'stock_movement', sku, location, reason, ...(reason === 'count' ? { quantity: n } : { delta: n }), at: t });
  // KNOWN-A
  at(spread(0), stockMove(KNOWN.A.sku, 'shop', 'count', 20));
  at(spread(1), stockMove(KNOWN.A.sku, 'shop', 'receipt', 5));
  for (const [i, s] of [2, 3, 4].entries()) at(spread(s), (t) => sale(saleDoc('R3', 900001 + i, t, KNOWN.A.sku, 2)));
  at(spread(5), (t) => order(webOrder(900001, t, [[KNOWN.A.sku, 1]], 'new'), true));
  at(spread(6), (t) => order(webOrder(900002, t, [[KNOWN.A.sku, 3]], 'packed'), true));
  at(spread(7), (t) => order(webOrder(900003, t, [[KNOWN.A.sku, 4]], 'shipped'), false));
  at(spread(8), (t) =>
    order(webOrder(900004, t, [[KNOWN.A.sku, 2]], 'new'), false, {
      _id: `woevent:r1:${hex()}${hex()}`, type: 'web_order_event', orderId: 'weborder:shopify:demo:900004', kind: 'cancelled', reason: 'Client', at: t, by: 'Camille',
    }),
  );
  // KNOWN-LAST
  at(spread(9), stockMove(KNOWN.LAST.sku, 'shop', 'count', 1));
  at(spread(10), (t) => sale(saleDoc('R1', 90000001, t, KNOWN.LAST.sku, 1)));
  at(spread(11), (t) => sale(saleDoc('R2', 90000001, t, KNOWN.LAST.sku, 1)));
  at(spread(12), (t) => order(webOrder(900010, t, [[KNOWN.LAST.sku, 1]], 'new'), true));
  // KNOWN-EP
  at(spread(13), stockMove(KNOWN.EP.sku, 'depot', 'receipt', 2));
  at(spread(14), stockMove(KNOWN.EP.sku, 'depot', 'adjustment', -1));
  at(spread(15), stockMove(KNOWN.EP.sku, 'depot', 'transfer', -2));
  at(spread(16), stockMove(KNOWN.EP.sku, 'depot', 'receipt', 3));
  at(spread(17), stockMove(KNOWN.EP.sku, 'depot', 'transfer', -3));
  const knownMovements = 5 + 3 + 5;
  const knownOrders = 5;

  // Every bulk pair starts with a count; then the timeline.
  const receipts = [0, 0, 0, 0];
  const bulkMovements = spec.movements - knownMovements;
  const bulkOrders = spec.orders - knownOrders;
  let orderNo = 100000;
  let step = 0;
  const pairs = spec.skus * LOCATIONS.length;
  for (let i = 0; i < Math.min(pairs, bulkMovements); i++) {
    stockMove(names[i >> 1] as string, LOCATIONS[i & 1] as string, 'count', int(200, 400))(iso(START + step * STEP_MS));
    step += 1;
    for (const f of known.get(step) ?? []) f(iso(START + step * STEP_MS));
    if (batch.movements.length >= batchSize) await flush();
  }
  let made = Math.min(pairs, bulkMovements);
  const orderEvery = bulkMovements / Math.max(1, bulkOrders);
  let ordersMade = 0;
  while (made < bulkMovements || ordersMade < bulkOrders) {
    const t = iso(START + step * STEP_MS);
    if (made < bulkMovements) {
      const sku = names[int(0, spec.skus - 1)] as string;
      const location = rand() < 0.7 ? 'shop' : 'depot';
      const k = key(sku, location);
      const free = (onHand.get(k) ?? 0) - (reserved.get(k) ?? 0);
      const roll = rand();
      if (roll < 0.6 && free >= 3) {
        const r = int(0, 3);
        receipts[r] = (receipts[r] as number) + 1;
        // A bulk sale is only its derived movement (the reconciliation reads sales for labels only).
        const saleId = `sale:R${r + 1}:${String(receipts[r]).padStart(8, '0')}`;
        move({ _id: `${saleId}:line:0`, type: 'stock_movement', sku, location, reason: 'sale', delta: -int(1, 3), at: t, ref: saleId, derivedFrom: saleId });
      } else if (roll < 0.9 || free < 3) {
        stockMove(sku, location, 'receipt', int(1, 12))(t);
      } else if (roll < 0.97) {
        stockMove(sku, location, rand() < 0.5 ? 'adjustment' : 'transfer', -int(1, 2))(t);
      } else {
        stockMove(sku, location, 'count', Math.max((onHand.get(k) ?? 0) + int(-3, 3), reserved.get(k) ?? 0))(t);
      }
      made += 1;
    }
    // Web orders at an even pace through the timeline: 30 % open (new / packed), 2 % of those cancelled at the counter.
    while (ordersMade < bulkOrders && (ordersMade < made / orderEvery || made >= bulkMovements)) {
      const lines: Array<[string, number]> = [];
      const n = int(1, 3);
      for (let l = 0; l < n; l++) {
        const sku = names[int(0, spec.skus - 1)] as string;
        if (!lines.some(([s]) => s === sku)) lines.push([sku, int(1, 2)]);
      }
      const roll = rand();
      const status: WebOrderDoc['status'] = roll < 0.2 ? 'new' : roll < 0.3 ? 'packed' : roll < 0.9 ? 'shipped' : 'cancelled';
      let open = status === 'new' || status === 'packed';
      // An open order only takes what is free (the bulk never oversells).
      if (open && lines.some(([sku, q]) => (onHand.get(key(sku, 'shop')) ?? 0) - (reserved.get(key(sku, 'shop')) ?? 0) < q)) open = false;
      orderNo += 1;
      const o = webOrder(orderNo, t, lines, open ? status : 'shipped');
      if (open && rand() < 0.02) {
        order(o, false, { _id: `woevent:r2:${hex()}${hex()}`, type: 'web_order_event', orderId: o._id, kind: 'cancelled', reason: 'Rupture', at: t, by: 'Léo' });
      } else order(o, open);
      ordersMade += 1;
    }
    step += 1;
    for (const f of known.get(step) ?? []) f(iso(START + step * STEP_MS));
    if (batch.movements.length >= batchSize) await flush();
  }
  await flush();
  const expected = new Map<string, { onHand: number; reserved: number }>();
  for (const [k, q] of onHand) expected.set(k, { onHand: q, reserved: reserved.get(k) ?? 0 });
  for (const [k, q] of reserved) if (!expected.has(k)) expected.set(k, { onHand: 0, reserved: q });
  return { expected, counts };
}
