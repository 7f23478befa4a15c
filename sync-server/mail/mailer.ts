/**
 * Sending mail over SMTP with nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587 or
 * smtps://…:465; MAIL_FROM is the sender). Messages come from the durable mail outbox (the `mail:`
 * jobs of the outbound queue, see docs/adr/0007): this module only renders and hands one message to
 * the SMTP server.
 *
 * Delivery is at-least-once: the job is marked done after the SMTP server accepted the message; a
 * crash between the server's "250 OK" and that write (milliseconds) sends it again after the lease
 * expires. Each message carries a deterministic Message-ID (<key@comptoir.store>), the same on a
 * resend, so mail clients and MTAs that de-duplicate on it show one message. Losing a receipt was
 * judged worse than a rare duplicate.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailJobDoc } from '../outbound/jobs.ts';
import type { AttemptOutcome } from '../outbound/queue.ts';
import type { StoreDb } from '../db/backend.ts';
import type { SaleDoc, StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import { renderCancelled, renderNewOrder } from './order-templates.ts';
import { renderReadyForPickup, renderReceipt, renderShipped, type MailLocale, type RenderedMail } from './templates.ts';

export const SMTP_NOT_CONFIGURED = 'SMTP not configured (set SMTP_URL)';

export interface MailConfig {
  /** null: mail jobs stay pending, marked "SMTP not configured". */
  smtpUrl: string | null;
  from: string;
}

export function loadMailConfig(env: Record<string, string | undefined>): { config: MailConfig; problems: string[] } {
  const problems: string[] = [];
  const raw = (env.SMTP_URL ?? '').trim();
  let smtpUrl: string | null = null;
  if (raw !== '') {
    try {
      const u = new URL(raw);
      if (!['smtp:', 'smtps:'].includes(u.protocol) || !u.hostname) throw new Error('scheme');
      smtpUrl = raw;
    } catch {
      problems.push('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
    }
  }
  const from = (env.MAIL_FROM ?? '').trim() || 'Comptoir <no-reply@comptoir.invalid>';
  if (!/@/.test(from)) problems.push(`MAIL_FROM must be an address like "Épicerie <caisse@example.fr>", got "${from}"`);
  return { config: { smtpUrl, from }, problems };
}

export interface OutgoingMail extends RenderedMail {
  to: string;
  messageId: string;
}

export class Mailer {
  private readonly transport: Transporter;

  constructor(
    readonly config: MailConfig & { smtpUrl: string },
    timeoutMs = 15_000,
  ) {
    // Timeouts shorter than the job lease, so that a hung SMTP server never outlives the claim.
    this.transport = nodemailer.createTransport(
      { url: config.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as Parameters<typeof nodemailer.createTransport>[0],
      { from: config.from },
    );
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    })) as { messageId?: string; response?: string };
    return `accepted by SMTP (${info.response ?? 'ok'}) as ${info.messageId ?? mail.messageId}`;
  }

  close(): void {
    this.transport.close();
  }
}

async function getOrNull<T>(db: StoreDb, id: string): Promise<T | null> {
  try {
    return (await db.get(id)) as unknown as T;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/** Renders and sends one mail job; the outcome is recorded by the runner. */
export async function sendMailJob(mailer: Mailer, job: MailJobDoc, storeId: string, db: StoreDb): Promise<AttemptOutcome> {
  const p = job.payload;
  const settings = await getOrNull<StoreSettingsDoc>(db, 'store:settings');
  const shop = { name: settings?.name ?? storeId, address: settings?.address ?? [], legal: settings?.legal ?? [] };
  const locale: MailLocale = p.locale ?? settings?.locale ?? 'fr-FR';
  let rendered: RenderedMail;
  if (p.template === 'receipt') {
    const sale = await getOrNull<SaleDoc>(db, p.sourceId);
    if (!sale || sale.type !== 'sale') return { ok: false, error: `sale ${p.sourceId} is not on the server yet`, permanent: false };
    rendered = renderReceipt(sale, shop, locale);
  } else {
    const order = await getOrNull<WebOrderDoc>(db, p.sourceId);
    if (!order || order.type !== 'web_order') return { ok: false, error: `web order ${p.sourceId} is not on the server`, permanent: false };
    const event = p.eventId ? await getOrNull<WebOrderEventDoc>(db, p.eventId) : null;
    if (p.template === 'shipped') rendered = renderShipped(order, event ?? {}, shop, locale);
    else if (p.template === 'cancellation') rendered = renderCancelled(order, event ?? {}, shop, locale);
    else if (p.template === 'new_order') rendered = renderNewOrder(order, shop, locale);
    else rendered = renderReadyForPickup(order, shop, locale);
  }
  const messageId = `<${job.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@comptoir.${storeId}>`;
  try {
    const result = await mailer.send({ ...rendered, to: p.to, messageId });
    return { ok: true, result };
  } catch (err) {
    const e = err as { responseCode?: number; message?: string; code?: string };
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.code !== 'EAUTH';
    return { ok: false, error: `SMTP: ${e.responseCode ? `${e.responseCode} ` : ''}${e.message ?? String(err)}`, permanent };
  }
}
