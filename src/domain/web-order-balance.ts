/**
 * The lines of the sale that takes a web order's balance at the counter (issue 6). The sale is a
 * real one (receipt, journal, Z report, VAT) whose gross must be the balance to the cent:
 *
 * - nothing paid yet, tax-inclusive prices that add up to the balance: the order's own lines at the
 *   order's prices, with each SKU's catalogue VAT rate, plus fees and shipping as lines (at the
 *   rate of the order's main goods, as shipping follows what it carries);
 * - otherwise (part paid online, a change, tax-exclusive prices): one "balance of order #1042" line
 *   per VAT rate, the balance spread over the rates in proportion to the order's lines.
 *
 * The sale moves no stock (it carries webOrderId: stock.ts): the order's events do.
 */
import { spreadProportionally } from './cart-lines.ts';
import type { VatRateBp, WebOrderDoc } from './documents.ts';
import { money, type Money } from './money.ts';
import type { CartLine } from './sale.ts';
import { FRENCH_VAT_RATES } from './vat.ts';
import type { OrderLineState } from './web-order-types.ts';

/** SKUs of the lines that are no catalogue product (they move no stock: the sale carries webOrderId). */
export const BALANCE_SKU = 'SOLDE';
export const SHIPPING_SKU = 'LIVRAISON';
export const FEE_SKU = 'FRAIS';

interface Item {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  vatRate: VatRateBp;
}

function items(order: WebOrderDoc, lines: readonly OrderLineState[], vatRateOf: (sku: string) => VatRateBp | undefined): Item[] {
  const goods = new Map<string, Item>();
  for (const l of lines) {
    const existing = goods.get(l.sku);
    if (existing) existing.quantity += l.ordered;
    else goods.set(l.sku, { sku: l.sku, name: l.name, quantity: l.ordered, unitPrice: l.unitPrice, vatRate: vatRateOf(l.sku) ?? FRENCH_VAT_RATES.standard });
  }
  const out = [...goods.values()].filter((i) => i.quantity > 0);
  const byRate = new Map<number, number>();
  for (const i of out) byRate.set(i.vatRate, (byRate.get(i.vatRate) ?? 0) + i.quantity * i.unitPrice);
  const main = [...byRate].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? FRENCH_VAT_RATES.standard;
  for (const l of order.lines) {
    if (l.sku !== null || l.quantity <= 0) continue;
    out.push({ sku: FEE_SKU, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: main });
  }
  const shipping = order.shippingMethod;
  if (shipping !== undefined && shipping.price > 0) out.push({ sku: SHIPPING_SKU, name: shipping.name, quantity: 1, unitPrice: shipping.price, vatRate: main });
  return out;
}

const asLine = (i: Item): CartLine => ({ product: { sku: i.sku, name: i.name, price: i.unitPrice, priceIncludesTax: true, vatRate: i.vatRate }, quantity: i.quantity });

/** `label` names the balance line ("Solde commande #1042"); `vatRateOf` reads the catalogue. */
export function balanceCartLines(
  order: WebOrderDoc,
  state: { lines: readonly OrderLineState[]; paidAmount: Money; balance: Money },
  vatRateOf: (sku: string) => VatRateBp | undefined,
  label: string,
): CartLine[] {
  const balance = state.balance;
  if (balance <= 0) return [];
  const all = items(order, state.lines, vatRateOf);
  const gross = all.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
  if (state.paidAmount === 0 && order.pricesIncludeTax && gross === balance) return all.map(asLine);

  const byRate = new Map<number, number>();
  for (const i of all) byRate.set(i.vatRate, (byRate.get(i.vatRate) ?? 0) + Math.max(0, i.quantity * i.unitPrice));
  const rates = [...byRate.keys()].sort((a, b) => b - a);
  const weights = rates.map((r) => byRate.get(r) ?? 0);
  if (rates.length === 0 || weights.every((w) => w === 0)) return [asLine({ sku: BALANCE_SKU, name: label, quantity: 1, unitPrice: balance, vatRate: rates[0] ?? FRENCH_VAT_RATES.standard })];
  const shares = spreadProportionally(balance, weights);
  return rates
    .map((rate, i) => ({ rate, share: shares[i] ?? 0 }))
    .filter((r) => r.share > 0)
    .map((r) => asLine({ sku: BALANCE_SKU, name: label, quantity: 1, unitPrice: money(r.share), vatRate: r.rate }));
}
