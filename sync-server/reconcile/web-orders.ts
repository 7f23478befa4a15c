/**
 * Web orders vs the platforms (issue 7), on the server: for a date range and each linked platform,
 * lists the platform's orders through the adapter (the import's own listing), folds the store's web
 * order documents with their events, and compares them (src/domain/web-order-compare.ts). The repair
 * re-imports through the exactly-once writer (the import's code path) and requeues the dead or failed
 * push jobs of an order's events (the outbound queue's staff retry), then reports what it did.
 * Running it again once everything agrees does nothing.
 */
import type { Platform, StoreSettingsDoc, WebOrderDoc, WebOrderEventDoc } from '../../src/domain/documents.ts';
import {
  compareWebOrders, type LocalOrderSummary, type PlatformOrderSummary, type WebOrderDifference,
} from '../../src/domain/web-order-compare.ts';
import { FALLBACK_LOCATION, orderState } from '../../src/domain/web-order-state.ts';
import type { StoreDb } from '../db/backend.ts';
import type { WebOrderWriter } from '../inbox/write-web-order.ts';
import { getOrNull } from '../inbox/private-db.ts';
import type { ExternalOrder, PlatformLink } from '../platforms/adapter.ts';
import { adapterFor } from '../platforms/registry.ts';
import { OUTBOUND_PREFIX } from '../outbound/jobs.ts';
import { JobStore } from '../outbound/queue.ts';

export interface WebOrderReconcileDeps {
  db: StoreDb;
  /** The store's links that can be listed (ImportJobs.listable). */
  links: PlatformLink[];
  writer: WebOrderWriter;
  storeId: string;
}

export interface WebOrderDifferences {
  from: string;
  to: string;
  platforms: Platform[];
  /** Orders listed on the platforms in the range. */
  checked: number;
  differences: WebOrderDifference[];
  /** Platforms whose listing failed (their orders are not compared). */
  errors: Array<{ platform: Platform; reason: string }>;
}

export interface RepairAction {
  kind: WebOrderDifference['kind'];
  platform: Platform;
  platformOrderId: string;
  action: 're-imported' | 're-pushed' | 'unchanged' | 'push_pending' | 'no_push_job' | 'skipped' | 'failed';
  detail?: string;
  /** re-pushed: the outbound jobs requeued. */
  jobs?: string[];
}

export interface RepairReport extends WebOrderDifferences {
  actions: RepairAction[];
}

interface Scan {
  result: WebOrderDifferences;
  byKey: Map<string, { link: PlatformLink; order: ExternalOrder }>;
  events: Map<string, WebOrderEventDoc[]>;
}

const keyOf = (platform: string, id: string) => `${platform}\u0000${id}`;

async function prefixed<T>(db: StoreDb, prefix: string): Promise<T[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true });
  return res.rows.flatMap((r) => ('doc' in r && r.doc ? [r.doc as unknown as T] : []));
}

async function scan(deps: WebOrderReconcileDeps, from: string, to: string): Promise<Scan> {
  const platform: PlatformOrderSummary[] = [];
  const byKey = new Map<string, { link: PlatformLink; order: ExternalOrder }>();
  const errors: WebOrderDifferences['errors'] = [];
  const listedPlatforms = new Set<Platform>();
  for (const link of deps.links) {
    try {
      const found: ExternalOrder[] = [];
      for await (const page of adapterFor(link.platform).client(link).listOrders({ createdFrom: from, createdTo: to })) found.push(...page.items);
      for (const o of found) {
        byKey.set(keyOf(link.platform, o.platformOrderId), { link, order: o });
        platform.push({ platform: link.platform, shop: link.shop, platformOrderId: o.platformOrderId, orderNumber: o.orderNumber, status: o.status, updatedAt: o.updatedAt });
      }
      listedPlatforms.add(link.platform);
    } catch (err) {
      errors.push({ platform: link.platform, reason: `listing the ${link.platform} orders failed: ${(err as Error).message}` });
    }
  }

  const settings = await getOrNull<StoreSettingsDoc>(deps.db, 'store:settings');
  const location = settings?.defaultLocation || FALLBACK_LOCATION;
  const docs = (await prefixed<WebOrderDoc>(deps.db, 'weborder:')).filter((d) => d.type === 'web_order' && listedPlatforms.has(d.platform));
  const events = new Map<string, WebOrderEventDoc[]>();
  for (const ev of await prefixed<WebOrderEventDoc>(deps.db, 'woevent:')) {
    if (ev.type !== 'web_order_event') continue;
    const list = events.get(ev.orderId);
    if (list) list.push(ev);
    else events.set(ev.orderId, [ev]);
  }
  // Only the documents of orders the platforms listed matter (a duplicate is two of those).
  const local: LocalOrderSummary[] = docs
    .filter((d) => byKey.has(keyOf(d.platform, d.platformOrderId)))
    .map((d) => ({
      docId: d._id, platform: d.platform, shop: d.shop, platformOrderId: d.platformOrderId, orderNumber: d.orderNumber,
      docStatus: d.status, folded: orderState(d, events.get(d._id) ?? [], location).status,
    }));
  return {
    result: { from, to, platforms: [...listedPlatforms], checked: platform.length, differences: compareWebOrders(platform, local), errors },
    byKey,
    events,
  };
}

