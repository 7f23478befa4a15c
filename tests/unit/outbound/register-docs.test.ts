/**
 * The register-written documents of issue 4 (web_order_event, mail_request): their shape
 * (src/domain/validate.ts) and who may write them (sync-server/validate/store-doc.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseStoreDoc } from '../../../src/domain/validate.ts';
import { checkRegisterWrite, isImmutableId } from '../../../sync-server/validate/store-doc.ts';

const ULID = '01KDZ2CN80QD9MK2F0M5ZNQ0AB';
const event = (over: Record<string, unknown> = {}) => ({
  _id: `woevent:r1ab:${ULID}`,
  type: 'web_order_event',
  orderId: 'weborder:shopify:demo-shop.myshopify.com:5820000001',
  kind: 'shipped',
  tracking: { carrier: 'Colissimo', number: '6A123', url: 'https://www.laposte.fr/suivi?code=6A123' },
  at: '2026-11-28T10:00:00.000Z',
  by: 'Marie',
  ...over,
});
const request = (over: Record<string, unknown> = {}) => ({
  _id: `mailreq:r1ab:${ULID}`,
  type: 'mail_request',
  saleId: 'sale:r1ab:00000001',
  to: 'camille.martin@example.fr',
  at: '2026-11-28T10:00:00.000Z',
  ...over,
});
const ctx = { storeId: 'demo', registerId: 'r1ab' };

describe('web_order_event', () => {
  it('accepts a valid event, with or without tracking', () => {
    expect(parseStoreDoc(event()).ok).toBe(true);
    expect(parseStoreDoc(event({ kind: 'picked_up', tracking: undefined })).ok).toBe(true);
  });
  it('names the offending field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [event({ orderId: 'sale:r1ab:00000001' }), 'orderId'],
      [event({ kind: 'lost' }), 'kind'],
      [event({ kind: 'cancelled' }), 'tracking'],
      [event({ tracking: { carrier: 'X', number: '' } }), 'tracking.number'],
      [event({ tracking: { carrier: 'X', number: '1', url: 'javascript:alert(1)' } }), 'tracking.url'],
      [event({ _id: 'woevent:r1ab:not-a-ulid' }), '_id'],
      [event({ at: 'yesterday' }), 'at'],
    ];
    for (const [doc, field] of cases) {
      const r = parseStoreDoc(doc);
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(r.error.startsWith(field), r.error).toBe(true);
    }
  });
  it('may be written by its own register only, once, never deleted', () => {
    expect(checkRegisterWrite(event(), ctx)).toEqual({ ok: true });
    expect(checkRegisterWrite(event(), { ...ctx, registerId: 'r2cd' }).ok).toBe(false);
    expect(checkRegisterWrite({ ...event(), _deleted: true }, ctx).ok).toBe(false);
    expect(isImmutableId(event()._id)).toBe(true);
  });
});

describe('mail_request', () => {
  it('accepts a valid request and refuses a bad address', () => {
    expect(parseStoreDoc(request()).ok).toBe(true);
    expect(parseStoreDoc(request({ locale: 'en' })).ok).toBe(true);
    for (const to of ['nobody', 'a@b', 'a@b.c, d@e.f', 'x <a@b.c>']) expect(parseStoreDoc(request({ to })).ok, to).toBe(false);
    expect(parseStoreDoc(request({ saleId: 'weborder:x' })).ok).toBe(false);
  });
  it('may be written by its own register only', () => {
    expect(checkRegisterWrite(request(), ctx)).toEqual({ ok: true });
    expect(checkRegisterWrite(request(), { ...ctx, registerId: 'r2cd' }).ok).toBe(false);
    expect(isImmutableId(request()._id)).toBe(true);
  });
  it('leaves the queue documents to the server', () => {
    expect(checkRegisterWrite({ _id: 'outbound:shopify:fulfilment:r1ab:x', type: 'outbound_job' }, ctx).ok).toBe(false);
    expect(checkRegisterWrite({ _id: 'mail:receipt:r1ab:x', type: 'outbound_job' }, ctx).ok).toBe(false);
  });
});
