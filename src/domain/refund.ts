/**
 * Returns against an earlier sale: what is still returnable per line, what a returned unit gives back
 * and which tenders the money goes back to. A line can never be returned twice: the quantities
 * returned by later sales (their lines' returnOf) are subtracted. A unit gives back exactly what was
 * paid for it, its share of the line's discount (own and whole-cart) included; shares are cumulative,
 * so returning a line in several goes gives back exactly the line total, to the cent.
 */
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { SaleDoc, SaleLine, Tender } from './documents.ts';
import { addReturnLine, type Cart } from './cart.ts';
import { lineBase } from './cart-lines.ts';
import type { SaleProduct } from './sale.ts';
import { divideRoundHalfAwayFromZero } from './vat.ts';

export interface ReturnableLine {
  lineIndex: number;
  line: SaleLine;
  sold: number;
  /** Units already returned by later sales. */
  returned: number;
  /** Units that can still be returned (0 when fully returned). */
  returnable: number;
}

/** Units of each line of `original` returned by `laterSales` (each sale counted once). */
export function returnedQuantities(original: Pick<SaleDoc, '_id'>, laterSales: Iterable<Pick<SaleDoc, '_id' | 'lines'>>): Map<number, number> {
  const seen = new Set<string>();
  const returned = new Map<number, number>();
  for (const sale of laterSales) {
    if (sale._id === original._id || seen.has(sale._id)) continue;
    seen.add(sale._id);
    for (const line of sale.lines) {
      if (line.returnOf?.saleId !== original._id || line.quantity >= 0) continue;
      returned.set(line.returnOf.line, (returned.get(line.returnOf.line) ?? 0) - line.quantity);
    }
  }
  return returned;
}

/** Per sold line of the original (returned lines of an exchange are not returnable again). */
export function returnableLines(original: Pick<SaleDoc, '_id' | 'lines'>, laterSales: Iterable<Pick<SaleDoc, '_id' | 'lines'>>): ReturnableLine[] {
  const returned = returnedQuantities(original, laterSales);
  const out: ReturnableLine[] = [];
  original.lines.forEach((line, lineIndex) => {
    if (line.quantity <= 0) return;
    const r = returned.get(lineIndex) ?? 0;
    out.push({ lineIndex, line, sold: line.quantity, returned: r, returnable: Math.max(0, line.quantity - r) });
  });
  return out;
}

/**
 * What is left of a sold line after the returns `laterSales` made of it: the units not returned yet,
 * and the part of the line total (and discount) they carry, taken from the earlier returns' actual
 * totals. Returning from this remainder pro rata is cumulative: the last units give back exactly what
 * is left, so all the returns of a line add up to its total, to the cent. null when nothing is left.
 */
export function remainingLine(original: Pick<SaleDoc, '_id' | 'lines'>, lineIndex: number, laterSales: Iterable<Pick<SaleDoc, '_id' | 'lines'>>): SaleLine | null {
  const line = original.lines[lineIndex];
  if (line === undefined || line.quantity <= 0) return null;
  let units = 0;
  let refunded = 0;
  let discountBack = 0;
  const seen = new Set<string>();
  for (const sale of laterSales) {
    if (sale._id === original._id || seen.has(sale._id)) continue;
    seen.add(sale._id);
    for (const l of sale.lines) {
      if (l.quantity >= 0 || l.returnOf?.saleId !== original._id || l.returnOf.line !== lineIndex) continue;
      units -= l.quantity;
      refunded -= l.total;
      discountBack += l.discount?.amount ?? 0;
    }
  }
  const quantity = line.quantity - units;
  if (quantity <= 0) return null;
  const rest: SaleLine = { ...line, quantity, total: money(Math.max(0, line.total - refunded)) };
  if (line.discount) {
    const amount = Math.max(0, line.discount.amount - discountBack);
    if (amount > 0) rest.discount = { ...line.discount, amount: money(amount) };
    else delete rest.discount;
  }
  return rest;
}

/** round(amount × k / n), half away from zero, exact for any safe amount. */
function proRata(amount: number, k: number, n: number): number {
  return Number(divideRoundHalfAwayFromZero(BigInt(amount) * BigInt(k), BigInt(n)));
}

/**
 * Part of `amount` (spread over `n` units) that belongs to units `already`+1 … `already`+`quantity`:
 * cumulative, so the parts of successive returns add up to `amount` exactly.
 */
export function unitsShare(amount: Money, n: number, already: number, quantity: number): Money {
  if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`A line has a positive whole quantity, got ${n}`);
  if (!Number.isSafeInteger(already) || !Number.isSafeInteger(quantity) || already < 0 || quantity < 0 || already + quantity > n) {
    throw new RangeError(`Cannot take units ${already + 1}..${already + quantity} of ${n}`);
  }
  return money(proRata(amount, already + quantity, n) - proRata(amount, already, n));
}

