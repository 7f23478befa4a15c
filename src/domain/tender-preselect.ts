/**
 * The tender preselected when the balance of a web order is taken at the counter (issue 6), from
 * the payment method the customer chose online: cash on delivery / pay in store → cash; a cheque →
 * the shop's cheque tender; a card gateway (Stripe, Shopify Payments…) → card; PayPal, Klarna, a
 * bank transfer → an "other" tender with that label (the shop's own tender of that name when it
 * has one: then its id too). Only a preselection: the cashier can change it.
 */
import type { TenderKind } from './documents.ts';
import type { OtherTenderOption } from './tenders.ts';

export interface TenderPreselection {
  kind: TenderKind;
  /** Set when the shop configured this tender (an "other" tender's id). */
  tenderId?: string;
  label?: string;
}

/** Lower case, no accents, separators as spaces: "Chèque" and "cheque", "shopify_payments" and "Shopify Payments" meet. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-./()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CASH = /\b(cod|cash|especes|liquide|pay (in|at) (store|shop)|paiement (a la livraison|en (boutique|magasin)|sur place)|payer en (boutique|magasin))\b/;
const CHEQUE = /\b(cheques?|checks?)\b/;
const CARD = /\b(card|cards|carte|cb|stripe|shopify payments|woocommerce payments|credit|debit|visa|mastercard|amex|square|adyen|braintree|mollie|payplug|sumup|apple pay|google pay)\b/;
/** Methods that become an "other" tender: their pattern and the label used when the shop has no such tender. */
const OTHER: ReadonlyArray<{ pattern: RegExp; label: string }> = [
  { pattern: /\bpaypal\b/, label: 'PayPal' },
  { pattern: /\bklarna\b/, label: 'Klarna' },
  { pattern: /\b(bacs|bank transfer|bank|wire|virement|transfer)\b/, label: 'Virement bancaire' },
];

function configured(otherTenders: readonly OtherTenderOption[], pattern: RegExp): OtherTenderOption | undefined {
  return otherTenders.find((t) => pattern.test(normalise(t.label)));
}

export function preselectTender(paymentMethod: string | undefined, otherTenders: readonly OtherTenderOption[] = []): TenderPreselection {
  const method = normalise(paymentMethod ?? '');
  if (method === '') return { kind: 'cash' };
  // The shop's own tender named exactly like the method wins (a "PayPal" tender, a "Lydia" tender…).
  const same = otherTenders.find((t) => normalise(t.label) === method);
  if (same) return { kind: 'other', tenderId: same.id, label: same.label };
  if (CASH.test(method)) return { kind: 'cash' };
  if (CHEQUE.test(method)) {
    const cheque = configured(otherTenders, CHEQUE);
    return cheque ? { kind: 'other', tenderId: cheque.id, label: cheque.label } : { kind: 'other', label: 'Chèque' };
  }
  for (const { pattern, label } of OTHER) {
    if (!pattern.test(method)) continue;
    const own = configured(otherTenders, pattern);
    return own ? { kind: 'other', tenderId: own.id, label: own.label } : { kind: 'other', label };
  }
  if (CARD.test(method)) return { kind: 'card' };
  return { kind: 'cash' };
}
