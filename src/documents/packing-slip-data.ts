/**
 * What a packing slip says, whatever it is printed on (receipt printer: packing-slip-escpos.ts, A4:
 * packing-slip-html.ts): built from a web order, its folded state (after the counter's corrections)
 * and the shop's settings. Pure: no DOM, no I/O.
 *
 * The input state is structural (the fields a slip reads), so the slip does not change when the
 * fold grows new fields.
 */
import type { StoreSettingsDoc, WebOrderAddress, WebOrderDoc } from '../domain/documents.ts';
import { addressLines, storeAddress, type LabelAddress } from './label-data.ts';

export type DocumentLang = 'fr' | 'en';

/** One line of an order's state as the slip and the pick list read it (OrderLineState fits). */
export interface DocumentLineState {
  sku: string;
  name: string;
  /** Absent (orders folded before locations existed): the shop's default location. */
  location?: string;
  ordered: number;
  picked: number;
  packed?: number;
  shipped: number;
}

/** The part of an OrderState a slip reads. */
export interface SlipOrderState {
  delivery: 'shipping' | 'pickup';
  lines: readonly DocumentLineState[];
  /** After corrections at the counter; absent: the order's own. */
  shippingAddress?: WebOrderAddress;
  customer?: { name: string; email?: string; phone?: string };
}

export type SlipOrder = Pick<WebOrderDoc, '_id' | 'orderNumber' | 'createdAt' | 'customer' | 'delivery' | 'shippingAddress' | 'shippingMethod' | 'note'>;

export interface PackingSlipLine {
  sku: string;
  name: string;
  ordered: number;
  /** In this parcel: packed, or picked when the slip is printed while packing (before "packed"). */
  packed: number;
  /** Ordered but not in the parcel, when packing has started (else 0: nothing is known yet). */
  toFollow: number;
}

export interface PackingSlip {
  lang: DocumentLang;
  shop: LabelAddress;
  orderId: string;
  /** As the customer knows it; its CODE128 is what the pick/pack screens scan. */
  orderNumber: string;
  orderedAt: string;
  delivery: 'shipping' | 'pickup';
  /** The shipping method chosen on the web store. */
  service: string | null;
  /** Who receives it: the (corrected) shipping address, or the customer for a pickup. */
  recipient: LabelAddress;
  phone: string | null;
  /** The location this slip is for, by name, when the order is split across locations. */
  location: string | null;
  lines: PackingSlipLine[];
  /** The customer's note from the web store (fulfilment notes are internal and never printed). */
  note: string | null;
}

export interface SlipSettings extends Pick<StoreSettingsDoc, 'name' | 'address'> {
  defaultLocation?: string;
  locations?: StoreSettingsDoc['locations'];
}

export function locationName(id: string, settings: Pick<SlipSettings, 'locations'>): string {
  return settings.locations?.find((l) => l.id === id)?.name ?? id;
}

/**
 * The slip of one order (or of one location's part: `location` keeps that location's lines).
 * Lines without a quantity left on the order (removed by a change) are not printed.
 */
export function packingSlipFromOrder(order: SlipOrder, state: SlipOrderState, settings: SlipSettings, lang: DocumentLang, location?: string): PackingSlip {
  const fallback = settings.defaultLocation ?? '';
  const own = state.lines.filter((l) => l.ordered > 0 && (location === undefined || (l.location ?? fallback) === location));
  const inParcel = (l: DocumentLineState): number => Math.min(l.ordered, Math.max(l.packed ?? 0, l.picked));
  const started = own.some((l) => inParcel(l) > 0);
  const customer = state.customer ?? order.customer;
  const address = state.shippingAddress ?? order.shippingAddress;
  const recipient: LabelAddress =
    state.delivery === 'shipping' && address !== undefined ? { name: address.name || customer.name, lines: addressLines(address) } : { name: customer.name, lines: customer.email ? [customer.email] : [] };
  return {
    lang,
    shop: storeAddress(settings),
    orderId: order._id,
    orderNumber: order.orderNumber,
    orderedAt: order.createdAt,
    delivery: state.delivery,
    service: state.delivery === 'shipping' ? (order.shippingMethod?.name ?? null) : null,
    recipient,
    phone: (state.delivery === 'shipping' ? address?.phone : undefined) ?? customer.phone ?? null,
    location: location === undefined ? null : locationName(location, settings),
    lines: own.map((l) => ({ sku: l.sku, name: l.name, ordered: l.ordered, packed: inParcel(l), toFollow: started ? l.ordered - inParcel(l) : 0 })),
    note: order.note?.trim() ? order.note.trim() : null,
  };
}

export const SLIP_WORDS = {
  fr: {
    title: 'BON DE LIVRAISON', order: 'Commande', date: 'Date', delivery: 'Livraison', pickup: 'Retrait en magasin',
    location: 'Emplacement', shipTo: 'LIVRER À', pickupBy: 'RETRAIT PAR', phone: 'Tél.', item: 'Article', sku: 'Réf.',
    ordered: 'Cdé', packed: 'Colis', orderedLong: 'Commandé', packedLong: 'Dans le colis', toFollow: 'à suivre', items: 'Articles', note: 'Note du client', thanks: 'Merci pour votre commande !',
  },
  en: {
    title: 'PACKING SLIP', order: 'Order', date: 'Date', delivery: 'Delivery', pickup: 'Store pickup',
    location: 'Location', shipTo: 'SHIP TO', pickupBy: 'PICKUP BY', phone: 'Tel.', item: 'Item', sku: 'SKU',
    ordered: 'Ord', packed: 'Pack', orderedLong: 'Ordered', packedLong: 'In parcel', toFollow: 'to follow', items: 'Items', note: 'Customer note', thanks: 'Thank you for your order!',
  },
} as const;

/** "Label :" in French typography, "Label:" in English. */
export function withColon(label: string, lang: DocumentLang): string {
  return lang === 'fr' ? `${label} :` : `${label}:`;
}

export function slipTotals(slip: Pick<PackingSlip, 'lines'>): { ordered: number; packed: number } {
  return slip.lines.reduce((t, l) => ({ ordered: t.ordered + l.ordered, packed: t.packed + l.packed }), { ordered: 0, packed: 0 });
}