export interface ReturnAmounts {
  /** What the customer gets back for these units (positive). */
  refund: Money;
  /** The part of the line's discount these units carried (positive): the return's discount.amount. */
  discount: Money;
}

/**
 * What returning `quantity` units of `line` gives back, when `already` units of it were returned
 * before. For a tax-inclusive line, refund = units × unitPrice − their discount share (the return
 * line's total by the cart-lines rule); otherwise the line total pro rata.
 */
export function returnAmounts(line: Pick<SaleLine, 'quantity' | 'unitPrice' | 'total' | 'discount' | 'unitPriceExcludesTax'>, already: number, quantity: number): ReturnAmounts {
  const discount = unitsShare(line.discount?.amount ?? money(0), line.quantity, already, quantity);
  const consistent = line.total === line.quantity * line.unitPrice - (line.discount?.amount ?? 0);
  if (line.unitPriceExcludesTax !== true && consistent) {
    return { refund: money(quantity * line.unitPrice - discount), discount };
  }
  return { refund: unitsShare(line.total, line.quantity, already, quantity), discount };
}

/** What each tender of a sale actually kept: cash net of the change given back. */
function netPaid(sale: Pick<SaleDoc, 'tenders' | 'totals'>): Array<{ tender: Tender; amount: number }> {
  let change: number = sale.totals.change;
  const out = sale.tenders.filter((t) => t.amount > 0).map((tender) => ({ tender, amount: tender.amount as number }));
  for (const entry of out) {
    if (entry.tender.kind !== 'cash' || change <= 0) continue;
    const taken = Math.min(change, entry.amount);
    entry.amount -= taken;
    change -= taken;
  }
  return out.filter((e) => e.amount > 0);
}

/**
 * Default tenders to refund `refundTotal` (positive) to: the original tender(s), cash first when the
 * sale took cash, each up to what it kept; anything beyond goes back in cash. Amounts are negative
 * (money leaving the till). Card details are left to the terminal's answer for the refund.
 */
export function refundTenders(original: Pick<SaleDoc, 'tenders' | 'totals'>, refundTotal: Money): Tender[] {
  if (!Number.isSafeInteger(refundTotal) || refundTotal < 0) throw new RangeError(`A refund total is a whole amount ≥ 0, got ${refundTotal}`);
  if (refundTotal === 0) return [];
  const paid = netPaid(original).sort((a, b) => (a.tender.kind === 'cash' ? 0 : 1) - (b.tender.kind === 'cash' ? 0 : 1));
  const out: Tender[] = [];
  let left: number = refundTotal;
  for (const { tender, amount } of paid) {
    if (left <= 0) break;
    const take = Math.min(left, amount);
    const refund: Tender = { kind: tender.kind, amount: money(-take) };
    if (tender.reference !== undefined) refund.reference = tender.reference;
    if (tender.tenderId !== undefined) refund.tenderId = tender.tenderId;
    if (tender.label !== undefined) refund.label = tender.label;
    out.push(refund);
    left -= take;
  }
  if (left > 0) {
    const cash = out.find((t) => t.kind === 'cash');
    if (cash) cash.amount = money(cash.amount - left);
    else out.push({ kind: 'cash', amount: money(-left) });
  }
  return out;
}

/** Whether refunding these tenders takes cash out of the drawer (the drawer must open). */
export function refundsCash(tenders: readonly Tender[]): boolean {
  return tenders.some((t) => t.kind === 'cash' && t.amount < 0);
}

/**
 * A return without a receipt (after a manager's 'refund_without_receipt' override): `quantity` units
 * of a catalogue product at its current price. There is no original sale, so the line refers to the
 * override document that authorised it (returnOf.saleId = the override's id) and carries it as its
 * approval; restock as the cashier chose.
 */
export function addReturnWithoutReceipt(cart: Cart, input: { product: SaleProduct; quantity: number; restock: boolean; overrideId: string }): Cart {
  const { product, quantity } = input;
  const excl = !product.priceIncludesTax;
  const line: SaleLine = {
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.price,
    vatRate: product.vatRate,
    total: lineBase(quantity, product.price, excl, product.vatRate),
    ...(excl ? { unitPriceExcludesTax: true as const } : {}),
  };
  const next = addReturnLine(cart, { saleId: input.overrideId, line, lineIndex: 0, quantity, restock: input.restock });
  return {
    ...next,
    items: next.items.map((item, i) =>
      i === next.items.length - 1 ? { ...item, approvals: [...(item.approvals ?? []), { action: 'refund_without_receipt' as const, overrideId: input.overrideId }] } : item,
    ),
  };
}
