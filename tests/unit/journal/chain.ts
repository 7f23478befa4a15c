// Builds journal chains of sales, refunds and Z reports linked exactly as the register links them.
import type { SaleDoc } from '../../../src/domain/documents.ts';
import { nextJournalLink, type JournalEntry } from '../../../src/domain/journal.ts';
import { money } from '../../../src/domain/money.ts';
import type { ZReportDoc } from '../../../src/domain/register-documents.ts';

export type Step = { kind: 'sale'; gross: number } | { kind: 'z' };

export function saleOf(registerId: string, n: number, gross: number): SaleDoc {
  const label = `${registerId.toUpperCase()}-${String(n).padStart(6, '0')}`;
  return {
    _id: `sale:${registerId}:${String(n).padStart(8, '0')}`,
    _rev: `1-${n}`,
    type: 'sale',
    storeId: 'demo',
    registerId,
    receiptNumber: n,
    receiptLabel: label,
    createdAt: `2024-05-01T08:${String(n % 60).padStart(2, '0')}:00Z`,
    cashier: 'Camille',
    currency: 'EUR',
    lines: [{ sku: 'CROIS', name: 'Croissant', quantity: gross < 0 ? -1 : 1, unitPrice: money(Math.abs(gross)), vatRate: 550, total: money(gross) }],
    tenders: [{ kind: 'cash', amount: money(gross) }],
    totals: { net: money(gross), vat: money(0), gross: money(gross), tendered: money(gross), change: money(0) },
    vatBreakdown: [{ rate: 550, net: money(gross), vat: money(0), gross: money(gross) }],
    location: 'shop',
    ...(gross < 0 ? { kind: 'refund' as const } : {}),
  };
}

export function zOf(registerId: string, n: number): Omit<ZReportDoc, 'journal'> {
  return {
    _id: `z:${registerId}:${String(n).padStart(6, '0')}`,
    type: 'z_report',
    storeId: 'demo',
    registerId,
    zNumber: n,
    shiftId: `shift:${registerId}:01ARYZ6S41TSV4RRFFQ69G5FA${n}`,
    openedAt: '2024-05-01T07:00:00Z',
    closedAt: '2024-05-01T19:00:00Z',
    closedBy: 'staff:marc',
    float: money(10000),
    counted: { '5000': 2 },
    countedCash: money(10000),
    totals: {
      salesCount: 1, refundsCount: 0, grossSales: money(100), refunds: money(0), discounts: money(0), voids: { count: 0, amount: money(0) },
      tenders: [{ kind: 'cash', label: 'Espèces', amount: money(100), count: 1 }], vat: [], payIns: money(0), payOuts: money(0), expectedCash: money(10100),
    },
    difference: money(-100),
    saleIds: [],
  };
}

/** Links the steps in order, as journalSerial + linkToJournal would. */
export async function buildChain(steps: readonly Step[], registerId = 'r1'): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  let receipt = 0;
  let z = 0;
  for (const step of steps) {
    const bare = step.kind === 'sale' ? saleOf(registerId, ++receipt, step.gross) : (zOf(registerId, ++z) as ZReportDoc);
    const prev = out[out.length - 1]?.journal ?? null;
    out.push({ ...bare, journal: await nextJournalLink(prev, bare) } as JournalEntry);
  }
  return out;
}
