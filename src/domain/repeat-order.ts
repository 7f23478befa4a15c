/**
 * A repeat order starts a new sale with what an earlier one sold: the same products and quantities
 * (returned lines are not repeated), at today's catalogue prices, for the same customer.
 */
import type { SaleDoc } from './documents.ts';

export interface RepeatItem {
  sku: string;
  name: string;
  quantity: number;
}

/** Units sold per SKU, in the order the SKUs first appear on the sale. */
export function repeatOrderItems(sale: Pick<SaleDoc, 'lines'>): RepeatItem[] {
  const bySku = new Map<string, RepeatItem>();
  for (const line of sale.lines) {
    if (line.quantity <= 0 || line.returnOf !== undefined || line.sku === '') continue;
    const item = bySku.get(line.sku);
    if (item) item.quantity += line.quantity;
    else bySku.set(line.sku, { sku: line.sku, name: line.name, quantity: line.quantity });
  }
  return [...bySku.values()];
}
