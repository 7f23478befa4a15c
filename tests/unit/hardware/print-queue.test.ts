/**
 * The durable print queue against a fresh Dexie database (fake-indexeddb) and recording transports:
 * idempotent enqueue, states, failure with the reason, automatic retry when the device comes back,
 * recovery after a reload, and a drawer kick that is never sent twice for one sale.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildReceiptBytes, drawerKickBytes } from '../../../src/documents/receipt-escpos.ts';
import { PrintQueue, toBase64 } from '../../../src/hardware/print-queue.ts';
import type { PrintJobRow } from '../../../src/store/schema.ts';
import { interpret } from '../../support/escpos/interpreter.ts';
import { FakeTransport } from '../../support/fake-transport.ts';
import { freshDb } from '../store/fixtures.ts';
import { sampleSale } from './fixtures.ts';

function setup() {
  const db = freshDb();
  const printer = new FakeTransport();
  const queue = new PrintQueue({ db, transportFor: (id) => (id === 'p1' ? printer : null) });
  const receipt = { encoding: 'base64' as const, data: toBase64(buildReceiptBytes(sampleSale(), { shopName: 'Épicerie', address: [], registerName: 'Caisse 1', lang: 'fr' })) };
  const kick = { encoding: 'base64' as const, data: toBase64(drawerKickBytes()) };
  const jobs = async (): Promise<PrintJobRow[]> => (await db.printJobs.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  return { db, printer, queue, receipt, kick, jobs };
}

describe('print queue', () => {
  it('prints a receipt and kicks the drawer once, even when the same sale is enqueued again', async () => {
    const { printer, queue, receipt, kick, jobs } = setup();
    await Promise.all([
      queue.enqueue({ kind: 'drawer', ref: 'sale:R1:1', deviceId: 'p1', payload: kick }),
      queue.enqueue({ kind: 'drawer', ref: 'sale:R1:1', deviceId: 'p1', payload: kick }),
    ]);
    await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:1', deviceId: 'p1', payload: receipt });
    await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:1', deviceId: 'p1', payload: receipt });
    await queue.run();
    expect((await jobs()).map((j) => [j.kind, j.state, j.attempts])).toEqual([['drawer', 'done', 1], ['receipt', 'done', 1]]);
    const out = interpret(printer.bytes);
    expect(out.kicks).toHaveLength(1);
    expect(out.cuts).toHaveLength(1);
    expect(out.barcodes.map((b) => b.data)).toEqual(['R-ABCD-000042']);
  });

  it('a reprint is a new job', async () => {
    const { printer, queue, receipt, jobs } = setup();
    await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:1', deviceId: 'p1', payload: receipt });
    await queue.enqueue({ kind: 'receipt-reprint', ref: 'sale:R1:1', deviceId: 'p1', payload: receipt });
    await queue.enqueue({ kind: 'receipt-reprint', ref: 'sale:R1:1', deviceId: 'p1', payload: receipt });
    await queue.run();
    expect((await jobs()).map((j) => j.state)).toEqual(['done', 'done', 'done']);
    expect(interpret(printer.bytes).cuts).toHaveLength(3);
  });

  it('fails visibly with the reason while unplugged, and retries when the device is back (the kick was never handed over)', async () => {
    const { printer, queue, receipt, kick, jobs } = setup();
    printer.unplug();
    await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:2', deviceId: 'p1', payload: receipt });
    await queue.enqueue({ kind: 'drawer', ref: 'sale:R1:2', deviceId: 'p1', payload: kick });
    await queue.run();
    const [first, second] = await jobs();
    expect(first).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^disconnected/) });
    expect(second!.state === 'pending' || second!.state === 'failed').toBe(true);
    expect(second!.handedAt).toBeUndefined();
    expect(printer.bytes).toHaveLength(0);
    printer.replug();
    await queue.retryFailed('p1');
    expect((await jobs()).map((j) => j.state)).toEqual(['done', 'done']);
    expect(interpret(printer.bytes).kicks).toHaveLength(1);
  });

  it('a drawer kick whose bytes were handed to the transport is never sent again', async () => {
    const { printer, queue, kick, jobs } = setup();
    await printer.open();
    printer.failNext = 'io'; // the transfer fails after the kick was handed over
    await queue.enqueue({ kind: 'drawer', ref: 'sale:R1:3', deviceId: 'p1', payload: kick });
    await queue.run();
    const [job] = await jobs();
    expect(job).toMatchObject({ state: 'failed', handedAt: expect.any(String), reason: expect.stringMatching(/not repeated/) });
    expect(await queue.retryFailed('p1')).toBe(0);
    expect(await queue.retry(job!.id)).toBe(false);
    expect(printer.bytes).toHaveLength(0);
  });

  it('after a reload, a job left printing goes back to pending (may print twice); a handed kick does not', async () => {
    const { db, printer, queue, receipt, kick, jobs } = setup();
    const at = new Date().toISOString();
    await db.printJobs.bulkAdd([
      { id: 'job:1', kind: 'receipt', ref: 'sale:R1:4', deviceId: 'p1', state: 'printing', attempts: 1, createdAt: at, updatedAt: at, payload: receipt },
      { id: 'job:2', kind: 'drawer', ref: 'sale:R1:4', deviceId: 'p1', state: 'printing', attempts: 1, createdAt: at, updatedAt: at, payload: kick, handedAt: at },
    ]);
    await queue.recover();
    await queue.run();
    const [r, d] = await jobs();
    expect(r).toMatchObject({ state: 'done', attempts: 2 });
    expect(d).toMatchObject({ state: 'failed', reason: expect.stringMatching(/interrupted/) });
    expect(interpret(printer.bytes).kicks).toHaveLength(0);
  });

  it('a job for a device that is not available fails with the reason', async () => {
    const { queue, receipt, jobs } = setup();
    await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:5', deviceId: 'gone', payload: receipt });
    await queue.run();
    expect((await jobs())[0]).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^unavailable/) });
  });

  it('the cashier retries one failed job', async () => {
    const { printer, queue, receipt, jobs } = setup();
    printer.failNext = 'io';
    const job = await queue.enqueue({ kind: 'receipt', ref: 'sale:R1:6', deviceId: 'p1', payload: receipt });
    await queue.run();
    expect((await jobs())[0]!.state).toBe('failed');
    expect(await queue.retry(job.id)).toBe(true);
    expect((await jobs())[0]).toMatchObject({ state: 'done', attempts: 2 });
  });
});
