/**
 * The durable webhook inbox: one private database per store (inbox-<storeId>), one document per
 * delivery, keyed by the platform's delivery/event id. Writing it is what the webhook answers 200 for;
 * a second delivery with the same id finds the document and is a no-op (dedupe).
 */
import type { Platform } from '../../src/domain/documents.ts';
import type { PrivateDb } from './private-db.ts';

export type InboxState = 'pending' | 'done' | 'failed';

export interface InboxEntry {
  _id: string; // delivery:<platform>:<deliveryId>
  _rev?: string;
  type: 'inbox_delivery';
  platform: Platform;
  deliveryId: string;
  topic: string;
  payload: unknown;
  receivedAt: string;
  state: InboxState;
  attempts: number;
  /** Epoch ms before which a retry is not attempted. */
  nextAttemptAt: number;
  lastError?: string;
  processedAt?: string;
  /** What processing did: created, updated, unchanged, stale, ignored, … */
  result?: string;
  orderDocId?: string;
}

export function inboxEntryId(platform: Platform, deliveryId: string): string {
  return `delivery:${platform}:${deliveryId}`;
}

/** Stores a verified delivery; `duplicate` when this delivery id is already in the inbox. */
export async function storeDelivery(db: PrivateDb, platform: Platform, d: { deliveryId: string; topic: string; payload: unknown }, now: Date): Promise<{ entry: InboxEntry; duplicate: boolean }> {
  const entry: InboxEntry = {
    _id: inboxEntryId(platform, d.deliveryId),
    type: 'inbox_delivery',
    platform,
    deliveryId: d.deliveryId,
    topic: d.topic,
    payload: d.payload,
    receivedAt: now.toISOString(),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
  };
  try {
    const res = await db.put(entry as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
    return { entry: { ...entry, _rev: res.rev }, duplicate: false };
  } catch (err) {
    if ((err as { status?: number }).status === 409) return { entry, duplicate: true };
    throw err;
  }
}

export async function listEntries(db: PrivateDb, state?: InboxState): Promise<InboxEntry[]> {
  const res = await db.allDocs({ startkey: 'delivery:', endkey: 'delivery:\uffff', include_docs: true });
  const entries = res.rows.map((r) => r.doc as unknown as InboxEntry).filter((e) => e && e.type === 'inbox_delivery');
  return state ? entries.filter((e) => e.state === state) : entries;
}
