/**
 * Split tender rules. A sale (due ≥ 0) is paid by any mix of cash, card (on an external terminal: its
 * approval code and the card's last four digits are recorded), voucher / store credit (its reference)
 * and the tenders the store configured ("Chèque", "Ticket restaurant"). Only cash gives change, so
 * non-cash tenders together may not exceed what is due. A refund (due < 0) pays back with negative
 * tenders that add up to it exactly, by default on the original sale's tenders.
 */
import { money, sum } from './money.ts';
import type { Money } from './money.ts';
import type { SaleDoc, Tender } from './documents.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export interface OtherTenderOption {
  id: string;
  label: string;
}

export const LAST4_PATTERN = /^\d{4}$/;
/** Terminals print 2 to 12 letters and digits as the approval (authorisation) code. */
export const APPROVAL_PATTERN = /^[A-Za-z0-9]{2,12}$/;

export type TenderProblem =
  | 'negative'
  | 'not_whole'
  | 'zero'
  | 'positive_on_refund'
  | 'card_details'
  | 'reference'
  | 'unknown_other';

export type TenderRefusal =
  | { kind: 'invalid_tender'; tender: number; amount: number; reason: TenderProblem }
  | { kind: 'underpaid'; due: Money; tendered: Money; missing: Money }
  /** Card, voucher and other tenders alone exceed what is due: the excess would have to come out of the drawer. */
  | { kind: 'change_from_non_cash'; due: Money; nonCash: Money; excess: Money }
  /** A refund's tenders must pay back exactly what is due. */
  | { kind: 'refund_mismatch'; due: Money; tendered: Money };

export interface TenderCheckOptions {
  /** Store-configured other tenders; when given, an 'other' tender must be one of them. */
  otherTenders?: readonly OtherTenderOption[];
  /**
   * Card tenders need their approval code and last 4, vouchers their reference, other tenders their
   * id (the register always sets this). Off, details are checked only when present.
   */
  requireDetails?: boolean;
}

/** What is wrong with one tender's details (amount sign aside), or null. */
export function tenderDetailsProblem(t: Tender, opts: TenderCheckOptions = {}): TenderProblem | null {
  if (!Number.isSafeInteger(t.amount)) return 'not_whole';
  const strict = opts.requireDetails === true;
  if (t.kind === 'card' && (strict || t.card !== undefined)) {
    if (!t.card || !APPROVAL_PATTERN.test(t.card.approvalCode) || !LAST4_PATTERN.test(t.card.last4)) return 'card_details';
  }
  if (t.kind === 'voucher' && (strict || t.reference !== undefined) && (typeof t.reference !== 'string' || t.reference.trim() === '')) return 'reference';
  if (t.kind === 'other' && (strict || t.tenderId !== undefined)) {
    if (typeof t.tenderId !== 'string' || t.tenderId === '' || typeof t.label !== 'string' || t.label === '') return 'unknown_other';
    if (opts.otherTenders && !opts.otherTenders.some((o) => o.id === t.tenderId)) return 'unknown_other';
  }
  return null;
}

export function tenderedTotal(tenders: readonly Tender[]): Money {
  return sum(tenders.map((t) => t.amount));
}

/** Still to pay (sale) or to pay back (refund, negative); 0 once covered. Never counts change. */
export function remainingDue(due: Money, tenders: readonly Tender[]): Money {
  const left = due - tenderedTotal(tenders);
  if (due >= 0) return money(Math.max(0, left));
  return money(Math.min(0, left));
}

/** Change to hand back in cash: what was tendered beyond what is due (0 on a refund). */
export function changeDue(due: Money, tenders: readonly Tender[]): Money {
  if (due < 0) return money(0);
  return money(Math.max(0, tenderedTotal(tenders) - due));
}

