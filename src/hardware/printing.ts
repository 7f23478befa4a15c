/**
 * Printing on this register: one DeviceManager + one PrintQueue per page, and the operations the
 * commands and screens use (receipt after a sale, reprint, test page, drawer kicks).
 *
 * After a sale (`afterSaleCommitted`, called by complete-sale once the sale is durable): when a
 * receipt printer is paired, a drawer kick (cash tendered or cash refunded) and the receipt are
 * enqueued with ref = the sale id, so calling it twice for one sale never prints or opens twice.
 * Without a printer nothing is queued: the cashier may ask for the browser's print dialog.
 * Nothing here throws into the sale flow.
 */
import { buildReceiptBytes, buildTestPageBytes, drawerKickBytes, type ReceiptContext } from '../documents/receipt-escpos.ts';
import { buildReceiptHtml } from '../documents/receipt-html.ts';
import type { SaleDoc } from '../domain/documents.ts';
import { getSale, getPairing, getStoreSettings } from '../store/queries.ts';
import { getPrintJob, listDevices } from '../store/hardware-queries.ts';
import { readModelDb, type DeviceRow } from '../store/schema.ts';
import { BrowserPrintTransport } from './browser-print-transport.ts';
import { DeviceManager } from './devices.ts';
import { logoFromDataUrl } from './logo.ts';
import { PrintQueue, toBase64, type PrintJob } from './print-queue.ts';
import { printerOptions, profileOf, pulseOf } from './printer-options.ts';

/** The browser's print dialog, available without pairing anything. */
export const BROWSER_DIALOG = 'browser-dialog';

interface Printing {
  devices: DeviceManager;
  queue: PrintQueue;
}

let instance: Printing | null = null;
let started: Promise<void> | null = null;

export function printing(): Printing {
  if (instance) return instance;
  const nav = typeof navigator !== 'undefined' ? (navigator as Navigator & { usb?: USB; serial?: Serial }) : null;
  let browser: BrowserPrintTransport | null = null;
  // The queue is created first; the manager tells it when a device comes back.
  const holder: { queue?: PrintQueue } = {};
  const devices = new DeviceManager({
    usb: nav?.usb ?? null,
    serial: nav?.serial ?? null,
    relay: async () => {
      const p = await getPairing();
      return p ? { serverUrl: p.serverUrl, storeId: p.storeId, token: p.token } : null;
    },
    onDeviceBack: (id) => void holder.queue?.retryFailed(id),
  });
  const queue = new PrintQueue({
    db: readModelDb(),
    transportFor: (id) => {
      if (id !== BROWSER_DIALOG) return devices.transportFor(id);
      browser ??= typeof document !== 'undefined' ? new BrowserPrintTransport(document) : null;
      return browser;
    },
  });
  holder.queue = queue;
  instance = { devices, queue };
  return instance;
}

/** Reconnects remembered devices, puts interrupted jobs back, and sends what is pending. */
export function startPrinting(): Promise<void> {
  started ??= (async () => {
    const { devices, queue } = printing();
    await queue.recover();
    await devices.start();
    await queue.run();
  })().catch((error: unknown) => console.error('[comptoir] printing did not start', error));
  return started;
}

/** The receipt printer: the first paired device with that role. */
export async function receiptPrinter(): Promise<DeviceRow | undefined> {
  return (await listDevices()).find((d) => d.role === 'receipt_printer');
}

async function receiptContext(sale: SaleDoc, printer: DeviceRow | undefined, reprint: boolean): Promise<ReceiptContext> {
  const [settings, pairing] = await Promise.all([getStoreSettings(), getPairing()]);
  const options = printerOptions(printer?.options);
  const logo = options.logoDataUrl ? await logoFromDataUrl(options.logoDataUrl, options.columns === 32 ? 384 : 512).catch(() => null) : null;
  return {
    shopName: settings?.name ?? 'Comptoir',
    address: settings?.address ?? [],
    legal: settings?.legal ?? [],
    registerName: pairing && pairing.registerId === sale.registerId ? pairing.registerName : sale.registerId,
    lang: settings?.locale === 'en' ? 'en' : 'fr',
    logo,
    reprint,
  };
}

