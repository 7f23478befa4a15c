/**
 * Asks the server for an invoice (facture) of a sale or a web order: one immutable
 * invoicereq:<registerId>:<ulid> document, durable on the device at once and replicated when the
 * network allows. The server numbers the invoice (per store, without gaps) and the invoice document
 * replicates back; until then the invoice screen shows it as pending.
 */
import { buildInvoiceRequest, type InvoiceCustomerDraft, type InvoiceRequestProblem } from '../domain/invoice.ts';
import type { InvoiceRequestDoc } from '../domain/register-documents.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { createUlid } from '../domain/ids.ts';
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

export type RequestInvoiceRefusal =
  | { kind: 'invalid'; problems: InvoiceRequestProblem[] }
  | { kind: 'not_paired' }
  | { kind: 'not_saved'; message: string };

export async function requestInvoice(
  input: { source: string; customer: InvoiceCustomerDraft },
  deps?: Partial<CommandDeps>,
): Promise<Result<InvoiceRequestDoc, RequestInvoiceRefusal>> {
  const d = withDefaults(deps);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  const built = buildInvoiceRequest({
    registerId: pairing.registerId,
    ulid: nextUlid(),
    source: input.source,
    customer: input.customer,
    at: d.now().toISOString(),
  });
  if (!built.ok) return err({ kind: 'invalid', problems: built.error });
  try {
    const { rev } = await d.port().commit(built.value);
    return ok({ ...built.value, _rev: rev });
  } catch (e) {
    return err({ kind: 'not_saved', message: e instanceof Error ? e.message : String(e) });
  }
}
