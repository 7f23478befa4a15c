/**
 * The web order mails added with fulfilment at the counter (issue 6), in French and English: the
 * customer's "your order was cancelled" (with the reason) and the shop's "a new web order came in".
 * Plain text plus a simple HTML version; every value put in the HTML is escaped.
 */
import type { StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { Money } from '../../src/domain/money.ts';
import { formatMoney } from '../../src/domain/money-format.ts';
import { escapeHtml, type MailLocale, type RenderedMail } from './templates.ts';

type Shop = Pick<StoreSettingsDoc, 'name' | 'address'> & Partial<Pick<StoreSettingsDoc, 'legal'>>;

/** The automatic cancellation's reason as written on the event (sync-server/outbound/auto-cancel.ts). */
const AUTO_REASON = /^unpaid after (\d+(?:\.\d+)?) h$/;

const T = {
  'fr-FR': {
    hello: (name: string) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    cancelledSubject: (n: string) => `Votre commande ${n} a été annulée`,
    cancelledIntro: (n: string, shop: string) => `Votre commande ${n} chez ${shop} a été annulée.`,
    reason: 'Motif',
    unpaid: (h: string) => `commande non réglée après ${h} h`,
    refunded: (amount: string) => `${amount} vous sont remboursés sur votre moyen de paiement d'origine.`,
    credit: (amount: string, voucher?: string) => `Un avoir de ${amount} vous est accordé${voucher ? ` (n° ${voucher})` : ''}.`,
    newSubject: (n: string) => `Nouvelle commande web ${n}`,
    newIntro: (n: string, platform: string) => `La commande ${n} vient d'arriver de ${platform}.`,
    customer: 'Client',
    delivery: { shipping: 'Livraison', pickup: 'Retrait en boutique' } as Record<string, string>,
    payment: { paid: 'Payée en ligne', to_pay: 'À régler en boutique' } as Record<string, string>,
    total: 'Total',
  },
  en: {
    hello: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    cancelledSubject: (n: string) => `Your order ${n} was cancelled`,
    cancelledIntro: (n: string, shop: string) => `Your order ${n} at ${shop} was cancelled.`,
    reason: 'Reason',
    unpaid: (h: string) => `order not paid after ${h} h`,
    refunded: (amount: string) => `${amount} is refunded to your original means of payment.`,
    credit: (amount: string, voucher?: string) => `A credit note of ${amount} is yours${voucher ? ` (no. ${voucher})` : ''}.`,
    newSubject: (n: string) => `New web order ${n}`,
    newIntro: (n: string, platform: string) => `Order ${n} just came in from ${platform}.`,
    customer: 'Customer',
    delivery: { shipping: 'Delivery', pickup: 'Pickup at the shop' } as Record<string, string>,
    payment: { paid: 'Paid online', to_pay: 'To pay at the shop' } as Record<string, string>,
    total: 'Total',
  },
} as const;

const PLATFORM_NAMES: Record<string, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', bigcommerce: 'BigCommerce' };

function page(title: string, blocks: string[], shop: Shop): string {
  const footer = [shop.name, ...shop.address, ...(shop.legal ?? [])].map(escapeHtml).join('<br>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:36em">${blocks.join('\n')}<hr><p style="color:#666;font-size:smaller">${footer}</p></body></html>`;
}

/** The reason in the customer's language: the automatic cancellation's is translated, a person's is kept. */
export function cancellationReason(reason: string | undefined, locale: MailLocale): string | undefined {
  if (!reason) return undefined;
  const m = AUTO_REASON.exec(reason);
  return m ? T[locale].unpaid(locale === 'fr-FR' ? m[1]!.replace('.', ',') : m[1]!) : reason;
}

export function renderCancelled(order: WebOrderDoc, event: Partial<Pick<WebOrderEventDoc, 'reason' | 'refund'>>, shop: Shop, locale: MailLocale, customerName?: string): RenderedMail {
  const t = T[locale];
  const m = (a: number) => formatMoney(a as Money, { locale, currency: order.currency });
  const reason = cancellationReason(event.reason, locale);
  const refund = event.refund && event.refund.amount > 0 ? (event.refund.to === 'original' ? t.refunded(m(event.refund.amount)) : t.credit(m(event.refund.amount), event.refund.voucher)) : undefined;
  const name = customerName ?? order.customer.name;
  const lines = [t.hello(name), '', t.cancelledIntro(order.orderNumber, shop.name), ...(reason ? [`${t.reason}: ${reason}`] : []), ...(refund ? ['', refund] : []), '', shop.name];
  const html = page(
    t.cancelledSubject(order.orderNumber),
    [
      `<p>${escapeHtml(t.hello(name))}</p>`,
      `<p>${escapeHtml(t.cancelledIntro(order.orderNumber, shop.name))}</p>`,
      ...(reason ? [`<p>${escapeHtml(t.reason)}: <b>${escapeHtml(reason)}</b></p>`] : []),
      ...(refund ? [`<p>${escapeHtml(refund)}</p>`] : []),
    ],
    shop,
  );
  return { subject: t.cancelledSubject(order.orderNumber), text: lines.join('\n'), html };
}

export function renderNewOrder(order: WebOrderDoc, shop: Shop, locale: MailLocale): RenderedMail {
  const t = T[locale];
  const m = (a: number) => formatMoney(a as Money, { locale, currency: order.currency });
  const platform = PLATFORM_NAMES[order.platform] ?? order.platform;
  const who = [order.customer.name, order.customer.email].filter(Boolean).join(' — ');
  const items = order.lines.map((l) => `${l.quantity} × ${l.name}${l.sku ? ` (${l.sku})` : ''}`);
  const facts = [`${t.customer}: ${who}`, `${t.delivery[order.delivery] ?? order.delivery} — ${t.payment[order.payment.state] ?? order.payment.state}`, `${t.total}: ${m(order.total)}`];
  const text = [t.newIntro(order.orderNumber, platform), '', ...items, '', ...facts, '', shop.name].join('\n');
  const html = page(
    t.newSubject(order.orderNumber),
    [
      `<p>${escapeHtml(t.newIntro(order.orderNumber, platform))}</p>`,
      `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
      `<p>${facts.map(escapeHtml).join('<br>')}</p>`,
    ],
    shop,
  );
  return { subject: t.newSubject(order.orderNumber), text, html };
}
