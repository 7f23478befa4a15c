/**
 * A small test-side ZPL II reader: turns a label into the fields a printer would draw, so tests assert
 * what is printed and where (^FO origin, ^A font, ^FD data decoded through ^FH hex escapes, barcodes
 * ^BC/^BE/^B8 with the ^BY module width), plus ^GB boxes and the label size (^PW/^LL).
 * Written from the ZPL II programming guide; it reads what label-zpl.ts emits and fails loudly on
 * commands it does not know, so a new command in the generator gets a deliberate test update.
 */

export type ZplBarcodeType = 'CODE128' | 'EAN13' | 'EAN8';

export interface ZplField {
  kind: 'text' | 'barcode';
  x: number;
  y: number;
  /** Decoded field data (UTF-8 through ^FH when present). */
  data: string;
  font?: { name: string; height: number; width: number };
  barcode?: { type: ZplBarcodeType; height: number; moduleWidth: number; printText: boolean };
}

export interface ZplLabel {
  width: number | null;
  height: number | null;
  charset: number | null;
  fields: ZplField[];
  boxes: Array<{ x: number; y: number; width: number; height: number; thickness: number }>;
}

const KNOWN = new Set(['XA', 'XZ', 'CI', 'PW', 'LL', 'LH', 'FO', 'A0', 'FH', 'FD', 'FS', 'BY', 'BC', 'BE', 'B8', 'GB']);

function decodeHex(data: string, indicator = '_'): string {
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const ch = data[i] as string;
    if (ch === indicator && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

const nums = (args: string): number[] => args.split(',').map((a) => Number(a.trim()));

/** Parses the first label (^XA … ^XZ) of `zpl`. */
export function parseZpl(zpl: string): ZplLabel {
  const label: ZplLabel = { width: null, height: null, charset: null, fields: [], boxes: [] };
  let inLabel = false;
  let origin = { x: 0, y: 0 };
  let font: ZplField['font'];
  let hex = false;
  let by = { moduleWidth: 2, height: 10 };
  let barcode: ZplField['barcode'];
  let data: string | null = null;
  let pendingBox: ZplLabel['boxes'][number] | null = null;

  for (const token of zpl.split(/(?=\^)/)) {
    const body = token.replace(/^\^/, '').replace(/\n$/, '');
    if (body.trim() === '') continue;
    const command = body.slice(0, 2);
    const args = body.slice(2);
    if (!KNOWN.has(command)) throw new Error(`unknown ZPL command ^${command}`);
    if (command === 'XA') inLabel = true;
    if (!inLabel) continue;
    switch (command) {
      case 'XZ':
        return label;
      case 'CI':
        label.charset = Number(args);
        break;
      case 'PW':
        label.width = Number(args);
        break;
      case 'LL':
        label.height = Number(args);
        break;
      case 'FO': {
        const [x = 0, y = 0] = nums(args);
        origin = { x, y };
        break;
      }
      case 'A0': {
        const [, h = 0, w = 0] = args.split(',');
        font = { name: '0', height: Number(h), width: Number(w) };
        break;
      }
      case 'FH':
        hex = true;
        break;
      case 'BY': {
        const [w = 2, , h = 10] = nums(args);
        by = { moduleWidth: w, height: h };
        break;
      }
      case 'BC':
      case 'BE':
      case 'B8': {
        const [, h, interpretation] = args.split(',');
        const type: ZplBarcodeType = command === 'BC' ? 'CODE128' : command === 'BE' ? 'EAN13' : 'EAN8';
        barcode = { type, height: h ? Number(h) : by.height, moduleWidth: by.moduleWidth, printText: interpretation !== 'N' };
        break;
      }
      case 'GB': {
        const [width = 1, height = 1, thickness = 1] = nums(args);
        pendingBox = { x: origin.x, y: origin.y, width, height, thickness };
        break;
      }
      case 'FD':
        data = hex ? decodeHex(args) : args;
        break;
      case 'FS':
        if (pendingBox !== null) label.boxes.push(pendingBox);
        else if (data !== null) {
          label.fields.push(barcode ? { kind: 'barcode', x: origin.x, y: origin.y, data, barcode } : { kind: 'text', x: origin.x, y: origin.y, data, ...(font ? { font } : {}) });
        }
        // Field-scoped state ends with the field.
        data = null;
        hex = false;
        barcode = undefined;
        pendingBox = null;
        break;
      default:
        break;
    }
  }
  throw new Error('ZPL label without ^XZ');
}

/** Text fields whose data contains `needle`. */
export function textFields(label: ZplLabel, needle: string): ZplField[] {
  return label.fields.filter((f) => f.kind === 'text' && f.data.includes(needle));
}

export function barcodes(label: ZplLabel): ZplField[] {
  return label.fields.filter((f) => f.kind === 'barcode');
}
