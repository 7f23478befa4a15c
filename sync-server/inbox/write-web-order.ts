/**
 * Writes web orders into a store's database exactly once, whoever calls (webhook inbox, import job,
 * safety-net poll): deterministic id; an older platform version never overwrites a newer one; an
 * unchanged order writes no new revision; a conflict (another process wrote meanwhile) is retried
 * from a fresh read. Customers are matched by e-mail, or created with a deterministic id.
 */
import type { CustomerDoc, ProductDoc, WebOrderDoc, WebOrderRefund } from '../../src/domain/documents.ts';
import { isoToEpochMs } from '../../src/domain/iso-date.ts';
import { money } from '../../src/domain/money.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import type { StoreBackend, StoreDb } from '../db/backend.ts';
import type { ExternalOrder, ExternalRefund, PlatformLink } from '../platforms/adapter.ts';
import { buildWebOrder, newCustomerDoc, normaliseEmail, sameContent, webOrderId } from './build-web-order.ts';
import { KeyedLock } from './keyed-lock.ts';
import { getOrNull } from './private-db.ts';

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'missing';

const MAX_CONFLICT_RETRIES = 5;

export class WebOrderWriter {
  private readonly lock = new KeyedLock();
  /** e-mail → customer id, per store; refreshed from the database on a miss. */
  private readonly emails = new Map<string, Map<string, string>>();

  constructor(private readonly backend: StoreBackend) {}

  private db(storeId: string): StoreDb {
    return this.backend.db(storeId);
  }

  /** Upserts one platform order. */
  applyOrder(storeId: string, link: PlatformLink, ext: ExternalOrder): Promise<{ outcome: WriteOutcome; id: string }> {
    return this.lock.run(storeId, async () => {
      const db = this.db(storeId);
      const id = webOrderId(link.platform, link.shop, ext.platformOrderId);
      for (let attempt = 0; ; attempt++) {
        const existing = await getOrNull<WebOrderDoc>(db, id);
        if (existing && isoToEpochMs(existing.updatedAt) > isoToEpochMs(ext.updatedAt)) return { outcome: 'stale', id };
        const products = await this.products(db, ext);
        const customerId = await this.customer(storeId, db, ext);
        const doc = buildWebOrder(ext, { platform: link.platform, shop: link.shop, products, ...(customerId ? { customerId } : {}) }, existing?.refunds ?? [], existing?.paymentChecks);
        const outcome = await this.put(db, doc, existing, attempt);
        if (outcome !== 'conflict') return { outcome, id };
      }
    });
  }

  /** Records a refund delivered on its own; retried later (throws) when the order is not here yet. */
  applyRefund(storeId: string, link: PlatformLink, platformOrderId: string, refund: ExternalRefund): Promise<{ outcome: WriteOutcome; id: string }> {
    return this.lock.run(storeId, async () => {
      const db = this.db(storeId);
      const id = webOrderId(link.platform, link.shop, platformOrderId);
      for (let attempt = 0; ; attempt++) {
        const existing = await getOrNull<WebOrderDoc>(db, id);
        if (!existing) throw new Error(`refund ${refund.id} for order ${platformOrderId}, which is not imported yet`);
        const refunds = new Map<string, WebOrderRefund>((existing.refunds ?? []).map((r) => [r.id, r]));
        refunds.set(refund.id, { id: refund.id, at: refund.at, amount: money(refund.amount), ...(refund.reason ? { reason: refund.reason } : {}) });
        const doc: WebOrderDoc = { ...existing, refunds: [...refunds.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) };
        const outcome = await this.put(db, doc, existing, attempt);
        if (outcome !== 'conflict') return { outcome, id };
      }
    });
  }

  /** The order was deleted on the platform: it is kept, cancelled (its reservation released). */
  markDeleted(storeId: string, link: PlatformLink, platformOrderId: string, at: string): Promise<{ outcome: WriteOutcome; id: string }> {
    return this.lock.run(storeId, async () => {
      const db = this.db(storeId);
      const id = webOrderId(link.platform, link.shop, platformOrderId);
      for (let attempt = 0; ; attempt++) {
        const existing = await getOrNull<WebOrderDoc>(db, id);
        if (!existing) return { outcome: 'missing', id };
        const doc: WebOrderDoc = { ...existing, status: 'cancelled', platformStatus: 'deleted', cancelledAt: existing.cancelledAt ?? at };
        const outcome = await this.put(db, doc, existing, attempt);
        if (outcome !== 'conflict') return { outcome, id };
      }
    });
  }

  private async put(db: StoreDb, doc: WebOrderDoc, existing: (WebOrderDoc & { _rev: string }) | null, attempt: number): Promise<WriteOutcome | 'conflict'> {
    if (existing && sameContent(existing, doc)) return 'unchanged';
    const parsed = parseStoreDoc(doc);
    if (!parsed.ok) throw new Error(`web order ${doc._id} is invalid: ${parsed.error}`);
    const toWrite = existing ? { ...doc, _rev: existing._rev } : (({ _rev: _r, ...rest }) => rest)(doc);
    try {
      await db.put(toWrite as PouchDB.Core.PutDocument<object>);
      return existing ? 'updated' : 'created';
    } catch (err) {
      if ((err as { status?: number }).status === 409 && attempt < MAX_CONFLICT_RETRIES) return 'conflict';
      throw err;
    }
  }

  private async products(db: StoreDb, ext: ExternalOrder): Promise<Map<string, ProductDoc>> {
    const skus = [...new Set(ext.lines.map((l) => l.platformSku).filter((s): s is string => s !== null))];
    const found = new Map<string, ProductDoc>();
    if (skus.length === 0) return found;
    const res = await db.allDocs({ keys: skus.map((s) => `product:${s}`), include_docs: true });
    for (const row of res.rows) {
      const doc = (row as { doc?: ProductDoc | null }).doc;
      if (doc && doc.type === 'product') found.set(doc.sku, doc);
    }
    return found;
  }

  private async loadEmails(storeId: string, db: StoreDb): Promise<Map<string, string>> {
    const index = new Map<string, string>();
    const res = await db.allDocs({ startkey: 'customer:', endkey: 'customer:\uffff', include_docs: true });
    for (const row of res.rows) {
      const c = row.doc as CustomerDoc | undefined;
      const email = normaliseEmail(c?.email);
      // The oldest profile (smallest id) wins when two share an e-mail.
      if (c && email && !index.has(email)) index.set(email, c._id);
    }
    this.emails.set(storeId, index);
    return index;
  }

  /** The matching profile's id; a new profile from the order when nobody has this e-mail. Never renames. */
  private async customer(storeId: string, db: StoreDb, ext: ExternalOrder): Promise<string | undefined> {
    const email = normaliseEmail(ext.customer.email);
    if (!email) return undefined;
    const cached = this.emails.get(storeId)?.get(email);
    if (cached) return cached;
    const fresh = (await this.loadEmails(storeId, db)).get(email);
    if (fresh) return fresh;
    const doc = newCustomerDoc(ext, email);
    const parsed = parseStoreDoc(doc);
    if (!parsed.ok) return undefined;
    try {
      await db.put(doc as PouchDB.Core.PutDocument<object>);
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
    }
    this.emails.get(storeId)?.set(email, doc._id);
    return doc._id;
  }
}
