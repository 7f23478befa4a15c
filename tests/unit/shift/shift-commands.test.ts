import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeShift, openShift, payInOut, recordRefundDrawerOpening, startShift, xReport } from '../../../src/commands/shift.ts';
import type { SaleDoc } from '../../../src/domain/documents.ts';
import { verifyJournal } from '../../../src/domain/journal.ts';
import { money } from '../../../src/domain/money.ts';
import type { RegisterDoc, ZReportDoc } from '../../../src/domain/register-documents.ts';
import { savePairing } from '../../../src/store/device-settings.ts';
import { readModelDb, type RegisterDocRow } from '../../../src/store/schema.ts';
import type { Pairing } from '../../../src/store/sync-port.ts';
import { MemoryPort } from '../commands/memory-port.ts';

const pairing: Pairing = { serverUrl: 'http://srv', storeId: 'demo', registerId: 'R1', registerName: 'Till 1', token: 't', dbName: 'store-demo' };
const staff = { staffId: 'staff:alice', name: 'Alice', role: 'cashier' as const };
let port: MemoryPort;
let signedIn: typeof staff | null;
const deps = () => ({ port: () => port, now: () => new Date('2026-03-01T18:00:00.000Z'), currentStaff: async () => signedIn });

/** What the sync worker's projection would do with the committed documents. */
async function project(): Promise<void> {
  const db = readModelDb();
  for (const doc of port.docs.values()) {
    if (doc.type === 'sale') await db.sales.put(doc);
    else if (['shift', 'cash_event', 'void', 'z_report', 'override'].includes(doc.type)) await db.registerDocs.put(doc as RegisterDocRow);
  }
}

function cashSale(n: number, shiftId: string, gross: number, tendered: number): SaleDoc {
  return {
    _id: `sale:R1:${String(n).padStart(8, '0')}`, type: 'sale', storeId: 'demo', registerId: 'R1', receiptNumber: n, receiptLabel: `R1-${String(n).padStart(6, '0')}`,
    createdAt: '2026-03-01T10:00:00.000Z', cashier: 'Alice', currency: 'EUR', location: 'shop', shiftId, kind: 'sale',
    lines: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: money(gross), vatRate: 2000, total: money(gross) }],
    tenders: [{ kind: 'cash', amount: money(tendered) }],
    totals: { net: money(gross), vat: money(0), gross: money(gross), tendered: money(tendered), change: money(tendered - gross) },
    vatBreakdown: [{ rate: 2000, net: money(gross), vat: money(0), gross: money(gross) }],
  };
}

beforeEach(async () => {
  port = new MemoryPort();
  port.onCaughtUp = project;
  signedIn = staff;
  const db = readModelDb();
  await Promise.all([db.sales.clear(), db.registerDocs.clear()]);
  await savePairing(pairing);
});

describe('shift commands', () => {
  it('opens one shift at a time, for a signed-in staff member', async () => {
    signedIn = null;
    expect(await startShift(money(10_000), deps())).toEqual({ ok: false, error: { kind: 'not_signed_in' } });
    signedIn = staff;
    expect((await startShift(money(-1), deps())).ok).toBe(false);
    const opened = await startShift(money(10_000), deps());
    expect(opened.ok && opened.value).toMatchObject({ type: 'shift', registerId: 'R1', float: 10_000, openedBy: 'staff:alice' });
    expect((await openShift())?._id).toBe(opened.ok ? opened.value._id : '');
    const again = await startShift(money(5_000), deps());
    expect(again.ok ? null : again.error.kind).toBe('shift_already_open');
  });

  it('refuses pay-outs without an open shift; X and Z add sales, pay-outs and the float; Z numbers follow on', async () => {
    expect((await payInOut('pay_out', money(500), 'Timbres', deps())).ok).toBe(false);
    const opened = await startShift(money(10_000), deps());
    if (!opened.ok) throw new Error('not opened');
    const shiftId = opened.value._id;
    await port.commit(cashSale(1, shiftId, 1250, 2000));
    await port.commit(cashSale(2, shiftId, 3000, 3000));
    const out = await payInOut('pay_out', money(500), 'Timbres', deps());
    expect(out.ok && out.value).toMatchObject({ kind: 'pay_out', amount: 500, shiftId });

    const x = await xReport(deps());
    expect(x.ok && x.value.totals).toMatchObject({ salesCount: 2, grossSales: 4250, payOuts: 500, expectedCash: 10_000 + 4250 - 500 });

    const z = await closeShift({ '5000': 2, '1000': 3, '200': 1, '50': 1 }, deps());
    if (!z.ok) throw new Error(JSON.stringify(z.error));
    expect(z.value).toMatchObject({ _id: 'z:R1:000001', zNumber: 1, shiftId, countedCash: 13_250, difference: -500, float: 10_000, closedBy: 'staff:alice' });
    expect(z.value.saleIds).toEqual(['sale:R1:00000001', 'sale:R1:00000002']);
    expect(z.value.journal.seq).toBeGreaterThanOrEqual(1);
    expect(await openShift()).toBeNull();
    expect((await closeShift({}, deps())).ok).toBe(false);

    // A late sale of the closed shift: listed by the next Z, not counted in its totals.
    await startShift(money(5_000), deps());
    await port.commit(cashSale(3, shiftId, 700, 700));
    const z2 = await closeShift({ '5000': 1 }, deps());
    if (!z2.ok) throw new Error(JSON.stringify(z2.error));
    expect(z2.value).toMatchObject({ _id: 'z:R1:000002', zNumber: 2, saleIds: [], difference: 0 });
    expect(z2.value.lateSales?.map((l) => [l.saleId, l.zNumber, l.gross])).toEqual([['sale:R1:00000003', 1, 700]]);

    const zs = [...port.docs.values()].filter((d): d is ZReportDoc => d.type === 'z_report');
    expect((await verifyJournal(zs)).ok).toBe(true);
  });

  it('records a drawer opening for a refund paid back in cash only', async () => {
    await startShift(money(0), deps());
    expect(await recordRefundDrawerOpening({ tenders: [{ kind: 'card', amount: money(-500) }] }, deps())).toEqual({ ok: true, value: null });
    const opened = await recordRefundDrawerOpening({ tenders: [{ kind: 'cash', amount: money(-500) }] }, deps());
    expect(opened.ok && opened.value).toMatchObject({ kind: 'drawer_open', amount: 0, reason: 'remboursement' });
    const events = [...port.docs.values()].filter((d): d is RegisterDoc => d.type === 'cash_event');
    expect(events).toHaveLength(1);
  });
});
