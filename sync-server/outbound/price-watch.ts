/**
 * Price pushes (part of producers.ts): a new revision of a product:<sku> whose price differs from
 * the revision before it becomes the one job per platform and SKU outbound:<platform>:price:<sku>
 * (coalesced like stock levels; idempotency key from SKU, price and revision). A product's first
 * revision pushes nothing (it was created here or imported from the platform); after a restart the
 * previous revision is read back to tell a price change from another edit.
 */
import type { ProductDoc } from '../../src/domain/documents.ts';
import type { StoreDb } from '../db/backend.ts';
import type { PushLink } from './http.ts';
import { idPart, platformJobId } from './jobs.ts';
import { isNotFound, type CoalescedBase, type JobStore } from './queue.ts';

/** "3-abc…" → 3 (0 when absent). */
export function revGeneration(rev: string | undefined): number {
  const n = parseInt(String(rev ?? '').split('-')[0] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

export class PriceWatch {
  /** sku → the price of the latest product revision seen (to tell a price change from another edit). */
  private readonly prices = new Map<string, number>();
  /** sku → product revision whose price changed: to push. */
  private changes = new Map<string, ProductDoc>();
  /** sku → product revision seen first (no earlier price in memory) after its creation: compare with the previous revision. */
  private checks = new Map<string, ProductDoc>();

  constructor(private readonly db: StoreDb) {}

  get pending(): number {
    return this.changes.size + this.checks.size;
  }

  take(doc: { _id: string; _rev?: string; type?: unknown }, deleted: boolean, produce: boolean): void {
    if (!doc._id.startsWith('product:')) return;
    const sku = doc._id.slice('product:'.length);
    const product = doc as unknown as ProductDoc;
    if (deleted || doc.type !== 'product' || typeof product.price !== 'number') {
      this.prices.delete(sku);
      this.changes.delete(sku);
      this.checks.delete(sku);
      return;
    }
    const before = this.prices.get(sku);
    this.prices.set(sku, product.price);
    if (!produce) return;
    if (before !== undefined) {
      if (before !== product.price || this.changes.has(sku)) this.changes.set(sku, product);
      this.checks.delete(sku);
    } else if (revGeneration(doc._rev) > 1) {
      this.checks.set(sku, product);
    }
  }

  /** Writes the price jobs for what was seen; on a failure everything is kept for the next flush. */
  async flush(jobs: JobStore, links: PushLink[], maxAttempts: number): Promise<number> {
    const checks = this.checks;
    const changes = this.changes;
    this.checks = new Map();
    this.changes = new Map();
    try {
      for (const [sku, product] of checks) {
        if (!changes.has(sku) && (await this.changedSincePrevious(product))) changes.set(sku, product);
      }
      let n = 0;
      for (const product of changes.values()) n += await this.jobsFor(jobs, product, links, maxAttempts);
      return n;
    } catch (err) {
      for (const [k, v] of checks) if (!this.checks.has(k) && !this.changes.has(k)) this.checks.set(k, v);
      for (const [k, v] of changes) if (!this.changes.has(k)) this.changes.set(k, v);
      throw err;
    }
  }

  /** Whether the revision before `product`'s carried another price (false when it cannot be read). */
  private async changedSincePrevious(product: ProductDoc): Promise<boolean> {
    try {
      const cur = (await this.db.get(product._id, { rev: product._rev!, revs: true })) as unknown as { _revisions?: { start: number; ids: string[] } };
      const r = cur._revisions;
      if (!r || r.ids.length < 2) return false;
      const previous = (await this.db.get(product._id, { rev: `${r.start - 1}-${r.ids[1]!}` })) as unknown as Partial<ProductDoc>;
      return typeof previous.price === 'number' && previous.price !== product.price;
    } catch (err) {
      if (isNotFound(err)) return false; // compacted away: unknown, nothing pushed
      throw err;
    }
  }

  private async jobsFor(jobs: JobStore, product: ProductDoc, links: PushLink[], maxAttempts: number): Promise<number> {
    let n = 0;
    const rev = product._rev ?? '';
    for (const link of links) {
      const base: CoalescedBase = {
        _id: platformJobId(link.platform, 'price', idPart(product.sku)),
        type: 'outbound_job',
        channel: 'platform',
        platform: link.platform,
        shop: link.shop,
        kind: 'price',
        maxAttempts,
      };
      const payload = { sku: product.sku, price: product.price, currency: product.currency, rev };
      const r = await jobs.upsertPrice(base, payload, () => `${link.platform}:price:${idPart(product.sku)}:${product.price}:${idPart(rev)}`);
      if (r !== 'unchanged') n++;
    }
    return n;
  }
}
