import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextJournalLink } from '../../../src/domain/journal.ts';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { shiftDocsArb } from './arbitraries.ts';
import { money } from '../../../src/domain/money.ts';
import { buildCashEvent, buildShift, buildZReport, nextZNumber, parseZReportId, zReportId } from '../../../src/domain/shift-docs.ts';
import { shiftTotals } from '../../../src/domain/shift.ts';

const ULID = '01HV0000000000000000000000';

describe('shift documents', () => {
  it('numbers Z reports per register with six digits, gapless from 1', () => {
    expect(zReportId('R1', 1)).toBe('z:R1:000001');
    expect(parseZReportId('z:R1:000042')).toEqual({ registerId: 'R1', zNumber: 42 });
    expect(parseZReportId('z:R1:000000')).toBeNull();
    expect(nextZNumber(0)).toBe(1);
    expect(() => zReportId('R1', 0)).toThrow(RangeError);
    expect(() => nextZNumber(999_999)).toThrow(RangeError);
  });

  it('opens a shift with a float and refuses a negative one', () => {
    const shift = buildShift({ registerId: 'R1', storeId: 'demo', ulid: ULID, openedAt: '2026-03-01T08:00:00.000Z', openedBy: 'staff:a', float: money(15_000) });
    expect(shift.ok && shift.value).toMatchObject({ _id: `shift:R1:${ULID}`, type: 'shift', float: 15_000 });
    expect(buildShift({ registerId: 'R1', storeId: 'demo', ulid: ULID, openedAt: 'x', openedBy: 'a', float: money(-1) }).ok).toBe(false);
  });

  it('records pay-ins and pay-outs with a reason and a positive amount; a drawer opening with 0', () => {
    const base = { registerId: 'R1', shiftId: 'shift:R1:x', ulid: ULID, by: 'staff:a', at: '2026-03-01T09:00:00.000Z' };
    expect(buildCashEvent({ ...base, kind: 'pay_out', amount: money(1200), reason: ' Fleurs ' })).toMatchObject({ ok: true, value: { _id: `cash:R1:${ULID}`, reason: 'Fleurs', amount: 1200 } });
    expect(buildCashEvent({ ...base, kind: 'pay_out', amount: money(0), reason: 'x' })).toEqual({ ok: false, error: { kind: 'invalid_amount', amount: 0 } });
    expect(buildCashEvent({ ...base, kind: 'pay_in', amount: money(100), reason: '  ' })).toEqual({ ok: false, error: { kind: 'reason_required' } });
    expect(buildCashEvent({ ...base, kind: 'drawer_open', amount: money(0), reason: 'remboursement', overrideId: 'override:R1:x' }).ok).toBe(true);
  });

  it('builds the Z: counted cash, difference = counted − expected, sale ids sorted and unique', () => {
    const shift = buildShift({ registerId: 'R1', storeId: 'demo', ulid: ULID, openedAt: '2026-03-01T08:00:00.000Z', openedBy: 'staff:a', float: money(10_000) });
    if (!shift.ok) throw new Error('shift');
    const totals = shiftTotals([shift.value]);
    const z = buildZReport({ shift: shift.value, zNumber: 3, closedAt: '2026-03-01T18:00:00.000Z', closedBy: 'staff:a', counted: { '5000': 2, '100': 0, '50': 1 }, totals, saleIds: ['sale:R1:2', 'sale:R1:1', 'sale:R1:2'] });
    expect(z.ok && z.value).toMatchObject({ _id: 'z:R1:000003', zNumber: 3, counted: { '5000': 2, '50': 1 }, countedCash: 10_050, difference: 50, saleIds: ['sale:R1:1', 'sale:R1:2'], float: 10_000, shiftId: shift.value._id });
    expect(buildZReport({ shift: shift.value, zNumber: 3, closedAt: 'x', closedBy: 'a', counted: { '5000': -2 }, totals, saleIds: [] }).ok).toBe(false);
  });
});

describe('Z reports built from any shift pass the document validator', () => {
  it('holds for random shifts (after their journal link)', async () => {
    await fc.assert(
      fc.asyncProperty(shiftDocsArb, fc.nat({ max: 40 }), async ({ shift, sales, refunds, voids, events }, notes) => {
        const all = [...sales, ...refunds];
        const totals = shiftTotals([shift, ...all, ...voids, ...events]);
        const built = buildZReport({ shift, zNumber: 1, closedAt: '2026-03-01T18:00:00.000Z', closedBy: 'staff:a', counted: { '2000': notes }, totals, saleIds: all.map((s) => s._id) });
        if (!built.ok) throw new Error('not built');
        const z = { ...built.value, journal: await nextJournalLink(null, built.value) };
        const parsed = parseStoreDoc(z);
        expect(parsed.ok ? null : parsed.error).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});
