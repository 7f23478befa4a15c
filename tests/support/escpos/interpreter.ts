/**
 * Test-only ESC/POS interpreter, written from the Epson command reference: turns the bytes sent to a
 * printer into what the printer would do (lines of text in the selected code page, barcodes, QR codes,
 * drawer kicks, cuts, raster images), in order. Tests assert on that, never on which function ran.
 *
 * Strict by design: an unknown command throws with its offset, so a byte builder cannot hide
 * commands the tests do not understand.
 */
import iconv from 'iconv-lite';
import { EPSON_CODE_PAGES } from './code-pages.ts';

export type Align = 'left' | 'center' | 'right';

export interface LineEvent {
  type: 'line';
  text: string;
  bold: boolean;
  /** Character magnification (GS !), 1 to 8. */
  width: number;
  height: number;
  align: Align;
  /** The code pages used for the characters of this line (usually one). */
  codePages: string[];
  /** True for text left in the buffer when the bytes ended (a real printer would not print it yet). */
  unterminated?: true;
}
export interface BarcodeEvent { type: 'barcode'; symbology: string; data: string }
export interface QrEvent { type: 'qr'; data: string; size: number | null; errorLevel: string | null }
export interface KickEvent { type: 'kick'; pin: 2 | 5; onMs: number; offMs: number; realtime: boolean }
export interface CutEvent { type: 'cut'; partial: boolean; feedDots: number }
export interface ImageEvent { type: 'image'; width: number; height: number; /** One string per row, '#' for a black dot. */ rows: string[] }
export interface InitEvent { type: 'init' }
export interface IntlSetEvent { type: 'intl-set'; n: number }

export type PrinterEvent = LineEvent | BarcodeEvent | QrEvent | KickEvent | CutEvent | ImageEvent | InitEvent | IntlSetEvent;

export interface PrinterOutput {
  events: PrinterEvent[];
  /** Text of every printed line (trailing spaces removed), blank lines included. */
  lines: string[];
  barcodes: BarcodeEvent[];
  qrs: QrEvent[];
  kicks: KickEvent[];
  cuts: CutEvent[];
  images: ImageEvent[];
}

const BARCODES: Record<number, string> = {
  0: 'UPC-A', 1: 'UPC-E', 2: 'EAN13', 3: 'EAN8', 4: 'CODE39', 5: 'ITF', 6: 'CODABAR',
  65: 'UPC-A', 66: 'UPC-E', 67: 'EAN13', 68: 'EAN8', 69: 'CODE39', 70: 'ITF', 71: 'CODABAR', 72: 'CODE93', 73: 'CODE128',
};

/** GS k 73 data: "{A" / "{B" / "{C" select a code set; in set C each byte is two digits. */
function decodeCode128(bytes: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x7b && i + 1 < bytes.length) {
      const next = String.fromCharCode(bytes[i + 1]!);
      i++;
      if (next === 'A' || next === 'B' || next === 'C') set = next;
      else if (next === '{') out += '{';
      // {S (shift) and {1..{4 (FNC) carry no printable data.
      continue;
    }
    out += set === 'C' ? String(b).padStart(2, '0') : String.fromCharCode(b);
  }
  return out;
}

