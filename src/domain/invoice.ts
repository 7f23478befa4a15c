/**
 * Invoices (factures). A register asks for one by writing an immutable request (invoicereq:…), which
 * works offline; the server alone numbers invoices, per store and without gaps, and writes the
 * invoice (invoice:<storeId>:<8 digits>) from the request and its source (a sale or a web order).
 * Everything here is pure: ids, the request's rules, the invoice built from its source, and the
 * figures an A4 invoice prints (unit prices HT and TTC, VAT per rate, totals).
 */
import type { SaleDoc, SaleLine, VatBreakdownRow, VatRateBp, WebOrderDoc } from './documents.ts';
import { isUlid } from './ids.ts';
import { money, sum, times } from './money.ts';
import type { Money } from './money.ts';
import type { InvoiceDoc, InvoiceRequestDoc } from './register-documents.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { breakdownTotals, vatBreakdown, vatOfExclusive, vatOfInclusive } from './vat.ts';

export const MAX_INVOICE_NUMBER = 99_999_999;
export const INVOICE_REQUEST_PREFIX = 'invoicereq:';

/** invoice:<storeId>:<number padded to 8>: the number in the id makes a doubled number a conflict. */
export function invoiceId(storeId: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_INVOICE_NUMBER) throw new RangeError(`An invoice number is 1..${MAX_INVOICE_NUMBER}, got ${n}`);
  if (!/^[^:\s]+$/.test(storeId)) throw new RangeError(`A store id has no ":" or spaces, got "${storeId}"`);
  return `invoice:${storeId}:${String(n).padStart(8, '0')}`;
}

export function invoicePrefix(storeId: string): string {
  return `invoice:${storeId}:`;
}

export function parseInvoiceId(id: string): { storeId: string; n: number } | null {
  const m = /^invoice:([^:\s]+):(\d{8})$/.exec(id);
  if (!m) return null;
  const n = Number(m[2]);
  return n >= 1 ? { storeId: m[1]!, n } : null;
}

export interface InvoiceCustomerDraft {
  name: string;
  address: string[] | string;
  email?: string;
  vatNumber?: string;
}

export type InvoiceRequestProblem = 'name_required' | 'address_required' | 'source_required' | 'bad_register';

/** The request a register writes; name and at least one address line are required (a facture names its buyer). */
export function buildInvoiceRequest(input: {
  registerId: string;
  ulid: string;
  source: string;
  customer: InvoiceCustomerDraft;
  at: string;
}): Result<InvoiceRequestDoc, InvoiceRequestProblem[]> {
  const problems: InvoiceRequestProblem[] = [];
  const name = input.customer.name.trim();
  const rawAddress = typeof input.customer.address === 'string' ? input.customer.address.split('\n') : input.customer.address;
  const address = rawAddress.map((l) => l.trim()).filter((l) => l !== '');
  if (!/^[^:\s]+$/.test(input.registerId) || !isUlid(input.ulid)) problems.push('bad_register');
  if (name === '') problems.push('name_required');
  if (address.length === 0) problems.push('address_required');
  if (!/^(sale|weborder):/.test(input.source)) problems.push('source_required');
  if (problems.length > 0) return err(problems);
  const email = (input.customer.email ?? '').trim().toLowerCase();
  const vatNumber = (input.customer.vatNumber ?? '').replace(/\s+/g, '').toUpperCase();
  return ok({
    _id: `invoicereq:${input.registerId}:${input.ulid}`,
    type: 'invoice_request',
    registerId: input.registerId,
    source: input.source,
    customer: { name, address, ...(email ? { email } : {}), ...(vatNumber ? { vatNumber } : {}) },
    at: input.at,
  });
}

/** What an invoice copies from its source: lines with their VAT, the breakdown, the total. */
export interface InvoiceContent {
  lines: SaleLine[];
  vatBreakdown: VatBreakdownRow[];
  total: Money;
  sourceLabel: string;
  currency: string;
}

export function invoiceContentOfSale(sale: SaleDoc): InvoiceContent {
  return {
    lines: sale.lines.map((l) => ({ ...l })),
    vatBreakdown: sale.vatBreakdown.map((r) => ({ ...r })),
    total: sale.totals.gross,
    sourceLabel: sale.receiptLabel,
    currency: sale.currency,
  };
}

/**
 * A web order carries no VAT rates: they come from the catalogue (`vatRateOf`, by SKU), else the
 * standard rate. Tax-exclusive orders get VAT added per line, as a sale does.
 */
export function invoiceContentOfWebOrder(
  order: WebOrderDoc,
  vatRateOf: (sku: string) => VatRateBp | undefined,
  defaultRate: VatRateBp = 2000,
): InvoiceContent {
  const lines: SaleLine[] = order.lines.map((l) => {
    const vatRate = (l.sku !== null ? vatRateOf(l.sku) : undefined) ?? defaultRate;
    const extended = times(l.unitPrice, l.quantity);
    const base = { sku: l.sku ?? '', name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, vatRate };
    return order.pricesIncludeTax ? { ...base, total: extended } : { ...base, total: vatOfExclusive(extended, vatRate).gross, unitPriceExcludesTax: true as const };
  });
  const breakdown = vatBreakdown(lines.map((l) => ({ gross: l.total, vatRate: l.vatRate })));
  return { lines, vatBreakdown: breakdown, total: sum(lines.map((l) => l.total)), sourceLabel: order.orderNumber, currency: order.currency };
}

export function buildInvoice(input: {
  storeId: string;
  number: number;
  request: InvoiceRequestDoc;
  content: InvoiceContent;
  issuedAt: string;
}): InvoiceDoc {
  const { storeId, number, request, content } = input;
  return {
    _id: invoiceId(storeId, number),
    type: 'invoice',
    storeId,
    number,
    requestId: request._id,
    source: request.source,
    customer: { ...request.customer, address: [...request.customer.address] },
    issuedAt: input.issuedAt,
    lines: content.lines,
    vatBreakdown: content.vatBreakdown,
    total: content.total,
    sourceLabel: content.sourceLabel,
    currency: content.currency,
  };
}

/** One printed invoice line: unit price HT and TTC, line totals HT and TTC (display figures). */
export interface InvoiceLineView {
  name: string;
  sku: string;
  quantity: number;
  vatRate: VatRateBp;
  unitNet: Money;
  unitGross: Money;
  totalNet: Money;
  totalGross: Money;
  discount: Money;
}

export function invoiceLineView(line: SaleLine): InvoiceLineView {
  const unitNet = line.unitPriceExcludesTax ? line.unitPrice : vatOfInclusive(line.unitPrice, line.vatRate).net;
  const unitGross = line.unitPriceExcludesTax ? vatOfExclusive(line.unitPrice, line.vatRate).gross : line.unitPrice;
  return {
    name: line.name,
    sku: line.sku,
    quantity: line.quantity,
    vatRate: line.vatRate,
    unitNet,
    unitGross,
    totalNet: vatOfInclusive(line.total, line.vatRate).net,
    totalGross: line.total,
    discount: line.discount?.amount ?? money(0),
  };
}

/** Totals HT / TVA / TTC from the per-rate breakdown (VAT is computed per rate, never per line). */
export function invoiceTotals(inv: Pick<InvoiceDoc, 'vatBreakdown'>): { net: Money; vat: Money; gross: Money } {
  return breakdownTotals(inv.vatBreakdown);
}

/** "F-00000042" as printed. */
export function invoiceLabel(n: number): string {
  return `F-${String(n).padStart(8, '0')}`;
}
