// Issue 7: the sales report's aggregations agree with each other, whatever the sales (property tests),
// and bucket by the shop's local day and hour.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import { daysBetween, localClock, localDaysRange, startOfLocalDay } from '../../src/domain/reports/local-time.ts';
import { addSales, addWebOrders, finishSalesReport, salesReport, startSalesReport, type ReportRange } from '../../src/domain/reports/sales-report.ts';
import { refundArb, saleArb } from './shift/arbitraries.ts';

// A week of Paris days around the spring DST change.
const RANGE: ReportRange = { ...(localDaysRange('2026-03-25', '2026-04-01', 'Europe/Paris') as { from: string; until: string }), timeZone: 'Europe/Paris' };
const FROM = Date.parse(RANGE.from);
const UNTIL = Date.parse(RANGE.until);
const sumOf = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** Sales (and refunds, exchanges) at random instants a little around the range, some at the web counter. */
const timedSaleArb: fc.Arbitrary<SaleDoc> = fc
  .record({
    sale: fc.oneof(saleArb, refundArb),
    at: fc.integer({ min: FROM - 2 * 86_400_000, max: UNTIL + 2 * 86_400_000 }),
    web: fc.boolean(),
    offset: fc.constantFrom('Z', '+02:00', '-05:00'),
  })
  .map(({ sale, at, web, offset }) => {
    const iso = new Date(at).toISOString();
    // The same instant written with another offset (registers write Z; other writers may not).
    let createdAt = iso;
    if (offset !== 'Z') {
      const sign = offset.startsWith('+') ? 1 : -1;
      const h = Number(offset.slice(1, 3));
      createdAt = new Date(at + sign * h * 3_600_000).toISOString().replace('Z', offset);
    }
    return { ...sale, createdAt, ...(web && sale.kind !== 'refund' ? { webOrderId: 'weborder:shopify:demo:1' } : {}) };
  });

const CATEGORY: Record<string, string> = { S0: 'épicerie', S1: 'boissons', S2: 'frais', S3: 'épicerie' };
const categoryOf = (sku: string): string | undefined => CATEGORY[sku];

