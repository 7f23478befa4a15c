/**
 * Product pushes (part of producers.ts): a new revision of a product:<sku> whose price or name
 * differs from the revision before it becomes the one job per platform and SKU
 * outbound:<platform>:price:<sku>. The kind and id date from when only prices were pushed; they are
 * kept so that a price job queued before names were pushed is coalesced with a newer change instead
 * of racing it (and possibly landing an old price after a new one). The payload carries the price and
 * the name and says which of them changed: only those are set on the platform, so a price change
 * does not overwrite a title the web store worded its own way. Coalesced like stock levels; the
 * idempotency key names the SKU, the price, the name (hashed) and the revision. A product's first
 * revision pushes nothing (it was created here or imported from the platform); after a restart the
 * previous revision is read back to tell a price or name change from another edit.
 */
import { createHash } from 'node:crypto';
import type { ProductDoc } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import type { PushLink } from './http.ts';
import { idPart, PRODUCT_PUSH_FIELDS, type PricePayload, type ProductPushField } from './jobs.ts';
import { coalescedBase, isNotFound, type JobStore } from './queue.ts';

/** "3-abc…" → 3 (0 when absent). */
export function revGeneration(rev: string | undefined): number {
  const n = parseInt(String(rev ?? '').split('-')[0] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

/** What a product push may set that differs between two revisions (a value the earlier one lacks is unknown: not pushed). */
export function pushedFieldsChanged(before: Partial<Pick<ProductDoc, 'price' | 'name'>>, after: Pick<ProductDoc, 'price' | 'name'>): ProductPushField[] {
  const out: ProductPushField[] = [];
  if (typeof before.price === 'number' && before.price !== after.price) out.push('price');
  if (typeof before.name === 'string' && before.name !== after.name) out.push('name');
  return out;
}

/** A short, stable tag of a name for idempotency keys (names are long and free text). */
export function nameTag(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 10);
}

interface Change {
  /** The latest revision seen: its values are pushed. */
  product: ProductDoc;
  changed: Set<ProductPushField>;
}

export class PriceWatch {
  /** sku → price and name of the latest product revision seen (to tell those changes from another edit). */
  private readonly seen = new Map<string, Pick<ProductDoc, 'price' | 'name'>>();
  /** sku → what changed and the latest revision: to push. */
  private changes = new Map<string, Change>();
  /** sku → product revision seen first (nothing earlier in memory) after its creation: compare with the previous revision. */
  private checks = new Map<string, ProductDoc>();

  constructor(private readonly db: StoreDb) {}

  get pending(): number {
    return this.changes.size + this.checks.size;
  }

  take(doc: { _id: string; _rev?: string; type?: unknown }, deleted: boolean, produce: boolean): void {
    if (!doc._id.startsWith('product:')) return;
    const sku = doc._id.slice('product:'.length);
    const product = doc as unknown as ProductDoc;
    if (deleted || doc.type !== 'product' || typeof product.price !== 'number' || typeof product.name !== 'string') {
      this.seen.delete(sku);
      this.changes.delete(sku);
      this.checks.delete(sku);
      return;
    }
    const before = this.seen.get(sku);
    this.seen.set(sku, { price: product.price, name: product.name });
    if (!produce) return;
    if (before !== undefined) {
      // A pending check stays: the revision it holds may have changed something too.
      const diff = pushedFieldsChanged(before, product);
      if (diff.length > 0 || this.changes.has(sku)) this.note(sku, product, diff, true);
    } else if (revGeneration(doc._rev) > 1) {
      this.checks.set(sku, product);
    }
  }

  /** Writes the product jobs for what was seen; on a failure everything is kept for the next flush. */
  async flush(jobs: JobStore, links: PushLink[], maxAttempts: number): Promise<number> {
    const checks = this.checks;
    const changes = this.changes;
    this.checks = new Map();
    this.changes = new Map();
    try {
      for (const [sku, product] of checks) {
        const fields = await this.changedSincePrevious(product);
        if (fields.length === 0) continue;
        const later = changes.get(sku);
        changes.set(sku, { product: later?.product ?? product, changed: new Set([...(later?.changed ?? []), ...fields]) });
      }
      let n = 0;
      for (const change of changes.values()) n += await this.jobsFor(jobs, change, links, maxAttempts);
      return n;
    } catch (err) {
      for (const [k, v] of checks) if (!this.checks.has(k)) this.checks.set(k, v);
      for (const [k, v] of changes) this.note(k, v.product, v.changed, false);
      throw err;
    }
  }

  /** Adds `fields` to the SKU's change; `latest` says whether `product` is newer than the one noted. */
  private note(sku: string, product: ProductDoc, fields: Iterable<ProductPushField>, latest: boolean): void {
    const cur = this.changes.get(sku);
    this.changes.set(sku, { product: cur && !latest ? cur.product : product, changed: new Set([...(cur?.changed ?? []), ...fields]) });
  }

  /** What the revision before `product`'s carried differently (nothing when it cannot be read). */
  private async changedSincePrevious(product: ProductDoc): Promise<ProductPushField[]> {
    try {
      const cur = (await this.db.get(product._id, { rev: product._rev!, revs: true })) as unknown as { _revisions?: { start: number; ids: string[] } };
      const r = cur._revisions;
      if (!r || r.ids.length < 2) return [];
      const previous = (await this.db.get(product._id, { rev: `${r.start - 1}-${r.ids[1]!}` })) as unknown as Partial<ProductDoc>;
      return pushedFieldsChanged(previous, product);
    } catch (err) {
      if (isNotFound(err)) return []; // compacted away: unknown, nothing pushed
      throw err;
    }
  }

  private async jobsFor(jobs: JobStore, change: Change, links: PushLink[], maxAttempts: number): Promise<number> {
    const { product } = change;
    if (change.changed.size === 0) return 0;
    let n = 0;
    const rev = product._rev ?? '';
    const payload: PricePayload = {
      sku: product.sku, price: product.price, currency: product.currency, name: product.name,
      changed: PRODUCT_PUSH_FIELDS.filter((f) => change.changed.has(f)), rev,
    };
    for (const link of links) {
      const base = coalescedBase(link, 'price', product.sku, maxAttempts);
      const key = `${link.platform}:price:${idPart(product.sku)}:${product.price}:${nameTag(product.name)}:${idPart(rev)}`;
      const r = await jobs.upsertPrice(base, payload, () => key);
      if (r !== 'unchanged') n++;
    }
    return n;
  }
}
