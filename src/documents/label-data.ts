/**
 * What a label says, independent of how it is printed (ZPL in label-zpl.ts, HTML in label-html.ts):
 * built from the documents the register already has (a web order and the store settings, a product).
 * Pure: no DOM, no I/O.
 */
import { classifyBarcode } from '../domain/barcode.ts';
import type { ParcelSpec } from '../domain/courier.ts';
import type { ProductDoc, StoreSettingsDoc, WebOrderAddress, WebOrderDoc } from '../domain/documents.ts';
import { formatMoney } from '../domain/money-format.ts';
import { money, type CurrencyCode, type Money } from '../domain/money.ts';

export interface LabelAddress {
  name: string;
  /** Street lines, then "postcode city", then the country: already in printing order. */
  lines: string[];
}

export interface ShippingLabel {
  from: LabelAddress;
  to: LabelAddress;
  /** As the customer knows it ("#1042"); its CODE128 is what the pick/pack screens scan. */
  orderNumber: string;
  tracking: { carrier: string; number: string } | null;
  /** The shipping method chosen on the web store, or the carrier service the label was made for. */
  service: string | null;
  /** The parcel as weighed and measured, when known (printed small, for the carrier's desk). */
  parcel?: ParcelSpec | null;
}

export type ShelfBarcode = { kind: 'ean13' | 'ean8' | 'code128'; value: string };

export interface ShelfLabel {
  name: string;
  /** Formatted for the shelf in French: "12,50 €". */
  price: string;
  /** Price per kg / l when the shop gives one: "8,33 €/kg". */
  unitPrice: string | null;
  /** "TTC" when the price includes VAT, "HT" otherwise. */
  taxNote: string;
  sku: string;
  barcode: ShelfBarcode | null;
}

export interface LabelSize {
  widthDots: number;
  heightDots: number;
  dpi: 203 | 300;
}

/** 4 × 6 in at 203 dpi. */
export const SHIPPING_LABEL_SIZE: LabelSize = { widthDots: 812, heightDots: 1218, dpi: 203 };
/** 2.25 × 1.25 in (57 × 32 mm) at 203 dpi: the common shelf/product label roll. */
export const SHELF_LABEL_SIZE: LabelSize = { widthDots: 457, heightDots: 254, dpi: 203 };

/** Printers and their fonts know plain and no-break spaces; fr-FR uses U+202F between thousands. */
export function printableSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
}

export function formatShelfPrice(amount: Money, currency: CurrencyCode): string {
  return printableSpaces(formatMoney(amount, { locale: 'fr-FR', currency }));
}

/** Street lines, "postcode city", region, and the country unless it is France. */
export function addressLines(a: WebOrderAddress): string[] {
  const country = a.country.toUpperCase() === 'FR' ? '' : a.country.toUpperCase();
  return [a.address1, a.address2 ?? '', `${a.postcode} ${a.city}`.trim(), a.region ?? '', country].filter((l) => l.trim() !== '');
}

/** The shop's address from its settings: first line is the name, the rest are the address lines. */
export function storeAddress(settings: Pick<StoreSettingsDoc, 'name' | 'address'>): LabelAddress {
  return { name: settings.name, lines: settings.address.filter((l) => l.trim() !== '') };
}

export function shippingLabelFromOrder(
  order: Pick<WebOrderDoc, 'orderNumber' | 'customer' | 'shippingAddress' | 'shippingMethod'>,
  store: Pick<StoreSettingsDoc, 'name' | 'address'>,
  tracking: { carrier: string; number: string } | null = null,
  extra: { parcel?: ParcelSpec | null; service?: string | null } = {},
): ShippingLabel {
  const address = order.shippingAddress;
  return {
    from: storeAddress(store),
    to: address ? { name: address.name || order.customer.name, lines: addressLines(address) } : { name: order.customer.name, lines: [] },
    orderNumber: order.orderNumber,
    tracking,
    service: extra.service ?? order.shippingMethod?.name ?? null,
    ...(extra.parcel ? { parcel: extra.parcel } : {}),
  };
}

/** "1,25 kg · 30 × 20 × 10 cm" (fr) / "1.25 kg · 30 × 20 × 10 cm" (en); empty when nothing is known. */
export function parcelSummary(parcel: ParcelSpec | null | undefined, lang: 'fr' | 'en' = 'fr'): string {
  if (!parcel) return '';
  const number = (n: number, digits: number): string => printableSpaces(new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en', { maximumFractionDigits: digits }).format(n));
  const parts: string[] = [];
  if (parcel.weightGrams !== undefined) parts.push(parcel.weightGrams >= 1000 ? `${number(parcel.weightGrams / 1000, 3)} kg` : `${number(parcel.weightGrams, 0)} g`);
  const sizes = [parcel.lengthCm, parcel.widthCm, parcel.heightCm].filter((v): v is number => v !== undefined);
  if (sizes.length > 0) parts.push(`${sizes.map((v) => number(v, 1)).join(' × ')} cm`);
  return parts.join(' · ');
}

/** The barcode a shelf label carries: the product's first EAN-13 (UPC-A padded to 13), else EAN-8, else its SKU. */
export function shelfBarcode(product: Pick<ProductDoc, 'barcodes' | 'sku'>): ShelfBarcode | null {
  const kinds = product.barcodes.map((b) => ({ b, kind: classifyBarcode(b) }));
  const ean = kinds.find((k) => k.kind === 'ean13' || k.kind === 'upca');
  if (ean) return { kind: 'ean13', value: ean.b.padStart(13, '0') };
  const ean8 = kinds.find((k) => k.kind === 'ean8');
  if (ean8) return { kind: 'ean8', value: ean8.b };
  return classifyBarcode(product.sku) === 'code128' ? { kind: 'code128', value: product.sku } : null;
}

export interface UnitPricing {
  /** Net content in the unit below (e.g. 0.75 for 750 g sold by the kg). */
  quantity: number;
  unit: 'kg' | 'l' | 'm' | 'unité';
}

export function shelfLabelFromProduct(
  product: Pick<ProductDoc, 'name' | 'price' | 'currency' | 'priceIncludesTax' | 'sku' | 'barcodes'>,
  unit: UnitPricing | null = null,
): ShelfLabel {
  const perUnit = unit !== null && unit.quantity > 0 ? money(Math.round(product.price / unit.quantity)) : null;
  return {
    name: product.name,
    price: formatShelfPrice(product.price, product.currency),
    unitPrice: perUnit === null || unit === null ? null : `${formatShelfPrice(perUnit, product.currency)}/${unit.unit}`,
    taxNote: product.priceIncludesTax ? 'TTC' : 'HT',
    sku: product.sku,
    barcode: shelfBarcode(product),
  };
}
