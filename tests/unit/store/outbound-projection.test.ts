import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MailJobDoc, OutboundJobDoc } from '../../../src/domain/outbound-documents.ts';
import { parseQueueJobDoc } from '../../../src/domain/outbound-documents.ts';
import { projectBatch } from '../../../workers/sync/projection.ts';
import { deletion, feed, freshDb, product } from './fixtures.ts';

const AT = '2026-03-01T09:00:00.000Z';

function outboundJob(extra: Partial<OutboundJobDoc> = {}): OutboundJobDoc {
  return {
    _id: 'outbound:shopify:stock_level:EPI-0001',
    _rev: '3-abc',
    type: 'outbound_job',
    channel: 'platform',
    platform: 'shopify',
    shop: 'comptoir-test.myshopify.com',
    kind: 'stock_level',
    idempotencyKey: 'shopify:stock_level:EPI-0001:v2',
    state: 'dead',
    version: 2,
    attempts: 4,
    maxAttempts: 4,
    nextAttemptAt: AT,
    createdAt: AT,
    updatedAt: AT,
    lastError: 'shopify POST /inventory_levels/set.json: HTTP 503',
    payload: { sku: 'EPI-0001', available: 14, onHand: 14, reserved: 0 },
    history: [{ at: AT, outcome: 'error', detail: 'HTTP 503' }],
    ...extra,
  };
}

function mailJob(extra: Partial<MailJobDoc> = {}): MailJobDoc {
  return {
    _id: 'mail:receipt:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC',
    type: 'outbound_job',
    channel: 'mail',
    kind: 'receipt',
    idempotencyKey: 'receipt:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC',
    state: 'pending',
    blocked: 'SMTP not configured',
    version: 1,
    attempts: 0,
    maxAttempts: 4,
    nextAttemptAt: AT,
    createdAt: AT,
    updatedAt: AT,
    payload: { template: 'receipt', to: 'camille@example.fr', sourceId: 'sale:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XA', requestId: 'mailreq:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC' },
    ...extra,
  };
}

describe('projection of the outbound queue', () => {
  it('projects outbound and mail jobs into registerDocs and skips nothing', async () => {
    const db = freshDb();
    const report = await projectBatch(db, feed([product('EPI-0001', 'Confiture'), outboundJob(), mailJob()]));
    expect(report.skipped).toEqual([]);
    expect(report.applied).toBe(3);
    expect(await db.projection.get('skipped')).toBeUndefined();
    const rows = await db.registerDocs.where('type').equals('outbound_job').toArray();
    expect(rows.map((r) => r._id).sort()).toEqual(['mail:receipt:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC', 'outbound:shopify:stock_level:EPI-0001']);
    const dead = await db.registerDocs.get('outbound:shopify:stock_level:EPI-0001');
    expect(dead).toMatchObject({ state: 'dead', attempts: 4, lastError: 'shopify POST /inventory_levels/set.json: HTTP 503' });
    expect(dead).not.toHaveProperty('_rev');
  });

  it('a new revision of a job replaces its row; a deleted job disappears', async () => {
    const db = freshDb();
    await projectBatch(db, feed([outboundJob(), mailJob()]));
    await projectBatch(db, feed([outboundJob({ state: 'done', attempts: 1, result: 'available 14 set' })], 3));
    expect(await db.registerDocs.get('outbound:shopify:stock_level:EPI-0001')).toMatchObject({ state: 'done' });
    await projectBatch(db, [deletion('mail:receipt:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC', 4)]);
    expect(await db.registerDocs.get('mail:receipt:reg-1:01HZY3J7Q4M8W2N6P0R5T9V1XC')).toBeUndefined();
  });

  it('still reports a truly malformed job as skipped, with the field at fault', async () => {
    const db = freshDb();
    const broken = { ...outboundJob(), state: 'exploded' };
    const badMail: Record<string, unknown> & { _id: string } = { ...mailJob(), _id: 'mail:x', payload: 'nope' };
    const report = await projectBatch(db, feed([broken, badMail]));
    expect(report.skipped.map((s) => [s.id, s.reason.split(':')[0]])).toEqual([
      ['mail:x', 'payload'],
      ['outbound:shopify:stock_level:EPI-0001', 'state'],
    ]);
    expect(parseQueueJobDoc({ ...outboundJob(), _id: 'outbound:woocommerce:stock_level:X' }).ok).toBe(false);
  });
});
