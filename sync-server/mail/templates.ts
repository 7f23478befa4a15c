/**
 * The mails Comptoir sends, in French and English: a sale's receipt, "your order has shipped" (with
 * the tracking) and "your order is ready for pickup". Plain text plus a simple HTML version; every
 * value put in the HTML is escaped.
 */
import type { SaleDoc, StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import type { Money } from '../../src/domain/money.ts';
import { formatMoney, type MoneyLocale } from '../../src/domain/money-format.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailLocale = MoneyLocale;

type Shop = Pick<StoreSettingsDoc, 'name' | 'address'> & Partial<Pick<StoreSettingsDoc, 'legal'>>;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function dateTime(iso: string, locale: MailLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr-FR' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(d);
}

function page(title: string, blocks: string[], shop: Shop): string {
  const footer = [shop.name, ...shop.address, ...(shop.legal ?? [])].map(escapeHtml).join('<br>');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:36em">${blocks.join('\n')}<hr><p style="color:#666;font-size:smaller">${footer}</p></body></html>`;
}

const T = {
  'fr-FR': {
    receiptSubject: (label: string, shop: string) => `Votre ticket ${label} — ${shop}`,
    receiptIntro: (shop: string, when: string) => `Merci pour votre achat chez ${shop} le ${when}.`,
    total: 'Total TTC',
    net: 'Total HT',
    vat: 'TVA',
    vatRow: (rate: string) => `TVA ${rate} %`,
    tendered: 'Réglé',
    change: 'Rendu',
    tender: { cash: 'Espèces', card: 'Carte', voucher: 'Bon', other: 'Autre' } as Record<string, string>,
    receipt: 'Ticket',
    shippedSubject: (n: string) => `Votre commande ${n} a été expédiée`,
    shippedIntro: (n: string) => `Bonne nouvelle : votre commande ${n} est en route.`,
    carrier: 'Transporteur',
    tracking: 'Numéro de suivi',
    follow: 'Suivre le colis',
    pickupSubject: (n: string) => `Votre commande ${n} est prête à être retirée`,
    pickupIntro: (n: string, shop: string) => `Votre commande ${n} vous attend chez ${shop}.`,
    pickupAddress: 'Adresse',
    hello: (name: string) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  },
  en: {
    receiptSubject: (label: string, shop: string) => `Your receipt ${label} — ${shop}`,
    receiptIntro: (shop: string, when: string) => `Thank you for shopping at ${shop} on ${when}.`,
    total: 'Total',
    net: 'Net',
    vat: 'VAT',
    vatRow: (rate: string) => `VAT ${rate} %`,
    tendered: 'Paid',
    change: 'Change',
    tender: { cash: 'Cash', card: 'Card', voucher: 'Voucher', other: 'Other' } as Record<string, string>,
    receipt: 'Receipt',
    shippedSubject: (n: string) => `Your order ${n} has shipped`,
    shippedIntro: (n: string) => `Good news: your order ${n} is on its way.`,
    carrier: 'Carrier',
    tracking: 'Tracking number',
    follow: 'Track the parcel',
    pickupSubject: (n: string) => `Your order ${n} is ready for pickup`,
    pickupIntro: (n: string, shop: string) => `Your order ${n} is waiting for you at ${shop}.`,
    pickupAddress: 'Address',
    hello: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
  },
} as const;

function rate(bp: number, locale: MailLocale): string {
  const s = (bp / 100).toFixed(bp % 100 === 0 ? 0 : bp % 10 === 0 ? 1 : 2);
  return locale === 'fr-FR' ? s.replace('.', ',') : s;
}

export function renderReceipt(sale: SaleDoc, shop: Shop, locale: MailLocale): RenderedMail {
  const t = T[locale];
  const m = (a: Money | number) => formatMoney(a as Money, { locale, currency: sale.currency });
  const when = dateTime(sale.createdAt, locale);
  const lines = sale.lines.map((l) => ({ left: `${l.quantity} × ${l.name}`, right: m(l.total) }));
  const vatRows = sale.vatBreakdown.map((r) => ({ left: t.vatRow(rate(r.rate, locale)), right: m(r.vat) }));
  const tenders = sale.tenders.map((x) => ({ left: t.tender[x.kind] ?? x.kind, right: m(x.amount) }));
  const totals = [
    { left: t.total, right: m(sale.totals.gross) },
    { left: t.net, right: m(sale.totals.net) },
    ...vatRows,
    ...tenders,
    ...(sale.totals.change > 0 ? [{ left: t.change, right: m(sale.totals.change) }] : []),
  ];
  const text = [
    t.receiptIntro(shop.name, when),
    '',
    `${t.receipt} ${sale.receiptLabel}`,
    '',
    ...lines.map((l) => `${l.left}  ${l.right}`),
    '',
    ...totals.map((l) => `${l.left}: ${l.right}`),
    '',
    shop.name,
    ...shop.address,
    ...(shop.legal ?? []),
  ].join('\n');
  const row = (l: { left: string; right: string }, bold = false) =>
    `<tr><td${bold ? ' style="font-weight:bold"' : ''}>${escapeHtml(l.left)}</td><td style="text-align:right${bold ? ';font-weight:bold' : ''}">${escapeHtml(l.right)}</td></tr>`;
  const html = page(
    t.receiptSubject(sale.receiptLabel, shop.name),
    [
      `<p>${escapeHtml(t.receiptIntro(shop.name, when))}</p>`,
      `<h2>${escapeHtml(`${t.receipt} ${sale.receiptLabel}`)}</h2>`,
      `<table style="width:100%">${lines.map((l) => row(l)).join('')}</table>`,
      `<table style="width:100%">${totals.map((l, i) => row(l, i === 0)).join('')}</table>`,
    ],
    shop,
  );
  return { subject: t.receiptSubject(sale.receiptLabel, shop.name), text, html };
}

export function renderShipped(order: WebOrderDoc, event: Pick<WebOrderEventDoc, 'tracking'>, shop: Shop, locale: MailLocale): RenderedMail {
  const t = T[locale];
  const tr = event.tracking;
  const textLines = [
    t.hello(order.customer.name),
    '',
    t.shippedIntro(order.orderNumber),
    ...(tr ? ['', `${t.carrier}: ${tr.carrier}`, `${t.tracking}: ${tr.number}`, ...(tr.url ? [`${t.follow}: ${tr.url}`] : [])] : []),
    '',
    shop.name,
  ];
  const html = page(
    t.shippedSubject(order.orderNumber),
    [
      `<p>${escapeHtml(t.hello(order.customer.name))}</p>`,
      `<p>${escapeHtml(t.shippedIntro(order.orderNumber))}</p>`,
      ...(tr
        ? [
            `<p>${escapeHtml(t.carrier)}: <b>${escapeHtml(tr.carrier)}</b><br>${escapeHtml(t.tracking)}: <b>${escapeHtml(tr.number)}</b></p>`,
            ...(tr.url && /^https?:\/\//.test(tr.url) ? [`<p><a href="${escapeHtml(tr.url)}">${escapeHtml(t.follow)}</a></p>`] : []),
          ]
        : []),
    ],
    shop,
  );
  return { subject: t.shippedSubject(order.orderNumber), text: textLines.join('\n'), html };
}

export function renderReadyForPickup(order: WebOrderDoc, shop: Shop, locale: MailLocale): RenderedMail {
  const t = T[locale];
  const text = [t.hello(order.customer.name), '', t.pickupIntro(order.orderNumber, shop.name), '', `${t.pickupAddress}:`, shop.name, ...shop.address].join('\n');
  const html = page(
    t.pickupSubject(order.orderNumber),
    [
      `<p>${escapeHtml(t.hello(order.customer.name))}</p>`,
      `<p>${escapeHtml(t.pickupIntro(order.orderNumber, shop.name))}</p>`,
      `<p>${escapeHtml(t.pickupAddress)}:<br>${[shop.name, ...shop.address].map(escapeHtml).join('<br>')}</p>`,
    ],
    shop,
  );
  return { subject: t.pickupSubject(order.orderNumber), text, html };
}
