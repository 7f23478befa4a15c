/**
 * A shift's figures are a pure fold over the documents made in it: its sales (exchanges included),
 * refunds, voids and cash events. Attribution is by the document's shiftId, never by time: a sale made
 * offline that reaches the read model late still belongs to the shift it was rung up in. The fold is
 * order independent (replication delivers in any order) and counts a document once even if it is
 * handed over twice.
 *
 * Sold and returned goods are split by line, not by document: an exchange (one sale with returned
 * and new lines) adds its new lines to grossSales and its returned lines to refunds, so the Z shows
 * what was sold and what came back. Σ tenders = grossSales − refunds holds either way.
 */
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { SaleDoc, StoreDoc, TenderKind, Tender } from './documents.ts';
import type { CashEventDoc, ShiftDoc, ShiftTotals, TenderTotal, VoidDoc, ZReportDoc } from './register-documents.ts';
import { vatBreakdown } from './vat.ts';

/** Labels of the built-in tenders as stored in a Z report (a store-configured tender keeps its own). */
export const DEFAULT_TENDER_LABELS: Readonly<Record<TenderKind, string>> = {
  cash: 'Espèces',
  card: 'Carte',
  voucher: 'Bon d’achat',
  other: 'Autre',
};

export interface ShiftTotalsOptions {
  /** Cash in the drawer at opening when no ShiftDoc is among the documents. */
  float?: Money;
  labels?: Partial<Record<TenderKind, string>>;
}

const KIND_ORDER: Record<TenderKind, number> = { cash: 0, card: 1, voucher: 2, other: 3 };

/** A sale is a refund when it says so, or (older documents) when every line is a return. */
export function isRefund(sale: Pick<SaleDoc, 'kind' | 'lines'>): boolean {
  if (sale.kind !== undefined) return sale.kind === 'refund';
  return sale.lines.length > 0 && sale.lines.every((l) => l.quantity < 0);
}

function tenderKey(t: Tender): string {
  return t.kind === 'other' ? `other:${t.tenderId ?? t.label ?? ''}` : t.kind;
}

interface TenderAcc {
  kind: TenderKind;
  label: string;
  amount: number;
  count: number;
}

/** Unique documents of the kinds the fold reads (a document handed over twice counts once). */
function byId(docs: Iterable<StoreDoc>): StoreDoc[] {
  const seen = new Map<string, StoreDoc>();
  for (const d of docs) if (!seen.has(d._id)) seen.set(d._id, d);
  return [...seen.values()];
}

export function shiftTotals(docs: Iterable<StoreDoc>, options: ShiftTotalsOptions = {}): ShiftTotals {
  const labels = { ...DEFAULT_TENDER_LABELS, ...options.labels };
  let float: number = options.float ?? 0;
  let salesCount = 0;
  let refundsCount = 0;
  let grossSales = 0;
  let refunds = 0;
  let discounts = 0;
  let payIns = 0;
  let payOuts = 0;
  const voids = { count: 0, amount: 0 };
  const tenders = new Map<string, TenderAcc>();
  const vatLines: Array<{ gross: Money; vatRate: number }> = [];

  const tender = (key: string, kind: TenderKind, label: string): TenderAcc => {
    let acc = tenders.get(key);
    if (!acc) {
      acc = { kind, label, amount: 0, count: 0 };
      tenders.set(key, acc);
    }
    return acc;
  };

  for (const doc of byId(docs)) {
    switch (doc.type) {
      case 'shift':
        float = (doc as ShiftDoc).float;
        break;
      case 'sale': {
        const sale = doc as SaleDoc;
        if (isRefund(sale)) refundsCount += 1;
        else salesCount += 1;
        for (const line of sale.lines) {
          if (line.total >= 0) grossSales += line.total;
          else refunds -= line.total;
          // Discounts granted: on sold lines only (a returned line's share was granted by the original sale).
          if (line.quantity > 0) discounts += line.discount?.amount ?? 0;
          vatLines.push({ gross: line.total, vatRate: line.vatRate });
        }
        for (const t of sale.tenders) {
          const acc = tender(tenderKey(t), t.kind, t.kind === 'other' ? (t.label ?? t.tenderId ?? labels.other) : labels[t.kind]);
          acc.amount += t.amount;
          acc.count += 1;
        }
        // Change is paid back out of the drawer, whatever the customer paid with.
        if (sale.totals.change !== 0) tender('cash', 'cash', labels.cash).amount -= sale.totals.change;
        break;
      }
      case 'void': {
        voids.count += 1;
        voids.amount += (doc as VoidDoc).total;
        break;
      }
      case 'cash_event': {
        const event = doc as CashEventDoc;
        if (event.kind === 'pay_in') payIns += event.amount;
        else if (event.kind === 'pay_out') payOuts += event.amount;
        break;
      }
      default:
        break;
    }
  }

  const tenderTotals: TenderTotal[] = [...tenders.values()]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label))
    .map((t) => ({ kind: t.kind, label: t.label, amount: money(t.amount), count: t.count }));
  const cash = tenders.get('cash')?.amount ?? 0;

  return {
    salesCount,
    refundsCount,
    grossSales: money(grossSales),
    refunds: money(refunds),
    discounts: money(discounts),
    voids: { count: voids.count, amount: money(voids.amount) },
    tenders: tenderTotals,
    vat: vatBreakdown(vatLines),
    payIns: money(payIns),
    payOuts: money(payOuts),
    expectedCash: money(float + cash + payIns - payOuts),
  };
}

/** A sale of a shift that was already closed when the sale reached the read model. */
export interface LateSale {
  saleId: string;
  shiftId: string;
  /** Z report of the shift it belongs to. */
  zNumber: number;
  receiptLabel: string;
  createdAt: string;
  gross: Money;
}

/**
 * Sales attributed (by shiftId) to a closed shift but missing from that shift's Z, and not yet listed
 * as late by any Z. The closed Z stays as it is (it is journaled); the next X/Z lists them.
 */
export function findLateSales(
  closed: readonly Pick<ZReportDoc, 'shiftId' | 'zNumber' | 'saleIds' | 'lateSales'>[],
  sales: Iterable<Pick<SaleDoc, '_id' | 'shiftId' | 'receiptLabel' | 'createdAt' | 'totals'>>,
): LateSale[] {
  const zByShift = new Map(closed.map((z) => [z.shiftId, z]));
  const known = new Set<string>();
  for (const z of closed) {
    for (const id of z.saleIds) known.add(id);
    for (const late of z.lateSales ?? []) known.add(late.saleId);
  }
  const late = new Map<string, LateSale>();
  for (const sale of sales) {
    const z = sale.shiftId === undefined ? undefined : zByShift.get(sale.shiftId);
    if (z === undefined || known.has(sale._id)) continue;
    late.set(sale._id, {
      saleId: sale._id,
      shiftId: z.shiftId,
      zNumber: z.zNumber,
      receiptLabel: sale.receiptLabel,
      createdAt: sale.createdAt,
      gross: sale.totals.gross,
    });
  }
  return [...late.values()].sort((a, b) => (a.saleId < b.saleId ? -1 : a.saleId > b.saleId ? 1 : 0));
}