/** Checks a payment against what is due: the sale may complete only when this is ok. */
export function checkTenders(
  due: Money,
  tenders: readonly Tender[],
  opts: TenderCheckOptions = {},
): Result<{ tendered: Money; change: Money }, TenderRefusal> {
  const refund = due < 0;
  for (const [i, t] of tenders.entries()) {
    const details = tenderDetailsProblem(t, opts);
    if (details) return err({ kind: 'invalid_tender', tender: i, amount: t.amount, reason: details });
    if (!refund && t.amount < 0) return err({ kind: 'invalid_tender', tender: i, amount: t.amount, reason: 'negative' });
    if (refund && t.amount > 0) return err({ kind: 'invalid_tender', tender: i, amount: t.amount, reason: 'positive_on_refund' });
  }
  const tendered = tenderedTotal(tenders);
  if (refund) {
    if (tendered !== due) return err({ kind: 'refund_mismatch', due, tendered });
    return ok({ tendered, change: money(0) });
  }
  const nonCash = sum(tenders.filter((t) => t.kind !== 'cash').map((t) => t.amount));
  if (nonCash > due) return err({ kind: 'change_from_non_cash', due, nonCash, excess: money(nonCash - due) });
  if (tendered < due) return err({ kind: 'underpaid', due, tendered, missing: money(due - tendered) });
  return ok({ tendered, change: money(tendered - due) });
}

export function isFullyPaid(due: Money, tenders: readonly Tender[], opts: TenderCheckOptions = {}): boolean {
  return checkTenders(due, tenders, opts).ok;
}

/** A card tender from what the terminal printed, or which detail is wrong. */
export function cardTender(amount: Money, approvalCode: string, last4: string): Result<Tender, 'amount' | 'approval' | 'last4'> {
  if (!Number.isSafeInteger(amount) || amount <= 0) return err('amount');
  const code = approvalCode.trim().toUpperCase();
  if (!APPROVAL_PATTERN.test(code)) return err('approval');
  const digits = last4.trim();
  if (!LAST4_PATTERN.test(digits)) return err('last4');
  return ok({ kind: 'card', amount, card: { approvalCode: code, last4: digits } });
}

export function voucherTender(amount: Money, reference: string): Result<Tender, 'amount' | 'reference'> {
  if (!Number.isSafeInteger(amount) || amount <= 0) return err('amount');
  const ref = reference.trim();
  if (ref === '') return err('reference');
  return ok({ kind: 'voucher', amount, reference: ref });
}

export function otherTender(amount: Money, option: OtherTenderOption): Tender {
  return { kind: 'other', amount, tenderId: option.id, label: option.label };
}

/** The amount a new non-cash tender defaults to: what remains, never more. */
export function defaultTenderAmount(due: Money, tenders: readonly Tender[]): Money {
  return remainingDue(due, tenders);
}

/**
 * Refund tenders for `amount` (negative) on the original sale's tenders: each original tender gives
 * back at most what it brought in (cash net of change), in the original order; anything beyond goes
 * to cash. Details (card last 4, reference, other tender id) are kept so the drawer and the Z match.
 */
export function defaultRefundTenders(original: Pick<SaleDoc, 'tenders' | 'totals'>, amount: Money): Tender[] {
  if (amount >= 0) return [];
  let left = -amount;
  let change: number = original.totals.change;
  const out: Tender[] = [];
  for (const t of original.tenders) {
    if (left <= 0) break;
    let brought: number = t.amount;
    if (t.kind === 'cash') {
      const taken = Math.min(change, brought);
      brought -= taken;
      change -= taken;
    }
    const give = Math.min(left, Math.max(0, brought));
    if (give <= 0) continue;
    const refund: Tender = { ...t, amount: money(-give) };
    const same = out.find((o) => o.kind === refund.kind && o.tenderId === refund.tenderId && o.reference === refund.reference && o.card?.last4 === refund.card?.last4);
    if (same) same.amount = money(same.amount - give);
    else out.push(refund);
    left -= give;
  }
  if (left > 0) {
    const cash = out.find((o) => o.kind === 'cash');
    if (cash) cash.amount = money(cash.amount - left);
    else out.push({ kind: 'cash', amount: money(-left) });
  }
  return out;
}
