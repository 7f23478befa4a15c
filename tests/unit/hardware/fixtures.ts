/** A completed sale with accents, a discount, two VAT rates and a cash tender with change. */
import type { SaleDoc } from '../../../src/domain/documents.ts';
import type { Money } from '../../../src/domain/money.ts';

const m = (n: number): Money => n as Money;

export function sampleSale(overrides: Partial<SaleDoc> = {}): SaleDoc {
  return {
    _id: 'sale:R1:00000042',
    type: 'sale',
    storeId: 'demo',
    registerId: 'R1',
    receiptNumber: 42,
    receiptLabel: 'R-ABCD-000042',
    createdAt: '2026-03-01T10:15:00.000Z',
    cashier: 'Camille',
    currency: 'EUR',
    location: 'shop',
    lines: [
      { sku: 'CAF-1', name: 'Café éthiopien moulu', quantity: 2, unitPrice: m(650), vatRate: 550, total: m(1300) },
      { sku: 'OEU-1', name: 'Œufs frais bio (x6)', quantity: 1, unitPrice: m(420), vatRate: 550, total: m(378), discount: { kind: 'percent', value: 1000, amount: m(42) } },
      { sku: 'TAS-1', name: 'Tasse à café émaillée', quantity: 1, unitPrice: m(1200), vatRate: 2000, total: m(1200) },
    ],
    tenders: [{ kind: 'cash', amount: m(5000) }],
    totals: { net: m(2436), vat: m(442), gross: m(2878), tendered: m(5000), change: m(2122) },
    vatBreakdown: [
      { rate: 550, net: m(1436), vat: m(242), gross: m(1678) },
      { rate: 2000, net: m(1000), vat: m(200), gross: m(1200) },
    ],
    ...overrides,
  };
}
