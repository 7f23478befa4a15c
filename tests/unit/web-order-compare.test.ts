import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Platform, WebOrderDoc } from '../../src/domain/documents.ts';
import { compareWebOrders, outcomeOf, type LocalOrderSummary, type PlatformOrderSummary } from '../../src/domain/web-order-compare.ts';
import type { FulfilmentStatus } from '../../src/domain/web-order-types.ts';

const PLATFORMS: Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];
const THERE: Array<WebOrderDoc['status']> = ['new', 'shipped', 'picked_up', 'cancelled'];
const HERE: FulfilmentStatus[] = ['new', 'picking', 'picked', 'packed', 'partially_shipped', 'ready_for_pickup', 'shipped', 'picked_up', 'cancelled'];
const SHOP = 'main-shop';

const remote = (platform: Platform, id: string, status: WebOrderDoc['status']): PlatformOrderSummary => ({
  platform, shop: SHOP, platformOrderId: id, orderNumber: `#${id}`, status, updatedAt: '2026-11-01T10:00:00.000Z',
});
const doc = (platform: Platform, id: string, folded: FulfilmentStatus, shop = SHOP): LocalOrderSummary => ({
  docId: `weborder:${platform}:${shop}:${id}`, platform, shop, platformOrderId: id, orderNumber: `#${id}`, docStatus: 'new', folded,
});

/** Platform orders (distinct ids per platform) and, for each, zero, one or two documents here. */
const world = fc
  .array(
    fc.record({
      platform: fc.constantFrom(...PLATFORMS),
      id: fc.integer({ min: 1, max: 40 }).map(String),
      there: fc.constantFrom(...THERE),
      copies: fc.constantFrom(0, 1, 1, 1, 2),
      here: fc.constantFrom(...HERE),
    }),
    { maxLength: 30 },
  )
  .map((rows) => {
    const seen = new Set<string>();
    return rows.filter((r) => (seen.has(`${r.platform}:${r.id}`) ? false : (seen.add(`${r.platform}:${r.id}`), true)));
  });

function build(rows: Array<{ platform: Platform; id: string; there: WebOrderDoc['status']; copies: number; here: FulfilmentStatus }>) {
  const platform = rows.map((r) => remote(r.platform, r.id, r.there));
  const local = rows.flatMap((r) => (r.copies === 0 ? [] : r.copies === 1 ? [doc(r.platform, r.id, r.here)] : [doc(r.platform, r.id, r.here), doc(r.platform, r.id, r.here, 'old-shop')]));
  return { platform, local };
}