export function interpret(input: Uint8Array | readonly number[]): PrinterOutput {
  const bytes = input instanceof Uint8Array ? input : Uint8Array.from(input);
  const events: PrinterEvent[] = [];
  let i = 0;
  let codePage = 'cp437';
  let bold = false;
  let width = 1;
  let height = 1;
  let align: Align = 'left';
  let qrData: string | null = null;
  let qrSize: number | null = null;
  let qrLevel: string | null = null;

  // The current line: text already decoded, plus raw bytes not yet decoded (in `codePage`).
  let text = '';
  let pending: number[] = [];
  let lineBold = false;
  let lineWidth = 1;
  let lineHeight = 1;
  let lineAlign: Align = 'left';
  let pages = new Set<string>();

  const decodePending = (): void => {
    if (pending.length === 0) return;
    text += iconv.decode(Buffer.from(pending), codePage);
    pages.add(codePage);
    pending = [];
  };
  const resetLine = (): void => {
    text = '';
    pending = [];
    lineBold = false;
    lineWidth = 1;
    lineHeight = 1;
    pages = new Set();
  };
  const flushLine = (unterminated = false): void => {
    decodePending();
    events.push({ type: 'line', text, bold: lineBold, width: lineWidth, height: lineHeight, align: lineAlign, codePages: [...pages], ...(unterminated ? { unterminated: true as const } : {}) });
    resetLine();
  };
  const hasText = (): boolean => text.length > 0 || pending.length > 0;
  const need = (n: number, what: string): void => {
    if (i + n > bytes.length) throw new Error(`truncated ${what} at offset ${i}`);
  };
  const at = (k: number): number => bytes[i + k]!;
  const fail = (what: string): never => {
    throw new Error(`unknown command ${what} at offset ${i}`);
  };

  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flushLine();
      i++;
      continue;
    }
    if (b === 0x0d || b === 0x09) {
      i++; // CR is ignored (auto line feed off); a tab prints nothing we assert on
      continue;
    }
    if (b >= 0x20) {
      if (bold) lineBold = true;
      lineWidth = Math.max(lineWidth, width);
      lineHeight = Math.max(lineHeight, height);
      if (!hasText()) lineAlign = align;
      pending.push(b);
      i++;
      continue;
    }
    if (b === 0x1b) {
      need(2, 'ESC');
      const c = at(1);
      switch (c) {
        case 0x40: // ESC @ initialise
          if (hasText()) flushLine();
          codePage = 'cp437'; bold = false; width = 1; height = 1; align = 'left';
          events.push({ type: 'init' });
          i += 2; continue;
        case 0x21: { // ESC ! n print mode
          need(3, 'ESC !');
          const n = at(2);
          bold = (n & 0x08) !== 0; height = n & 0x10 ? 2 : 1; width = n & 0x20 ? 2 : 1;
          i += 3; continue;
        }
        case 0x45: case 0x47: // ESC E n bold, ESC G n double strike
          need(3, 'ESC E'); bold = (at(2) & 1) === 1; i += 3; continue;
        case 0x2d: case 0x4d: case 0x20: case 0x7b: case 0x56: case 0x33: case 0x4a: case 0x72: case 0x63:
          // underline, font, right spacing, upside down, rotation, line spacing, feed dots, colour, panel keys
          need(3, 'ESC'); i += 3; continue;
        case 0x32: i += 2; continue; // ESC 2 default line spacing
        case 0x61: { // ESC a n alignment
          need(3, 'ESC a');
          const n = at(2) % 48;
          align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
          if (!hasText()) lineAlign = align;
          i += 3; continue;
        }
        case 0x74: { // ESC t n code page
          need(3, 'ESC t');
          const name = EPSON_CODE_PAGES[at(2)];
          if (!name) fail(`ESC t ${at(2)} (code page not in the table)`);
          decodePending();
          codePage = name!;
          i += 3; continue;
        }
        case 0x52: // ESC R n international character set
          need(3, 'ESC R'); events.push({ type: 'intl-set', n: at(2) }); i += 3; continue;
        case 0x64: { // ESC d n feed n lines
          need(3, 'ESC d');
          const n = at(2);
          if (hasText()) flushLine();
          for (let k = 0; k < n; k++) flushLine();
          i += 3; continue;
        }
        case 0x70: { // ESC p m t1 t2 drawer kick
          need(5, 'ESC p');
          events.push({ type: 'kick', pin: at(2) % 48 === 0 ? 2 : 5, onMs: at(3) * 2, offMs: at(4) * 2, realtime: false });
          i += 5; continue;
        }
        case 0x24: need(4, 'ESC $'); i += 4; continue; // absolute position
        case 0x2a: { // ESC * m nL nH column bit image
          need(5, 'ESC *');
          const m = at(2);
          const columns = at(3) + at(4) * 256;
          const size = columns * (m === 32 || m === 33 ? 3 : 1);
          need(5 + size, 'ESC * data');
          events.push({ type: 'image', width: columns, height: m === 32 || m === 33 ? 24 : 8, rows: [] });
          i += 5 + size; continue;
        }
        default:
          fail(`ESC 0x${c.toString(16)}`);
      }
    }
    if (b === 0x1c) { // FS: Kanji mode on/off (FS & / FS .), FS C n
      need(2, 'FS');
      const c = at(1);
      if (c === 0x2e || c === 0x26) { i += 2; continue; }
      if (c === 0x43) { i += 3; continue; }
      fail(`FS 0x${c.toString(16)}`);
    }
    if (b === 0x10) { // DLE
      need(3, 'DLE');
      if (at(1) === 0x04) { i += 3; continue; } // real-time status request
      if (at(1) === 0x14) {
        need(5, 'DLE DC4');
        if (at(2) === 1) events.push({ type: 'kick', pin: at(3) === 0 ? 2 : 5, onMs: at(4) * 100, offMs: at(4) * 100, realtime: true });
        i += 5; continue;
      }
      fail(`DLE 0x${at(1).toString(16)}`);
    }
    if (b === 0x1d) {
      need(2, 'GS');
      const c = at(1);
      switch (c) {
        case 0x21: { // GS ! n character size
          need(3, 'GS !');
          const n = at(2);
          width = (n >> 4) + 1; height = (n & 0x0f) + 1;
          i += 3; continue;
        }
        case 0x42: case 0x68: case 0x77: case 0x48: case 0x66: case 0x62: case 0x61: case 0x72:
          // invert, barcode height, width, HRI position, HRI font, smoothing, ASB, status
          need(3, 'GS'); i += 3; continue;
        case 0x4c: case 0x57: need(4, 'GS L/W'); i += 4; continue; // left margin, printing width
        case 0x6b: { // GS k barcode
          need(3, 'GS k');
          const m = at(2);
          const symbology = BARCODES[m] ?? fail(`GS k ${m}`);
          if (hasText()) flushLine();
          let data: Uint8Array;
          if (m <= 6) {
            const end = bytes.indexOf(0, i + 3);
            if (end < 0) throw new Error(`unterminated barcode at offset ${i}`);
            data = bytes.subarray(i + 3, end);
            i = end + 1;
          } else {
            need(4, 'GS k n');
            const n = at(3);
            need(4 + n, 'GS k data');
            data = bytes.subarray(i + 4, i + 4 + n);
            i += 4 + n;
          }
          const value = symbology === 'CODE128' ? decodeCode128(data) : String.fromCharCode(...data);
          events.push({ type: 'barcode', symbology, data: value });
          continue;
        }
        case 0x28: { // GS ( x pL pH …
          need(5, 'GS (');
          const fnClass = at(2);
          const len = at(3) + at(4) * 256;
          need(5 + len, 'GS ( data');
          const body = bytes.subarray(i + 5, i + 5 + len);
          if (fnClass === 0x6b && body[0] === 0x31) {
            const fn = body[1];
            if (fn === 0x50) qrData = new TextDecoder().decode(body.subarray(3));
            else if (fn === 0x43) qrSize = body[2] ?? null;
            else if (fn === 0x45) qrLevel = ({ 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as Record<number, string>)[body[2] ?? 0] ?? null;
            else if (fn === 0x51) {
              if (hasText()) flushLine();
              if (qrData === null) throw new Error(`QR print with nothing stored at offset ${i}`);
              events.push({ type: 'qr', data: qrData, size: qrSize, errorLevel: qrLevel });
            }
          } else if (fnClass !== 0x6b && fnClass !== 0x4c && fnClass !== 0x41 && fnClass !== 0x45) {
            fail(`GS ( 0x${fnClass.toString(16)}`);
          }
          i += 5 + len; continue;
        }
        case 0x56: { // GS V cut
          need(3, 'GS V');
          const m = at(2);
          if (hasText()) flushLine();
          if (m === 0 || m === 1 || m === 48 || m === 49) {
            events.push({ type: 'cut', partial: m % 48 === 1, feedDots: 0 });
            i += 3; continue;
          }
          need(4, 'GS V m n');
          events.push({ type: 'cut', partial: m === 66 || m === 98 || m === 104, feedDots: at(3) });
          i += 4; continue;
        }
        case 0x76: { // GS v 0 m xL xH yL yH raster image
          need(8, 'GS v 0');
          if (at(2) !== 0x30) fail('GS v (not 0)');
          const wBytes = at(4) + at(5) * 256;
          const h = at(6) + at(7) * 256;
          need(8 + wBytes * h, 'GS v 0 data');
          if (hasText()) flushLine();
          const rows: string[] = [];
          for (let y = 0; y < h; y++) {
            let row = '';
            for (let x = 0; x < wBytes; x++) {
              const v = bytes[i + 8 + y * wBytes + x]!;
              for (let bit = 7; bit >= 0; bit--) row += (v >> bit) & 1 ? '#' : '.';
            }
            rows.push(row);
          }
          events.push({ type: 'image', width: wBytes * 8, height: h, rows });
          i += 8 + wBytes * h; continue;
        }
        default:
          fail(`GS 0x${c.toString(16)}`);
      }
    }
    fail(`0x${b.toString(16)}`);
  }
  if (hasText()) flushLine(true);

  const lines = events.filter((e): e is LineEvent => e.type === 'line').map((e) => e.text.trimEnd());
  return {
    events,
    lines,
    barcodes: events.filter((e): e is BarcodeEvent => e.type === 'barcode'),
    qrs: events.filter((e): e is QrEvent => e.type === 'qr'),
    kicks: events.filter((e): e is KickEvent => e.type === 'kick'),
    cuts: events.filter((e): e is CutEvent => e.type === 'cut'),
    images: events.filter((e): e is ImageEvent => e.type === 'image'),
  };
}

/** Index (in events) of the last line with visible text. */
export function lastTextIndex(out: PrinterOutput): number {
  for (let k = out.events.length - 1; k >= 0; k--) {
    const e = out.events[k]!;
    if (e.type === 'line' && e.text.trim() !== '') return k;
  }
  return -1;
}
