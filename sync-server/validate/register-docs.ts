/**
 * Who may write the register documents of issue 3 (src/domain/register-documents.ts):
 *
 *   shift: z: override: cash: void: invoicereq:   created by the register named in the id, never
 *                                                 modified or deleted (immutability: register-writes.ts)
 *   oversellfix: (issue 7: a task's resolution)   likewise
 *   parked:<registerId>:<ulid>                    created by that register; DELETED by any register
 *                                                 of the store (a resume); never modified
 *   staff: invoice:                               the server's alone (admin API, invoice numbering)
 *
 * Every document written is shape-checked by the domain's parseStoreDoc.
 */
import { parseStoreDoc } from '../../src/domain/validate.ts';

export type Check = { ok: true } | { ok: false; reason: string };
type Obj = Record<string, unknown>;

const ok: Check = { ok: true };
const fail = (reason: string): Check => ({ ok: false, reason });

/** id prefix → the document type it holds. */
const CREATE_ONLY: Readonly<Record<string, string>> = {
  shift: 'shift',
  z: 'z_report',
  override: 'override',
  cash: 'cash_event',
  void: 'void',
  invoicereq: 'invoice_request',
  // Issue 7: how staff resolved an oversell task (src/domain/reconcile/resolution-doc.ts).
  oversellfix: 'oversell_resolution',
};

export const CREATE_ONLY_PREFIXES = Object.keys(CREATE_ONLY);

export function isParkedId(id: string): boolean {
  return id.startsWith('parked:');
}

function shape(doc: Obj, type: string): Check {
  if (doc.type !== type) return fail(`type: must be "${type}" for this id, got ${JSON.stringify(doc.type)}`);
  const parsed = parseStoreDoc(doc);
  return parsed.ok ? ok : fail(parsed.error);
}

/**
 * The verdict for a register document, or null when `prefix` is not one of them. `parts` is the id
 * split on ":"; the shape check makes sure the id carries the document's own registerId.
 */
export function checkRegisterDoc(doc: Obj, ctx: { storeId: string; registerId: string }, parts: string[]): Check | null {
  const prefix = parts[0] ?? '';
  const deleted = doc._deleted === true;
  if (prefix === 'staff' || prefix === 'invoice') {
    return fail(`${prefix}: documents are written by the server only (${prefix === 'staff' ? 'the admin API' : 'invoice numbering'})`);
  }
  if (prefix === 'parked') {
    if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return fail('a parked sale id is parked:<registerId>:<ulid>');
    // Resuming deletes it, from whichever register of the store resumes: the tombstone carries no body.
    if (deleted) return ok;
    if (parts[1] !== ctx.registerId) return fail(`register ${ctx.registerId} may only park its own sales (parked:${ctx.registerId}:<ulid>)`);
    if (doc.registerId !== ctx.registerId) return fail(`registerId: must be "${ctx.registerId}"`);
    return shape(doc, 'parked_sale');
  }
  const type = CREATE_ONLY[prefix];
  if (type === undefined) return null;
  if (parts.length !== 3 || parts[1] !== ctx.registerId) {
    return fail(`register ${ctx.registerId} may only write its own ${prefix}: documents (${prefix}:${ctx.registerId}:…)`);
  }
  if (deleted) return fail(`${prefix}: documents are immutable and can never be deleted`);
  if (doc.registerId !== ctx.registerId) return fail(`registerId: must be "${ctx.registerId}"`);
  if ((type === 'shift' || type === 'z_report') && doc.storeId !== ctx.storeId) return fail(`storeId: must be "${ctx.storeId}"`);
  return shape(doc, type);
}
