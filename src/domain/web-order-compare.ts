/**
 * Web orders vs the platforms (issue 7): a pure comparison of what a platform lists for a date range
 * with the store's web order documents and their folded state (web-order-state.ts). Three kinds of
 * differences come out, each with the repair that fits it:
 *
 *  - missing:   on the platform, no document here                         → re-import
 *  - state:     the platform and the folded state disagree
 *      · not_pushed       closed here (shipped, picked up, cancelled), open there: a push was lost
 *                         or is dead                                        → re-push
 *      · changed_there    closed there, open here: the document is behind   → re-import
 *      · conflict         closed on both sides, differently                 → none (staff decide)
 *  - duplicate: two or more documents for one platform order (e.g. differing shop ids) → none
 *
 * Shipped and picked up count as the same outcome ("fulfilled"): platforms do not all tell them apart.
 */
import type { Platform, WebOrderDoc } from './documents.ts';
import type { FulfilmentStatus } from './web-order-types.ts';

/** What the platform says about one order (the neutral listing, reduced). */
export interface PlatformOrderSummary {
  platform: Platform;
  shop: string;
  platformOrderId: string;
  orderNumber: string;
  status: WebOrderDoc['status'];
  updatedAt: string;
}

/** One web order document here with its folded status. */
export interface LocalOrderSummary {
  docId: string;
  platform: Platform;
  shop: string;
  platformOrderId: string;
  orderNumber: string;
  /** The platform's status as last imported. */
  docStatus: WebOrderDoc['status'];
  /** The state after the register's events (orderState(...).status). */
  folded: FulfilmentStatus;
}

export type Outcome = 'open' | 'fulfilled' | 'cancelled';
export type StateReason = 'not_pushed' | 'changed_there' | 'conflict';
export type Repair = 're-import' | 're-push' | 'none';

export type WebOrderDifference =
  | { kind: 'missing'; platform: Platform; shop: string; platformOrderId: string; orderNumber: string; there: WebOrderDoc['status']; repair: 're-import' }
  | {
      kind: 'state';
      reason: StateReason;
      docId: string;
      platform: Platform;
      shop: string;
      platformOrderId: string;
      orderNumber: string;
      here: FulfilmentStatus;
      there: WebOrderDoc['status'];
      repair: Repair;
    }
  | { kind: 'duplicate'; platform: Platform; platformOrderId: string; orderNumber: string; docIds: string[]; repair: 'none' };

export function outcomeOf(status: FulfilmentStatus | WebOrderDoc['status']): Outcome {
  if (status === 'shipped' || status === 'picked_up') return 'fulfilled';
  if (status === 'cancelled') return 'cancelled';
  return 'open';
}

const keyOf = (platform: string, platformOrderId: string): string => `${platform}\u0000${platformOrderId}`;

/**
 * The differences between the platform listings and the documents here. `local` may hold documents of
 * other orders (they are ignored unless duplicated); a platform order listed twice counts once (the
 * last listed wins, as paging may repeat an order that changed meanwhile). Deterministic: sorted by
 * kind (missing, state, duplicate), then platform, then order id.
 */
export function compareWebOrders(platform: readonly PlatformOrderSummary[], local: readonly LocalOrderSummary[]): WebOrderDifference[] {
  const listed = new Map<string, PlatformOrderSummary>();
  for (const p of platform) listed.set(keyOf(p.platform, p.platformOrderId), p);

  const docs = new Map<string, LocalOrderSummary[]>();
  for (const l of local) {
    const k = keyOf(l.platform, l.platformOrderId);
    const list = docs.get(k);
    if (list) {
      if (!list.some((x) => x.docId === l.docId)) list.push(l);
    } else docs.set(k, [l]);
  }

  const out: WebOrderDifference[] = [];
  for (const [k, p] of listed) {
    const here = docs.get(k);
    if (!here || here.length === 0) {
      out.push({ kind: 'missing', platform: p.platform, shop: p.shop, platformOrderId: p.platformOrderId, orderNumber: p.orderNumber, there: p.status, repair: 're-import' });
      continue;
    }
    // The document of the linked shop when there is one, else the first by id.
    const sorted = [...here].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
    const doc = sorted.find((d) => d.shop === p.shop) ?? sorted[0]!;
    const mine = outcomeOf(doc.folded);
    const theirs = outcomeOf(p.status);
    if (mine === theirs) continue;
    const reason: StateReason = theirs === 'open' ? 'not_pushed' : mine === 'open' ? 'changed_there' : 'conflict';
    const repair: Repair = reason === 'not_pushed' ? 're-push' : reason === 'changed_there' ? 're-import' : 'none';
    out.push({
      kind: 'state', reason, docId: doc.docId, platform: p.platform, shop: doc.shop, platformOrderId: p.platformOrderId, orderNumber: doc.orderNumber,
      here: doc.folded, there: p.status, repair,
    });
  }
  for (const here of docs.values()) {
    if (here.length < 2) continue;
    const first = here[0]!;
    out.push({
      kind: 'duplicate', platform: first.platform, platformOrderId: first.platformOrderId, orderNumber: first.orderNumber,
      docIds: here.map((d) => d.docId).sort(), repair: 'none',
    });
  }
  const rank = { missing: 0, state: 1, duplicate: 2 } as const;
  return out.sort((a, b) => rank[a.kind] - rank[b.kind] || cmp(a.platform, b.platform) || cmp(a.platformOrderId, b.platformOrderId));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
