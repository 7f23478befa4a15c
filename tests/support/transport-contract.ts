/**
 * The one contract every Transport passes (the recording fake and the real ones, each driven against
 * a fake device or a loopback printer). Register it from a test file:
 *   transportContract('usb', async () => ({ transport, received: () => bytes, unplug, replug }));
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport, TransportStatus } from '../../src/hardware/transport.ts';
import { TransportError } from '../../src/hardware/transport.ts';

export interface TransportHarness {
  transport: Transport;
  /** Everything the device (or printer) received so far. */
  received: () => Promise<Uint8Array> | Uint8Array;
  /** Takes the device away, and brings it back (absent when the transport has no device to unplug). */
  unplug?: () => Promise<void> | void;
  replug?: () => Promise<void> | void;
  dispose?: () => Promise<void> | void;
}

// Printable ASCII, so that the print-dialog transport (which takes UTF-8 HTML) passes the same suite.
const payload = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, k) => ((k * 7 + 3) % 95) + 32);

export function transportContract(name: string, make: () => Promise<TransportHarness>): void {
  describe(`Transport contract: ${name}`, () => {
    let harness: TransportHarness | null = null;
    const setup = async (): Promise<TransportHarness> => (harness = await make());
    afterEach(async () => {
      await harness?.transport.close().catch(() => undefined);
      await harness?.dispose?.();
      harness = null;
    });

    it('starts closed and refuses to write before open', async () => {
      const { transport } = await setup();
      expect(transport.status).toBe('closed');
      await expect(transport.write(payload(4))).rejects.toMatchObject({ name: 'TransportError', code: 'closed' });
    });

    it('opens (idempotently), reports the status change, and delivers bytes exactly and in order', async () => {
      const h = await setup();
      const seen: TransportStatus[] = [];
      h.transport.onStatus((s) => seen.push(s));
      await h.transport.open();
      await h.transport.open();
      expect(h.transport.status).toBe('open');
      expect(seen).toContain('open');
      const big = payload(10_000); // several USB chunks
      await h.transport.write(payload(3));
      await h.transport.write(big);
      const got = await h.received();
      expect(Array.from(got)).toEqual([...payload(3), ...big]);
    });

    it('keeps concurrent writes whole (no interleaving)', async () => {
      const h = await setup();
      await h.transport.open();
      const a = new Uint8Array(5000).fill(0x61);
      const b = new Uint8Array(5000).fill(0x62);
      await Promise.all([h.transport.write(a), h.transport.write(b)]);
      const got = Array.from(await h.received());
      expect(got).toEqual([...a, ...b]);
    });

    it('closes: status closed, writes refused', async () => {
      const h = await setup();
      await h.transport.open();
      await h.transport.close();
      expect(h.transport.status).toBe('closed');
      await expect(h.transport.write(payload(2))).rejects.toBeInstanceOf(TransportError);
    });

    it('reports an unplug, refuses writes while unplugged, and works again once replugged and reopened', async () => {
      const h = await setup();
      if (!h.unplug || !h.replug) {
        // This transport has no device of its own to unplug (the browser's print dialog).
        expect(h.transport.kind).toBe('browser');
        return;
      }
      await h.transport.open();
      const events: TransportStatus[] = [];
      h.transport.onStatus((s) => events.push(s));
      await h.unplug();
      await expect(h.transport.write(payload(8))).rejects.toMatchObject({ name: 'TransportError' });
      expect(h.transport.status === 'disconnected' || h.transport.status === 'error').toBe(true);
      expect(events.some((s) => s === 'disconnected' || s === 'error')).toBe(true);
      expect(h.transport.lastError).toBeInstanceOf(TransportError);
      await h.replug();
      await h.transport.open();
      await h.transport.write(Uint8Array.of(0x41, 0x42, 0x43));
      const got = Array.from(await h.received());
      expect(got.slice(-3)).toEqual([0x41, 0x42, 0x43]);
    });
  });
}
