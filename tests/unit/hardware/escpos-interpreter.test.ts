/** The test-only ESC/POS interpreter, checked against hand-written bytes from the Epson reference. */
import { describe, expect, it } from 'vitest';
import { interpret, lastTextIndex } from '../../support/escpos/interpreter.ts';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('ESC/POS interpreter', () => {
  it('decodes text through the selected code page (CP858 € and accents, CP437 has no €)', () => {
    const out = interpret([0x1b, 0x40, 0x1b, 0x74, 19, 0xd5, 0x20, 0x82, 0x85, 0x0a, 0x1b, 0x74, 0, 0xd5, 0x0a, 0x1b, 0x74, 16, 0x80, 0x9c, 0x0a]);
    expect(out.lines).toEqual(['€ éà', '╒', '€œ']);
    expect(out.events[0]).toEqual({ type: 'init' });
  });

  it('tracks bold, size and alignment per line', () => {
    const out = interpret([0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11, ...ascii('BIG'), 0x0a, 0x1b, 0x45, 0, 0x1d, 0x21, 0, 0x1b, 0x61, 0, ...ascii('small'), 0x0a]);
    expect(out.events).toMatchObject([
      { type: 'line', text: 'BIG', bold: true, width: 2, height: 2, align: 'center' },
      { type: 'line', text: 'small', bold: false, width: 1, height: 1, align: 'left' },
    ]);
  });

  it('decodes CODE128 (code sets B and C) and EAN-13 barcodes', () => {
    const code128 = [0x1d, 0x6b, 73, 9, ...ascii('{BR-'), ...ascii('{C'), 12, 34, 5, 0x0a];
    const ean = [0x1d, 0x6b, 2, ...ascii('3760000000017'), 0];
    const out = interpret([...code128.slice(0, -1), ...ean]);
    expect(out.barcodes).toEqual([
      { type: 'barcode', symbology: 'CODE128', data: 'R-123405' },
      { type: 'barcode', symbology: 'EAN13', data: '3760000000017' },
    ]);
  });

  it('stores and prints a QR code', () => {
    const data = ascii('R-ABCD-000042');
    const store = [0x1d, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30, ...data];
    const out = interpret([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6, ...store, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
    expect(out.qrs).toEqual([{ type: 'qr', data: 'R-ABCD-000042', size: 6, errorLevel: null }]);
  });

  it('reads drawer kicks (pin and pulse) and real-time kicks', () => {
    const out = interpret([0x1b, 0x70, 0, 50, 250, 0x1b, 0x70, 1, 25, 100, 0x10, 0x14, 1, 0, 2]);
    expect(out.kicks).toEqual([
      { type: 'kick', pin: 2, onMs: 100, offMs: 500, realtime: false },
      { type: 'kick', pin: 5, onMs: 50, offMs: 200, realtime: false },
      { type: 'kick', pin: 2, onMs: 200, offMs: 200, realtime: true },
    ]);
  });

  it('reads cuts with and without feed, and finds the last text line before the cut', () => {
    const out = interpret([...ascii('last'), 0x0a, 0x1b, 0x64, 3, 0x1d, 0x56, 0x41, 5, 0x1d, 0x56, 1]);
    expect(out.cuts).toEqual([
      { type: 'cut', partial: false, feedDots: 5 },
      { type: 'cut', partial: true, feedDots: 0 },
    ]);
    expect(lastTextIndex(out)).toBeLessThan(out.events.indexOf(out.cuts[0]!));
  });

  it('draws raster images (GS v 0)', () => {
    const out = interpret([0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0b10000001, 0b01111110]);
    expect(out.images).toEqual([{ type: 'image', width: 8, height: 2, rows: ['#......#', '.######.'] }]);
  });

  it('refuses commands it does not know, with the offset', () => {
    expect(() => interpret([0x41, 0x1b, 0x7e, 0])).toThrow(/unknown command ESC 0x7e at offset 1/);
  });

  it('marks text never followed by a line feed', () => {
    expect(interpret(ascii('tail')).events).toMatchObject([{ type: 'line', text: 'tail', unterminated: true }]);
  });
});
