/** A web order with accents, its folded state, and the shop's settings, for the order documents' tests. */
import type { DocumentOrderState } from '../../src/commands/order-documents.ts';
import type { StoreSettingsDoc, WebOrderDoc } from '../../src/domain/documents.ts';
import { money } from '../../src/domain/money.ts';
import type { DeviceRow } from '../../src/store/schema.ts';

export const settings: StoreSettingsDoc = {
  _id: 'store:settings',
  type: 'store_settings',
  storeId: 'demo',
  name: 'Épicerie Léa',
  address: ['12 rue des Écoles', '75005 Paris'],
  currency: 'EUR',
  locale: 'fr-FR',
  defaultLocation: 'shop',
  locations: [
    { id: 'shop', name: 'Boutique' },
    { id: 'wh', name: 'Entrepôt Nord' },
  ],
};

export function webOrder(overrides: Partial<WebOrderDoc> = {}): WebOrderDoc {
  return {
    _id: 'weborder:shopify:demo:1042',
    type: 'web_order',
    platform: 'shopify',
    shop: 'demo',
    platformOrderId: '1042',
    orderNumber: '#1042',
    createdAt: '2026-11-28T09:30:00.000Z',
    updatedAt: '2026-11-28T09:30:00.000Z',
    status: 'new',
    delivery: 'shipping',
    customer: { name: 'Zoé Müller', email: 'zoe@example.org', phone: '06 12 34 56 78' },
    currency: 'EUR',
    pricesIncludeTax: true,
    lines: [
      { sku: 'CAF-1', name: 'Café éthiopien moulu', quantity: 2, unitPrice: money(650) },
      { sku: 'OEU-1', name: 'Œufs frais bio (x6)', quantity: 1, unitPrice: money(420) },
      { sku: null, name: 'Livraison', quantity: 1, unitPrice: money(690) },
    ],
    total: money(2410),
    payment: { state: 'paid', processor: 'shopify_payments' },
    note: 'Sonnez deux fois, s’il vous plaît — merci !',
    shippingAddress: { name: 'Zoé Müller', address1: '3 allée des Châtaigniers', address2: 'Bât. B', city: 'Besançon', postcode: '25000', country: 'FR', phone: '06 12 34 56 78' },
    shippingMethod: { name: 'Colissimo Domicile - sans signature', code: 'colissimo-domicile', price: money(690) },
    ...overrides,
  };
}

export function orderStateOf(overrides: Partial<DocumentOrderState> = {}): DocumentOrderState {
  return {
    status: 'picked',
    delivery: 'shipping',
    lines: [
      { sku: 'CAF-1', name: 'Café éthiopien moulu', location: 'shop', ordered: 2, picked: 2, packed: 0, shipped: 0 },
      { sku: 'OEU-1', name: 'Œufs frais bio (x6)', location: 'shop', ordered: 1, picked: 0, packed: 0, shipped: 0 },
    ],
    customer: { name: 'Zoé Müller', email: 'zoe@example.org', phone: '06 12 34 56 78' },
    ...overrides,
  };
}

export function device(id: string, role: DeviceRow['role'], kind: DeviceRow['kind'] = 'usb', options: Record<string, unknown> = {}): DeviceRow {
  return { id, role, kind, name: id, match: {}, options, addedAt: '2026-11-28T08:00:00.000Z' };
}
