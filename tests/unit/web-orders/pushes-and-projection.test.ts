/**
 * The counter's own steps (picked, packed, note) never become a push to the web store, and every
 * web-order event is projected into the read model's registerDocs table (issue 6).
 */
import { describe, expect, it } from 'vitest';
import type { WebOrderEventDoc } from '../../../src/domain/documents.ts';
import { pushedKind } from '../../../sync-server/outbound/producers.ts';
import { rowsOfBatch } from '../../../workers/sync/projection-rows.ts';

const event = (kind: WebOrderEventDoc['kind'], extra: Partial<WebOrderEventDoc> = {}): WebOrderEventDoc => ({
  _id: 'woevent:r1ab:01KDZ2CN80QD9MK2F0M5ZNQ0AB',
  _rev: '1-abc',
  type: 'web_order_event',
  orderId: 'weborder:shopify:demo-shop.myshopify.com:5820394061',
  kind,
  at: '2026-11-28T10:00:00.000Z',
  by: 'Camille',
  ...extra,
});

describe('outbound producers', () => {
  it('push the four platform kinds and ignore the counter steps', () => {
    expect(pushedKind(event('shipped'))).toBe('fulfilment');
    expect(pushedKind(event('ready_for_pickup'))).toBe('ready_for_pickup');
    expect(pushedKind(event('picked_up'))).toBe('picked_up');
    expect(pushedKind(event('cancelled'))).toBe('cancellation');
    expect(pushedKind(event('picked', { sku: 'A', quantity: 1 }))).toBeUndefined();
    expect(pushedKind(event('packed'))).toBeUndefined();
    expect(pushedKind(event('note', { text: 'x' }))).toBeUndefined();
  });
});

describe('projection', () => {
  it('keeps web-order events in registerDocs, without revision, and deletes them by id', () => {
    const rows = rowsOfBatch([event('picked', { sku: 'A', quantity: 1 })], ['woevent:r1ab:01KDZ2CN80QD9MK2F0M5ZNQ0AC']);
    expect(rows.registerDocs).toHaveLength(1);
    expect(rows.registerDocs[0]).not.toHaveProperty('_rev');
    expect(rows.deleted.registerDocs).toEqual(['woevent:r1ab:01KDZ2CN80QD9MK2F0M5ZNQ0AC']);
  });
});
