/**
 * What a register may write into its store's database, checked in our own layer in front of
 * `_bulk_docs` and `PUT` (the embedded engine has no validate_doc_update).
 *
 * Allowed ids: `sale:<its registerId>:<8 digits>`, `stock:<its registerId>:<id>`, `customer:<id>`
 * `woevent:<its registerId>:<ulid>`, `mailreq:<its registerId>:<ulid>` (issue 4, immutable; never
 * `woevent:server:…`, the server's own events),
 * the issue-3 register documents (shift:, z:, override:, cash:, void:, invoicereq:, parked: — see register-docs.ts)
 * (and `_local/*` replication checkpoints, which never replicate). Everything else (products,
 * web orders, settings, design documents, other registers' documents) is the server's.
 *
 * Shapes are checked by the domain's parseStoreDoc() (src/domain/validate.ts); this layer adds who
 * may write what (ids, storeId/registerId of sales) and refuses attachments and special fields.
 */
export type Check = { ok: true } | { ok: false; reason: string };

export interface WriterContext {
  storeId: string;
  registerId: string;
}

/** Documents that are immutable once stored: a new revision of an existing one is refused. */
export function isImmutableId(id: string): boolean {
  return id.startsWith('sale:') || id.startsWith('stock:') || id.startsWith('woevent:') || id.startsWith('mailreq:')
    || CREATE_ONLY_PREFIXES.some((p) => id.startsWith(`${p}:`)); // issue 3: shift: z: override: cash: void: invoicereq:
}

import { parseStoreDoc } from '../../src/domain/validate.ts';
import { checkRegisterDoc, CREATE_ONLY_PREFIXES } from './register-docs.ts';

const ok: Check = { ok: true };
const fail = (reason: string): Check => ({ ok: false, reason });

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const ID_PART = /^[A-Za-z0-9_.-]{1,64}$/;

/** Fields starting with "_" a register may send (replication metadata). */
const ALLOWED_UNDERSCORE = new Set(['_id', '_rev', '_revisions', '_deleted']);

/** The domain's shape check (src/domain/validate.ts), restricted to one document type. */
function shape(doc: Obj, type: string): Check {
  if (doc.type !== type) return fail(`type: must be "${type}" for this id, got ${JSON.stringify(doc.type)}`);
  const parsed = parseStoreDoc(doc);
  return parsed.ok ? ok : fail(parsed.error);
}

/**
 * Whether a register may write this document (id ownership + shape). `id` is the id the write
 * targets (from the URL for a PUT, from the body for _bulk_docs).
 */
export function checkRegisterWrite(doc: unknown, ctx: WriterContext): Check {
  if (!isObj(doc)) return fail('a document must be a JSON object');
  const id = doc._id;
  if (typeof id !== 'string' || id === '') return fail('the document has no _id');
  for (const key of Object.keys(doc)) {
    if (key.startsWith('_') && !ALLOWED_UNDERSCORE.has(key)) {
      if (key === '_attachments') return fail('registers may not write attachments');
      return fail(`registers may not write the special field ${key}`);
    }
  }
  if (id.startsWith('_design/')) return fail('only administrators may write design documents');
  if (id.startsWith('_local/')) return ok;
  if (id.startsWith('_')) return fail(`a document id may not start with "_" (${id})`);

  const parts = id.split(':');
  const prefix = parts[0];
  const deleted = doc._deleted === true;

  if (prefix === 'sale') {
    if (parts.length !== 3 || parts[1] !== ctx.registerId) {
      return fail(`register ${ctx.registerId} may only write its own sales (sale:${ctx.registerId}:<receipt number>)`);
    }
    if (!/^\d{8}$/.test(parts[2]!)) return fail('a sale id ends with the 8-digit receipt number');
    if (deleted) return fail('sales are immutable and can never be deleted');
    if (doc.storeId !== ctx.storeId) return fail(`storeId: must be "${ctx.storeId}"`);
    if (doc.registerId !== ctx.registerId) return fail(`registerId: must be "${ctx.registerId}"`);
    return shape(doc, 'sale');
  }
  if (prefix === 'stock') {
    if (parts.length !== 3 || parts[1] !== ctx.registerId || !ID_PART.test(parts[2]!)) {
      return fail(`register ${ctx.registerId} may only write its own stock movements (stock:${ctx.registerId}:<id>)`);
    }
    if (deleted) return fail('stock movements are immutable and can never be deleted');
    return shape(doc, 'stock_movement');
  }
  if (prefix === 'customer') {
    if (parts.length !== 2 || !ID_PART.test(parts[1]!)) return fail('a customer id is customer:<id>');
    if (deleted) return ok;
    return shape(doc, 'customer');
  }
  if (prefix === 'woevent' || prefix === 'mailreq') {
    // Issue 4: a register's action on a web order / its request to mail a receipt (immutable).
    // woevent:server:… is the server's own (the automatic cancellation): never a register's.
    if (parts[1] === 'server') return fail(`${prefix}:server:… documents are written by the server only`);
    if (parts.length !== 3 || parts[1] !== ctx.registerId || !ID_PART.test(parts[2]!)) {
      return fail(`register ${ctx.registerId} may only write its own ${prefix}:${ctx.registerId}:<ulid> documents`);
    }
    if (deleted) return fail(`${prefix}: documents are immutable and can never be deleted`);
    return shape(doc, prefix === 'woevent' ? 'web_order_event' : 'mail_request');
  }
  // Issue 3: shifts, Z reports, overrides, cash events, voids, parked sales, invoice requests (register-docs.ts).
  const registerDoc = checkRegisterDoc(doc, ctx, parts);
  if (registerDoc !== null) return registerDoc;
  return fail(`registers may not write "${prefix}:" documents (only sale:, stock:, customer:, woevent:, mailreq:, shift:, z:, override:, cash:, void:, parked:, invoicereq: and oversellfix:)`);
}
