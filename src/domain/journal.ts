/**
 * The per-register journal: every sale, refund and Z report carries a link of a SHA-256 hash chain
 * (documents.ts JournalLink). A link's hash covers the previous entry's hash and the canonical JSON of
 * the whole document except its CouchDB metadata (_rev and the other "_" fields but _id) and the
 * link's own hash, so any edit to a stored entry, a removed entry (a gap in seq) or a re-ordered chain
 * shows when the chain is verified, on the register or on the server (docs/adr/0008).
 *
 * What it does not do: there is no secret key, so whoever can rewrite every entry after the one they
 * alter can also recompute the chain; the copies held by the server and the other devices, and the
 * Z reports' grand totals printed at closing, are what make such a rewrite visible.
 */
import type { JournalLink, SaleDoc } from './documents.ts';
import { money } from './money.ts';
import type { Money } from './money.ts';
import type { ZReportDoc } from './register-documents.ts';

export type JournalEntry = SaleDoc | ZReportDoc;

export type JournalProblem = 'altered' | 'missing' | 'out_of_order' | 'grand_total';

export type JournalVerdict =
  | { ok: true; entries: number; grandTotal: Money }
  | { ok: false; entryId: string; seq: number; problem: JournalProblem; message: string };

/** JSON with object keys sorted at every depth (undefined members dropped, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const members = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
  return `{${members.join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What an entry adds to the register's perpetual grand total: a sale's gross (negative for a refund), 0 for a Z. */
export function journalAmount(doc: JournalEntry): Money {
  return doc.type === 'sale' ? money(doc.totals.gross) : money(0);
}

/** The document as hashed: without CouchDB metadata (but its _id) and without journal.hash. */
function hashedForm(doc: JournalEntry, link: Omit<JournalLink, 'hash'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k.startsWith('_') && k !== '_id') continue;
    out[k] = v;
  }
  out['journal'] = { seq: link.seq, prev: link.prev, grandTotal: link.grandTotal };
  return out;
}

async function linkHash(doc: JournalEntry, link: Omit<JournalLink, 'hash'>): Promise<string> {
  return sha256Hex(link.prev + canonicalJson(hashedForm(doc, link)));
}

/** The link a new entry gets after `prev` (null for the register's first entry). */
export async function nextJournalLink(prev: JournalLink | null, doc: JournalEntry): Promise<JournalLink> {
  const partial = {
    seq: prev === null ? 1 : prev.seq + 1,
    prev: prev === null ? '' : prev.hash,
    grandTotal: money((prev === null ? 0 : prev.grandTotal) + journalAmount(doc)),
  };
  return { ...partial, hash: await linkHash(doc, partial) };
}

function isLink(j: unknown): j is JournalLink {
  if (typeof j !== 'object' || j === null) return false;
  const l = j as Record<string, unknown>;
  return typeof l['seq'] === 'number' && typeof l['prev'] === 'string' && typeof l['hash'] === 'string' && typeof l['grandTotal'] === 'number';
}

function describeEntry(doc: JournalEntry): string {
  if (doc.type === 'z_report') return `Z ${doc.zNumber} (${doc._id})`;
  return `receipt ${doc.receiptLabel} (${doc._id})`;
}

function orderKey(doc: JournalEntry): number {
  return doc.type === 'sale' ? doc.receiptNumber : doc.zNumber;
}

function broken(doc: JournalEntry, seq: number, problem: JournalProblem, message: string): JournalVerdict {
  return { ok: false, entryId: String(doc._id), seq, problem, message };
}

/**
 * Verifies one register's chain (entries in any order). Sales without a link that predate the first
 * linked sale (written before the journal existed) are skipped; a later one lost its link: altered.
 * An entry whose own hash does not match is reported first (it is the one edited); then the chain is
 * walked in seq order for gaps (missing), broken or crossed links (out_of_order) and grand totals.
 * Removing the very last entry leaves no trace in the chain itself: that needs the copies held elsewhere.
 */
export async function verifyJournal(entries: readonly JournalEntry[]): Promise<JournalVerdict> {
  const linked = entries.filter((e) => e.journal !== undefined);
  const firstLinkedReceipt = Math.min(...linked.filter((e): e is SaleDoc => e.type === 'sale').map((e) => e.receiptNumber));
  const unlinked = entries.filter((e): e is SaleDoc => e.journal === undefined && e.type === 'sale' && e.receiptNumber > firstLinkedReceipt);
  const seqOf = (e: JournalEntry): number => (isLink(e.journal) ? e.journal.seq : Number.NEGATIVE_INFINITY);
  const chain = [...linked].sort((a, b) => seqOf(a) - seqOf(b) || String(a._id).localeCompare(String(b._id)));

  for (const doc of chain) {
    const j: unknown = doc.journal;
    if (!isLink(j)) return broken(doc, NaN, 'altered', `${describeEntry(doc)}: its journal link is malformed`);
    if ((await linkHash(doc, j)) !== j.hash) return broken(doc, j.seq, 'altered', `${describeEntry(doc)} (entry ${j.seq}) was altered after it was written`);
  }
  const lost = unlinked.sort((a, b) => a.receiptNumber - b.receiptNumber)[0];
  if (lost !== undefined) return broken(lost, NaN, 'altered', `${describeEntry(lost)} lost its journal link`);

  let previous: JournalEntry | null = null;
  let total = 0;
  const lastOfType = new Map<JournalEntry['type'], JournalEntry>();
  for (const doc of chain) {
    const j = doc.journal as JournalLink;
    const expectedSeq = previous === null ? 1 : (previous.journal as JournalLink).seq + 1;
    if (j.seq > expectedSeq) {
      const gap = j.seq - 1 === expectedSeq ? `entry ${expectedSeq} is` : `entries ${expectedSeq} to ${j.seq - 1} are`;
      return broken(doc, j.seq, 'missing', `${gap} missing before ${describeEntry(doc)}`);
    }
    if (j.seq < expectedSeq) return broken(doc, j.seq, 'out_of_order', `${describeEntry(doc)} repeats entry ${j.seq}`);
    const prevHash = previous === null ? '' : (previous.journal as JournalLink).hash;
    if (j.prev !== prevHash) {
      return broken(doc, j.seq, 'out_of_order', `${describeEntry(doc)} (entry ${j.seq}) does not follow the entry before it in the chain`);
    }
    const last = lastOfType.get(doc.type);
    if (last !== undefined && orderKey(last) >= orderKey(doc)) {
      return broken(doc, j.seq, 'out_of_order', `${describeEntry(doc)} (entry ${j.seq}) comes after ${describeEntry(last)} in the chain`);
    }
    total += journalAmount(doc);
    if (j.grandTotal !== total) {
      return broken(doc, j.seq, 'grand_total', `${describeEntry(doc)} (entry ${j.seq}) carries grand total ${j.grandTotal}, the entries add up to ${total}`);
    }
    previous = doc;
    lastOfType.set(doc.type, doc);
  }
  return { ok: true, entries: chain.length, grandTotal: money(total) };
}
