/**
 * A receipt printer's settings, kept in its DeviceRow `options` (device-local): paper width, code
 * page, command language, drawer pin and pulse, serial line settings, logo. Read with defaults, so a
 * row written by an older version still works.
 */
import type { DrawerPulse, PrinterProfile, ReceiptColumns } from '../documents/receipt-escpos.ts';
import type { SerialSettings } from './serial-transport.ts';

export interface PrinterOptions {
  language: PrinterProfile['language'];
  columns: ReceiptColumns;
  codePage: string;
  drawerPin: 2 | 5;
  pulseOnMs: number;
  pulseOffMs: number;
  baudRate: number;
  flowControl: SerialSettings['flowControl'];
  /** Network printers: the printer's id in the sync server's configuration. */
  printerId?: string;
  /** Optional shop logo printed at the top (a data URL; rasterised when the receipt is built). */
  logoDataUrl?: string;
}

export const DEFAULT_OPTIONS: PrinterOptions = {
  language: 'esc-pos',
  columns: 42,
  codePage: 'cp858',
  drawerPin: 2,
  pulseOnMs: 100,
  pulseOffMs: 500,
  baudRate: 9600,
  flowControl: 'hardware',
};

export const CODE_PAGES = ['cp858', 'windows1252', 'cp850', 'cp437'] as const;

export function printerOptions(raw: Record<string, unknown> | undefined): PrinterOptions {
  const o = { ...DEFAULT_OPTIONS, ...(raw ?? {}) } as PrinterOptions;
  if (![32, 42, 48].includes(o.columns)) o.columns = DEFAULT_OPTIONS.columns;
  if (o.language !== 'esc-pos' && o.language !== 'star-prnt') o.language = 'esc-pos';
  if (o.drawerPin !== 2 && o.drawerPin !== 5) o.drawerPin = 2;
  return o;
}

export function profileOf(o: PrinterOptions): PrinterProfile {
  return { language: o.language, columns: o.columns, codePage: o.codePage, feedBeforeCut: 4 };
}

export function pulseOf(o: PrinterOptions): DrawerPulse {
  return { pin: o.drawerPin, onMs: o.pulseOnMs, offMs: o.pulseOffMs };
}

export function serialOf(o: PrinterOptions): SerialSettings {
  return { baudRate: o.baudRate, flowControl: o.flowControl, dataBits: 8, stopBits: 1, parity: 'none' };
}