describe('web orders vs platforms: comparison', () => {
  it('an order only on the platform is missing; one here in agreement is no difference', () => {
    expect(compareWebOrders([remote('shopify', '1', 'new')], [])).toEqual([
      { kind: 'missing', platform: 'shopify', shop: SHOP, platformOrderId: '1', orderNumber: '#1', there: 'new', repair: 're-import' },
    ]);
    expect(compareWebOrders([remote('shopify', '1', 'shipped')], [doc('shopify', '1', 'shipped')])).toEqual([]);
    expect(compareWebOrders([remote('shopify', '1', 'shipped')], [doc('shopify', '1', 'picked_up')])).toEqual([]);
  });

  it('shipped here but open there asks for a re-push; cancelled there but open here for a re-import', () => {
    const [a] = compareWebOrders([remote('woocommerce', '7', 'new')], [doc('woocommerce', '7', 'shipped')]);
    expect(a).toMatchObject({ kind: 'state', reason: 'not_pushed', here: 'shipped', there: 'new', repair: 're-push' });
    const [b] = compareWebOrders([remote('woocommerce', '8', 'cancelled')], [doc('woocommerce', '8', 'packed')]);
    expect(b).toMatchObject({ kind: 'state', reason: 'changed_there', here: 'packed', there: 'cancelled', repair: 're-import' });
    const [c] = compareWebOrders([remote('woocommerce', '9', 'cancelled')], [doc('woocommerce', '9', 'shipped')]);
    expect(c).toMatchObject({ kind: 'state', reason: 'conflict', repair: 'none' });
  });

  it('two documents for one platform order (differing shops) are a duplicate', () => {
    const diffs = compareWebOrders([remote('bigcommerce', '3', 'new')], [doc('bigcommerce', '3', 'new', 'old-shop'), doc('bigcommerce', '3', 'new')]);
    expect(diffs).toEqual([
      { kind: 'duplicate', platform: 'bigcommerce', platformOrderId: '3', orderNumber: '#3', docIds: ['weborder:bigcommerce:main-shop:3', 'weborder:bigcommerce:old-shop:3'].sort(), repair: 'none' },
    ]);
  });

  it('property: each platform order yields exactly the differences its situation implies', () => {
    fc.assert(
      fc.property(world, (rows) => {
        const { platform, local } = build(rows);
        const diffs = compareWebOrders(platform, local);
        for (const r of rows) {
          const mine = diffs.filter((d) => d.platform === r.platform && d.platformOrderId === r.id);
          const missing = mine.filter((d) => d.kind === 'missing').length;
          const state = mine.filter((d) => d.kind === 'state').length;
          const dup = mine.filter((d) => d.kind === 'duplicate').length;
          expect(missing).toBe(r.copies === 0 ? 1 : 0);
          expect(dup).toBe(r.copies === 2 ? 1 : 0);
          expect(state).toBe(r.copies > 0 && outcomeOf(r.here) !== outcomeOf(r.there) ? 1 : 0);
        }
        // Nothing is reported about orders the platforms did not list.
        expect(diffs.length).toBe(diffs.filter((d) => rows.some((r) => r.platform === d.platform && r.id === d.platformOrderId)).length);
      }),
    );
  });

  it('property: deterministic and independent of input order; documents of unlisted orders are ignored', () => {
    fc.assert(
      fc.property(world, fc.array(fc.constantFrom(...HERE), { maxLength: 5 }), (rows, strays) => {
        const { platform, local } = build(rows);
        const extra = strays.map((s, i) => doc('shopify', `stray-${i}`, s));
        const a = compareWebOrders(platform, local);
        const b = compareWebOrders([...platform].reverse(), [...extra, ...local].reverse());
        expect(b).toEqual(a);
      }),
    );
  });

  it('property: after the repairs (documents created, re-imported, pushes landed) nothing is left but duplicates and conflicts', () => {
    fc.assert(
      fc.property(world, (rows) => {
        const { platform, local } = build(rows);
        const diffs = compareWebOrders(platform, local);
        // Simulate the repairs: re-import makes the folded state the platform's; re-push makes the platform's ours.
        const repairedRemote = platform.map((p) => {
          const d = diffs.find((x) => x.kind === 'state' && x.repair === 're-push' && x.platform === p.platform && x.platformOrderId === p.platformOrderId);
          return d && d.kind === 'state' ? { ...p, status: outcomeOf(d.here) === 'cancelled' ? ('cancelled' as const) : ('shipped' as const) } : p;
        });
        const repairedLocal = [
          ...local.map((l) => {
            const d = diffs.find((x) => x.kind === 'state' && x.repair === 're-import' && x.docId === l.docId);
            return d && d.kind === 'state' ? { ...l, folded: d.there as FulfilmentStatus } : l;
          }),
          ...diffs.flatMap((d) => (d.kind === 'missing' ? [doc(d.platform, d.platformOrderId, d.there as FulfilmentStatus)] : [])),
        ];
        const after = compareWebOrders(repairedRemote, repairedLocal);
        expect(after.every((d) => d.repair === 'none')).toBe(true);
        expect(after.length).toBe(diffs.filter((d) => d.repair === 'none').length);
      }),
    );
  });
});
