/**
 * Email a receipt: a mailreq:<registerId>:<ulid> document that the server turns into one e-mail once
 * it has replicated (queued while offline, like everything else). The address is checked here so the
 * cashier hears about a typo at once rather than from the outbox.
 */
import type { MailRequestDoc } from '../domain/documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { registerDocId } from './register-ids.ts';

export type EmailReceiptRefusal = { kind: 'not_paired' } | { kind: 'invalid_email' } | { kind: 'not_saved'; message: string };

export const EMAIL_PATTERN = /^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/;

export async function emailReceipt(
  input: { saleId: string; to: string; locale?: 'fr-FR' | 'en' },
  deps?: Partial<CommandDeps>,
): Promise<Result<MailRequestDoc, EmailReceiptRefusal>> {
  const d = withDefaults(deps);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const to = input.to.trim();
  if (!EMAIL_PATTERN.test(to) || to.length > 254) return err({ kind: 'invalid_email' });
  const doc: MailRequestDoc = {
    _id: registerDocId('mailreq', pairing.registerId),
    type: 'mail_request',
    saleId: input.saleId,
    to,
    at: d.now().toISOString(),
  };
  if (input.locale) doc.locale = input.locale;
  try {
    const { rev } = await d.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (e) {
    return err({ kind: 'not_saved', message: e instanceof Error ? e.message : String(e) });
  }
}
