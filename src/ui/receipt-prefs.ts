/**
 * Device-local receipt preferences: the paper layout of this register (58 mm, 80 mm roll or A4) and
 * how many times each receipt was printed here (a reprint is marked DUPLICATA). UI preferences, not
 * shop data: kept in localStorage, keyed by register.
 */
import { createSignal } from 'solid-js';

export type ReceiptLayout = '58mm' | '80mm' | 'A4';
export const RECEIPT_LAYOUTS: readonly ReceiptLayout[] = ['58mm', '80mm', 'A4'];

const layoutKey = (registerId: string): string => `comptoir.receipt-layout.${registerId}`;
const COUNT_KEY = 'comptoir.print-counts';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // not persisted
  }
}

const [layoutVersion, bump] = createSignal(0);

export function receiptLayout(registerId: string): ReceiptLayout {
  layoutVersion();
  const saved = read(layoutKey(registerId));
  return saved === '58mm' || saved === 'A4' ? saved : '80mm';
}

export function setReceiptLayout(registerId: string, layout: ReceiptLayout): void {
  write(layoutKey(registerId), layout);
  bump((n) => n + 1);
}

function counts(): Record<string, number> {
  try {
    const parsed = JSON.parse(read(COUNT_KEY) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** How many times this sale's receipt was printed on this device. */
export function printCount(saleId: string): number {
  layoutVersion();
  return counts()[saleId] ?? 0;
}

const PAGE_SIZES: Record<ReceiptLayout, string> = { '58mm': '58mm auto', '80mm': '80mm auto', A4: 'A4' };

/**
 * Prints through the browser's dialog with the register's layout (the @page size cannot depend on a
 * class, so it is injected for the print), then counts the print: the next one is a duplicate.
 */
export function printReceipt(saleId: string, registerId: string): void {
  const layout = receiptLayout(registerId);
  let style = document.getElementById('receipt-page-size') as HTMLStyleElement | null;
  if (style === null) {
    style = document.createElement('style');
    style.id = 'receipt-page-size';
    document.head.append(style);
  }
  style.textContent = `@media print { @page { size: ${PAGE_SIZES[layout]}; margin: ${layout === 'A4' ? '15mm' : '0'}; } }`;
  document.body.dataset['receiptLayout'] = layout;
  window.print();
  const all = counts();
  all[saleId] = (all[saleId] ?? 0) + 1;
  write(COUNT_KEY, JSON.stringify(all));
  bump((n) => n + 1);
}
