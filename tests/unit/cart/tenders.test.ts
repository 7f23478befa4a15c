import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Tender } from '../../../src/domain/documents.ts';
import { money } from '../../../src/domain/money.ts';
import {
  cardTender, changeDue, checkTenders, defaultRefundTenders, otherTender, remainingDue, voucherTender,
} from '../../../src/domain/tenders.ts';

const cash = (n: number): Tender => ({ kind: 'cash', amount: money(n) });
const card = (n: number): Tender => ({ kind: 'card', amount: money(n), card: { approvalCode: 'A1B2C3', last4: '4242' } });
const strict = { requireDetails: true, otherTenders: [{ id: 'cheque', label: 'Chèque' }] };

describe('split tenders', () => {
  it('takes card then cash, with change only from cash', () => {
    expect(remainingDue(money(2500), [card(1000)])).toBe(1500);
    expect(checkTenders(money(2500), [card(1000), cash(2000)], strict)).toEqual({ ok: true, value: { tendered: 3000, change: 500 } });
    expect(changeDue(money(2500), [card(1000), cash(2000)])).toBe(500);
    expect(checkTenders(money(2500), [card(3000)], strict)).toEqual({ ok: false, error: { kind: 'change_from_non_cash', due: 2500, nonCash: 3000, excess: 500 } });
    expect(checkTenders(money(2500), [card(1000)], strict)).toEqual({ ok: false, error: { kind: 'underpaid', due: 2500, tendered: 1000, missing: 1500 } });
  });

  it('validates card, voucher and other tender details', () => {
    expect(cardTender(money(100), ' ab12 ', '1234')).toEqual({ ok: true, value: { kind: 'card', amount: 100, card: { approvalCode: 'AB12', last4: '1234' } } });
    expect(cardTender(money(100), 'AB12', '123')).toEqual({ ok: false, error: 'last4' });
    expect(cardTender(money(100), '!', '1234')).toEqual({ ok: false, error: 'approval' });
    expect(cardTender(money(0), 'AB12', '1234')).toEqual({ ok: false, error: 'amount' });
    expect(voucherTender(money(100), '  ')).toEqual({ ok: false, error: 'reference' });
    const bare: Tender = { kind: 'card', amount: money(100) };
    expect(checkTenders(money(100), [bare], strict)).toMatchObject({ ok: false, error: { reason: 'card_details' } });
    expect(checkTenders(money(100), [{ kind: 'voucher', amount: money(100) }], strict)).toMatchObject({ ok: false, error: { reason: 'reference' } });
    expect(checkTenders(money(100), [otherTender(money(100), { id: 'cheque', label: 'Chèque' })], strict).ok).toBe(true);
    expect(checkTenders(money(100), [otherTender(money(100), { id: 'bitcoin', label: 'BTC' })], strict)).toMatchObject({ ok: false, error: { reason: 'unknown_other' } });
  });

  it('pays refunds back exactly with negative tenders, by default on the original ones', () => {
    const original = { tenders: [card(1000), cash(2000)], totals: { net: money(0), vat: money(0), gross: money(2500), tendered: money(3000), change: money(500) } };
    const back = defaultRefundTenders(original, money(-2500));
    expect(back).toEqual([{ ...card(-1000) }, cash(-1500)]);
    expect(checkTenders(money(-2500), back, strict)).toEqual({ ok: true, value: { tendered: -2500, change: 0 } });
    expect(checkTenders(money(-2500), [cash(-2000)], strict)).toEqual({ ok: false, error: { kind: 'refund_mismatch', due: -2500, tendered: -2000 } });
    expect(checkTenders(money(-100), [cash(100)], strict)).toMatchObject({ ok: false, error: { reason: 'positive_on_refund' } });
    expect(defaultRefundTenders(original, money(-600))).toEqual([card(-600)]);
    expect(remainingDue(money(-2500), [cash(-1000)])).toBe(-1500);
  });

  it('property: a complete payment leaves nothing due and change = tendered − due, out of the cash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 300_000 }), { maxLength: 4 }), fc.integer({ min: 0, max: 500_000 }), (due, cards, cashIn) => {
        const tenders = [...cards.map(card), cash(cashIn)];
        const r = checkTenders(money(due), tenders, strict);
        const nonCash = cards.reduce((a, b) => a + b, 0);
        const tendered = nonCash + cashIn;
        if (r.ok) {
          expect(remainingDue(money(due), tenders)).toBe(0);
          expect(r.value.change).toBe(tendered - due);
          expect(r.value.change).toBeLessThanOrEqual(cashIn);
        } else {
          expect(nonCash > due || tendered < due).toBe(true);
          if (tendered < due) expect(remainingDue(money(due), tenders)).toBe(due - tendered);
        }
      }),
    );
  });

  it('property: default refund tenders add up to the refund and never give back more per tender than it brought', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 50_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (gross, cardPart, extraCash, f) => {
        const c = Math.min(cardPart, gross);
        const cashIn = gross - c + extraCash;
        const original = { tenders: [card(c), cash(cashIn)].filter((t) => t.amount > 0), totals: { net: money(0), vat: money(0), gross: money(gross), tendered: money(c + cashIn), change: money(extraCash) } };
        const refund = -Math.max(1, Math.floor(gross * f));
        const back = defaultRefundTenders(original, money(refund));
        expect(back.reduce((a, t) => a + t.amount, 0)).toBe(refund);
        const cardBack = back.find((t) => t.kind === 'card');
        if (cardBack) expect(-cardBack.amount).toBeLessThanOrEqual(c);
        expect(checkTenders(money(refund), back, strict).ok).toBe(true);
      }),
    );
  });
});