/** The differences for a date range (ISO strings), every listable platform of the store. */
export async function webOrderDifferences(deps: WebOrderReconcileDeps, from: string, to: string): Promise<WebOrderDifferences> {
  return (await scan(deps, from, to)).result;
}

/** Repairs what can be repaired (re-import, re-push) and reports each action. */
export async function repairWebOrderDifferences(deps: WebOrderReconcileDeps, from: string, to: string): Promise<RepairReport> {
  const { result, byKey, events } = await scan(deps, from, to);
  const jobs = new JobStore(deps.db);
  let allJobs: Awaited<ReturnType<JobStore['list']>> | null = null;
  const actions: RepairAction[] = [];
  for (const d of result.differences) {
    const base = { kind: d.kind, platform: d.platform, platformOrderId: d.platformOrderId };
    if (d.repair === 're-import') {
      const listed = byKey.get(keyOf(d.platform, d.platformOrderId));
      if (!listed) {
        actions.push({ ...base, action: 'failed', detail: 'no longer listed by the platform' });
        continue;
      }
      try {
        const { outcome } = await deps.writer.applyOrder(deps.storeId, listed.link, listed.order);
        actions.push({ ...base, action: outcome === 'created' || outcome === 'updated' ? 're-imported' : 'unchanged', detail: outcome });
      } catch (err) {
        actions.push({ ...base, action: 'failed', detail: (err as Error).message });
      }
    } else if (d.repair === 're-push' && d.kind === 'state') {
      allJobs ??= await jobs.list(OUTBOUND_PREFIX);
      // The push jobs of this order's events: outbound:<platform>:<kind>:<registerId>:<ulid>.
      const keys = new Set((events.get(d.docId) ?? []).map((ev) => `:${ev._id.slice('woevent:'.length)}`));
      const mine = allJobs.filter((j) => j.channel === 'platform' && [...keys].some((k) => j._id.endsWith(k)));
      const stuck = mine.filter((j) => j.state === 'dead' || j.state === 'failed');
      if (stuck.length === 0) {
        const pending = mine.some((j) => j.state === 'pending' || j.state === 'sending');
        actions.push({ ...base, action: pending ? 'push_pending' : 'no_push_job', detail: pending ? 'a push is on its way' : 'no push job for this order (nothing to retry)' });
        continue;
      }
      const requeued: string[] = [];
      const failures: string[] = [];
      for (const j of stuck) {
        const r = await jobs.retry(j._id);
        if (r.ok) requeued.push(j._id);
        else failures.push(`${j._id}: ${r.reason}`);
      }
      actions.push({ ...base, action: requeued.length > 0 ? 're-pushed' : 'failed', jobs: requeued, ...(failures.length ? { detail: failures.join('; ') } : {}) });
    } else {
      actions.push({ ...base, action: 'skipped', detail: d.kind === 'duplicate' ? 'duplicates are for staff to resolve' : 'closed differently on both sides: for staff to resolve' });
    }
  }
  return { ...result, actions };
}