describe('sales report aggregations', () => {
  it('Σ by tender = Σ by day = Σ by hour = Σ by category = total = in-store + web at the counter', () => {
    fc.assert(
      fc.property(fc.array(timedSaleArb, { maxLength: 30 }), (sales) => {
        const report = salesReport(RANGE, { sales, categoryOf }, '2026-04-02T00:00:00.000Z');
        const inRange = sales.filter((s) => Date.parse(s.createdAt) >= FROM && Date.parse(s.createdAt) < UNTIL);
        const total = sumOf(inRange.map((s) => s.totals.gross));
        expect(report.total.amount).toBe(total);
        expect(report.total.documents).toBe(inRange.length);
        expect(sumOf(report.byDay.map((d) => d.amount))).toBe(total);
        expect(sumOf(report.byHour.map((h) => h.amount))).toBe(total);
        expect(sumOf(report.byTender.map((t) => t.amount))).toBe(total);
        expect(sumOf(report.byCategory.map((c) => c.amount))).toBe(total);
        expect(report.channels.store.amount + report.channels.webCounter.amount).toBe(total);
        expect(sumOf(report.byDay.map((d) => d.count))).toBe(inRange.length);
        expect(sumOf(report.byHour.map((h) => h.count))).toBe(inRange.length);
        expect(report.total.sales + report.total.refunds).toBe(inRange.length);
        expect(report.total.sold - report.total.returned).toBe(total);
        expect(report.total.net + report.total.vat).toBe(total);
        expect(report.byHour).toHaveLength(24);
      }),
    );
  });

  it('does not depend on chunking or order, and counts a sale handed over twice once', () => {
    fc.assert(
      fc.property(fc.array(timedSaleArb, { maxLength: 25 }), fc.integer({ min: 1, max: 7 }), (sales, size) => {
        const once = salesReport(RANGE, { sales, categoryOf }, 'x');
        const acc = startSalesReport(RANGE, categoryOf);
        const shuffled = [...sales, ...sales.slice(0, 5)].reverse();
        for (let i = 0; i < shuffled.length; i += size) addSales(acc, shuffled.slice(i, i + size));
        expect(finishSalesReport(acc, 'x')).toEqual(once);
      }),
    );
  });

  it('lists every day of the range, empty ones included, in the shop’s zone', () => {
    const report = salesReport(RANGE, { sales: [] }, 'x');
    expect(report.byDay.map((d) => d.day)).toEqual(daysBetween('2026-03-25', '2026-04-01'));
    expect(report.byDay.every((d) => d.amount === 0 && d.count === 0)).toBe(true);
    expect(report.byTender).toEqual([]);
  });

  it('buckets by local day and hour: 23:30 UTC on 28 March is 00:30 on the 29th in Paris (winter time)', () => {
    const [sale] = fc.sample(saleArb, { numRuns: 1, seed: 7 });
    const s = { ...(sale as SaleDoc), createdAt: '2026-03-28T23:30:00.000Z' };
    const report = salesReport(RANGE, { sales: [s] }, 'x');
    expect(report.byDay.find((d) => d.count === 1)?.day).toBe('2026-03-29');
    expect(report.byHour.find((h) => h.count === 1)?.hour).toBe(0);
    // After the change (summer time, UTC+2): 22:30 UTC on the 29th is 00:30 on the 30th.
    const later = { ...s, _id: 'sale:R1:99999999', createdAt: '2026-03-29T22:30:00.000Z' };
    const r2 = salesReport(RANGE, { sales: [later] }, 'x');
    expect(r2.byDay.find((d) => d.count === 1)?.day).toBe('2026-03-30');
  });

  it('splits tenders net of change and sorts by kind; categories unknown to the catalogue are uncategorised', () => {
    const base = fc.sample(saleArb, { numRuns: 1, seed: 3 })[0] as SaleDoc;
    const sale: SaleDoc = {
      ...base,
      createdAt: '2026-03-26T10:00:00.000Z',
      lines: [
        { sku: 'S1', name: 'Jus', quantity: 2, unitPrice: money(300), vatRate: 550, total: money(600) },
        { sku: 'NOPE', name: 'Livraison', quantity: 1, unitPrice: money(400), vatRate: 2000, total: money(400) },
      ],
      tenders: [
        { kind: 'card', amount: money(500), card: { approvalCode: 'A', last4: '1234' } },
        { kind: 'cash', amount: money(1000) },
      ],
      totals: { net: money(900), vat: money(100), gross: money(1000), tendered: money(1500), change: money(500) },
      kind: 'sale',
    };
    const report = salesReport(RANGE, { sales: [sale], categoryOf }, 'x');
    expect(report.byTender).toEqual([
      { key: 'cash', kind: 'cash', count: 1, amount: 500 },
      { key: 'card', kind: 'card', count: 1, amount: 500 },
    ]);
    expect(report.byCategory).toEqual([
      { category: 'boissons', quantity: 2, amount: 600 },
      { category: '', quantity: 1, amount: 400 },
    ]);
    expect(report.total.items).toBe(3);
  });

  it('reports web orders placed in the range beside the counter takings', () => {
    const order = (n: number, at: string, status: WebOrderDoc['status'], paid: boolean, total: number): WebOrderDoc => ({
      _id: `weborder:shopify:demo:${n}`, type: 'web_order', platform: 'shopify', shop: 'demo', platformOrderId: String(n), orderNumber: `#${n}`,
      createdAt: at, updatedAt: at, status, delivery: 'pickup', customer: { name: 'C' }, currency: 'EUR', pricesIncludeTax: true,
      lines: [], total: money(total), payment: { state: paid ? 'paid' : 'to_pay' },
    });
    const acc = startSalesReport(RANGE);
    addWebOrders(acc, [
      order(1, '2026-03-26T10:00:00.000Z', 'new', true, 2500),
      order(2, '2026-03-27T10:00:00.000Z', 'new', false, 1200),
      order(3, '2026-03-27T11:00:00.000Z', 'cancelled', true, 900),
      order(4, '2026-04-05T11:00:00.000Z', 'new', true, 700), // outside
      order(1, '2026-03-26T10:00:00.000Z', 'new', true, 2500), // twice
    ]);
    expect(finishSalesReport(acc, 'x').channels.webOrders).toEqual({ count: 2, total: 3700, paidOnline: 2500, cancelled: 1 });
  });
});

describe('local time', () => {
  it('starts local days at local midnight, across the DST change', () => {
    expect(startOfLocalDay('2026-03-28', 'Europe/Paris')).toBe('2026-03-27T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Paris')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'UTC')).toBe('2026-03-30T00:00:00.000Z');
    expect(localDaysRange('2026-03-28', '2026-03-29', 'Europe/Paris')).toEqual({ from: '2026-03-27T23:00:00.000Z', until: '2026-03-29T22:00:00.000Z' });
    expect(localDaysRange('2026-03-29', '2026-03-28', 'Europe/Paris')).toBeNull();
    expect(localDaysRange('2026-12-31', '2026-12-31', 'UTC')).toEqual({ from: '2026-12-31T00:00:00.000Z', until: '2027-01-01T00:00:00.000Z' });
  });

  it('agrees with Intl minute by minute across DST switches (including a 30-minute one)', () => {
    const cases: Array<[string, string]> = [
      ['Europe/Paris', '2026-03-29T00:00:00Z'],
      ['Europe/Paris', '2026-10-25T00:00:00Z'],
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
    ];
    for (const [zone, around] of cases) {
      const clock = localClock(zone);
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
      const t0 = Date.parse(around);
      for (let m = 0; m < 4 * 60; m += 1) {
        const ms = t0 + m * 60_000 + 17_000;
        const parts = fmt.formatToParts(ms);
        const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
        expect(clock(ms), `${zone} ${new Date(ms).toISOString()}`).toEqual({ day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) });
      }
    }
  });

  it('agrees with Intl for any instant and zone (cached per hour)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'), (ms, zone) => {
        const clock = localClock(zone);
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
        const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
        expect(clock(ms)).toEqual({ day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) });
        expect(clock(ms - (ms % 60_000))).toEqual(clock(ms));
      }),
    );
  });
});
