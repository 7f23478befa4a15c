/** preselectTender: the tender preselected for an order's balance from how the customer chose to pay online. */
import { describe, expect, it } from 'vitest';
import { preselectTender } from '../../../src/domain/tender-preselect.ts';

const shop = [{ id: 'cheque', label: 'Chèque' }, { id: 'tr', label: 'Ticket restaurant' }];

describe('preselectTender', () => {
  it('cash on delivery or in store → cash; nothing known → cash', () => {
    for (const m of ['cod', 'Cash on Delivery (COD)', 'Pay in Store', 'Paiement à la livraison', undefined, '']) expect(preselectTender(m, shop)).toEqual({ kind: 'cash' });
  });
  it('card gateways → card', () => {
    for (const m of ['stripe', 'shopify_payments', 'Stripe', 'Carte bancaire (Stripe)', 'credit card']) expect(preselectTender(m, shop)).toEqual({ kind: 'card' });
  });
  it("cheque → the shop's cheque tender when it has one", () => {
    expect(preselectTender('cheque', shop)).toEqual({ kind: 'other', tenderId: 'cheque', label: 'Chèque' });
    expect(preselectTender('Check payments', [])).toEqual({ kind: 'other', label: 'Chèque' });
  });
  it('PayPal, Klarna, bank transfer → other with that label (the shop tender of that name when configured)', () => {
    expect(preselectTender('paypal', shop)).toEqual({ kind: 'other', label: 'PayPal' });
    expect(preselectTender('Klarna Pay Later', shop)).toEqual({ kind: 'other', label: 'Klarna' });
    expect(preselectTender('bacs', shop)).toEqual({ kind: 'other', label: 'Virement bancaire' });
    expect(preselectTender('Direct bank transfer', [{ id: 'vir', label: 'Virement' }])).toEqual({ kind: 'other', tenderId: 'vir', label: 'Virement' });
    expect(preselectTender('PayPal', [{ id: 'pp', label: 'paypal' }])).toEqual({ kind: 'other', tenderId: 'pp', label: 'paypal' });
  });
});
