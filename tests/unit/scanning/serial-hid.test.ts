/// <reference types="w3c-web-serial" />
import { describe, expect, it } from 'vitest';
import { createKeyboardReportDecoder, createPosReportDecoder } from '../../../src/hardware/hid-scanner.ts';
import { createScanStream, type Scan } from '../../../src/hardware/scan-stream.ts';
import { createLineSplitter, runSerialScanner } from '../../../src/hardware/serial-scanner.ts';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** A serial port whose readable stream delivers the given chunks, then stays open until cancelled. */
function portSending(chunks: string[]): { port: SerialPort; openedWith: () => SerialOptions | null } {
  let openedWith: SerialOptions | null = null;
  let readable: ReadableStream<Uint8Array> | null = null;
  const port = {
    get readable() {
      return readable;
    },
    writable: null,
    async open(options: SerialOptions) {
      openedWith = options;
      readable = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(new Uint8Array(ascii(c)));
        },
      });
    },
    async close() {
      readable = null;
    },
  } as unknown as SerialPort;
  return { port, openedWith: () => openedWith };
}

describe('serial scanner', () => {
  it('splits lines across chunks and terminators', () => {
    const s = createLineSplitter('auto');
    expect(s.push('4006381')).toEqual([]);
    expect(s.push('333931\r')).toEqual(['4006381333931']);
    expect(s.push('\n3760123456781\r\n\x02ABC-1\n')).toEqual(['3760123456781', 'ABC-1']);
    const tab = createLineSplitter('tab');
    expect(tab.push('12345678\tX')).toEqual(['12345678']);
    expect(tab.flush()).toEqual(['X']);
  });

  it('opens the port at the configured baud rate and publishes each line as a scan', async () => {
    const { port, openedWith } = portSending(['40063', '81333931\r\n', '0036000291452\r\n']);
    const stream = createScanStream();
    const seen: Scan[] = [];
    stream.subscribe((s) => seen.push(s));
    const scanner = runSerialScanner(port, { baudRate: 115200, terminator: 'auto', silenceMs: null }, { stream, now: () => 42 });
    await expect.poll(() => seen.length).toBe(2);
    expect(openedWith()?.baudRate).toBe(115200);
    expect(seen).toEqual([
      { code: '4006381333931', source: 'serial', at: 42 },
      { code: '0036000291452', source: 'serial', at: 42 },
    ]);
    await scanner.stop();
  });
});

describe('HID scanners', () => {
  /** A 64-byte HID POS scanned-data report (without report id): length, AIM id, data, continuation flag. */
  function posReport(text: string, more = false): Uint8Array {
    const r = new Uint8Array(63);
    r[0] = text.length;
    r.set(ascii(']E0'), 1);
    r.set(ascii(text), 4);
    r[62] = more ? 1 : 0;
    return r;
  }

  it('decodes HID POS reports, joining a code split over two reports', () => {
    const decode = createPosReportDecoder();
    expect(decode(posReport('4006381333931'))).toBe('4006381333931');
    expect(decode(posReport('https://example.test/a-very-', true))).toBeNull();
    expect(decode(posReport('long-url'))).toBe('https://example.test/a-very-long-url');
  });

  it('decodes keyboard-format reports key by key (shift, release, Enter)', () => {
    const decode = createKeyboardReportDecoder();
    const report = (mods: number, ...keys: number[]): Uint8Array => new Uint8Array([mods, 0, ...keys, 0, 0, 0, 0, 0, 0].slice(0, 8));
    const out: Array<string | null> = [];
    // "A", "b", "-", "1", "1" (pressed twice: released in between), Enter.
    for (const r of [report(0x02, 0x04), report(0), report(0, 0x05), report(0), report(0, 0x2d), report(0), report(0, 0x1e), report(0), report(0, 0x1e), report(0), report(0, 0x28), report(0)]) {
      out.push(decode(r));
    }
    expect(out.filter((x) => x !== null)).toEqual(['Ab-11']);
  });
});

describe('scan stream', () => {
  it('delivers to every subscriber until unsubscribed, and drops cross-source echoes', () => {
    const stream = createScanStream();
    const a: string[] = [];
    const b: string[] = [];
    const offA = stream.subscribe((s) => a.push(s.code));
    stream.subscribe((s) => b.push(s.code));
    stream.publish({ code: ' 123 ', source: 'wedge', at: 0 });
    stream.publish({ code: '123', source: 'hid', at: 50 }); // the same scan seen by two paths
    stream.publish({ code: '123', source: 'wedge', at: 60 }); // a second item, same source
    offA();
    stream.publish({ code: '456', source: 'camera', at: 1000 });
    expect(a).toEqual(['123', '123']);
    expect(b).toEqual(['123', '123', '456']);
    expect(stream.listenerCount).toBe(1);
  });
});