/** Cash handed over or paid back: the drawer must open. */
export function opensDrawer(sale: Pick<SaleDoc, 'tenders'>): boolean {
  return sale.tenders.some((t) => t.kind === 'cash' && t.amount !== 0);
}

/** Hook for complete-sale: enqueue drawer kick + receipt for a committed sale. Never throws. */
export async function afterSaleCommitted(sale: SaleDoc): Promise<void> {
  try {
    const printer = await receiptPrinter();
    if (!printer) return;
    const { queue } = printing();
    const options = printerOptions(printer.options);
    const profile = profileOf(options);
    // The kick first: the cashier gives change while the receipt prints.
    if (opensDrawer(sale)) {
      await queue.enqueue({ kind: 'drawer', ref: sale._id, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(drawerKickBytes(pulseOf(options), profile)) } });
    }
    const bytes = buildReceiptBytes(sale, await receiptContext(sale, printer, false), profile);
    await queue.enqueue({ kind: 'receipt', ref: sale._id, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(bytes) } });
  } catch (error) {
    console.error('[comptoir] the receipt could not be queued', error);
  }
}

/** A new job marked DUPLICATA; on the paired printer, or the browser's dialog when there is none. */
export async function reprintReceipt(saleId: string): Promise<PrintJob | null> {
  const sale = await getSale(saleId);
  if (!sale) return null;
  const printer = await receiptPrinter();
  const { queue } = printing();
  const ctx = await receiptContext(sale, printer, true);
  if (!printer) return queue.enqueue({ kind: 'receipt-reprint', ref: sale._id, deviceId: BROWSER_DIALOG, payload: { encoding: 'html', data: buildReceiptHtml(sale, ctx) } });
  const bytes = buildReceiptBytes(sale, ctx, profileOf(printerOptions(printer.options)));
  return queue.enqueue({ kind: 'receipt-reprint', ref: sale._id, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(bytes) } });
}

/** The browser's print dialog for a sale, when the cashier asks and no printer is paired. */
export async function printInBrowser(saleId: string): Promise<PrintJob | null> {
  const sale = await getSale(saleId);
  if (!sale) return null;
  const html = buildReceiptHtml(sale, await receiptContext(sale, undefined, false));
  return printing().queue.enqueue({ kind: 'receipt-browser', ref: sale._id, deviceId: BROWSER_DIALOG, payload: { encoding: 'html', data: html } });
}

export async function printTestPage(device: DeviceRow, lang: 'fr' | 'en'): Promise<PrintJob> {
  const bytes = buildTestPageBytes({ printerName: device.name, lang, at: new Date().toISOString() }, profileOf(printerOptions(device.options)));
  return printing().queue.enqueue({ kind: 'test-page', ref: device.id, deviceId: device.id, payload: { encoding: 'base64', data: toBase64(bytes) } });
}

/**
 * Opens the drawer without a sale: a test from the devices screen, or a manager's override (ref =
 * the override or cash event id, so one authorisation opens it once).
 */
export async function kickDrawer(device: DeviceRow, ref: string, kind: 'test-drawer' | 'drawer' = 'test-drawer'): Promise<PrintJob> {
  const options = printerOptions(device.options);
  const bytes = drawerKickBytes(pulseOf(options), profileOf(options));
  return printing().queue.enqueue({ kind, ref, deviceId: device.id, payload: { encoding: 'base64', data: toBase64(bytes) } });
}

/** After a drawer_open cash event (manager override): kick the receipt printer's drawer once. */
export async function openDrawerFor(ref: string): Promise<PrintJob | null> {
  const printer = await receiptPrinter();
  return printer ? kickDrawer(printer, ref, 'drawer') : null;
}

/** The cashier's "Reprint" on a job: receipts become a DUPLICATA; test pages print again. */
export async function reprintJob(jobId: string): Promise<PrintJob | null> {
  const job = await getPrintJob(jobId);
  if (!job) return null;
  if (job.kind.startsWith('receipt')) return reprintReceipt(job.ref);
  if (job.kind === 'test-page') return printing().queue.enqueue({ kind: 'test-page', ref: job.ref, deviceId: job.deviceId, payload: job.payload });
  return null;
}

export function retryJob(jobId: string): Promise<boolean> {
  return printing().queue.retry(jobId);
}
