/**
 * Printing labels through the print queue (durable, retryable, visible like receipts): ZPL bytes to
 * the paired label printer (role 'label_printer': USB, serial or network transport), or the printable
 * HTML page to the browser's dialog when there is none (or it is a "browser" printer).
 */
import { shelfLabelFromProduct, shippingLabelFromOrder, type UnitPricing } from '../documents/label-data.ts';
import { shelfLabelsHtml, shippingLabelHtml } from '../documents/label-html.ts';
import { shelfLabelZpl, shippingLabelZpl } from '../documents/label-zpl.ts';
import type { ProductDoc, WebOrderDoc } from '../domain/documents.ts';
import { listDevices, putDevice, type DeviceRow } from '../store/hardware-queries.ts';
import { getStoreSettings } from '../store/queries.ts';
import { toBase64, type PrintJob } from './print-queue.ts';
import { BROWSER_DIALOG, printing } from './printing.ts';

export async function labelPrinter(): Promise<DeviceRow | undefined> {
  return (await listDevices()).find((d) => d.role === 'label_printer');
}

/** Turns a device paired through the printers' manager into the label printer. */
export async function markAsLabelPrinter(row: DeviceRow): Promise<DeviceRow> {
  const next: DeviceRow = { ...row, role: 'label_printer', name: row.name };
  await putDevice(next);
  return next;
}

/** A paired label printer that takes ZPL (a "browser" one prints through the dialog, as HTML). */
export function takesZpl(printer: DeviceRow | undefined): printer is DeviceRow {
  return printer !== undefined && printer.kind !== 'browser';
}

async function enqueueLabel(kind: string, ref: string, zpl: () => string, html: () => string): Promise<PrintJob> {
  const printer = await labelPrinter();
  const { queue } = printing();
  if (!takesZpl(printer)) {
    return queue.enqueue({ kind, ref, deviceId: BROWSER_DIALOG, payload: { encoding: 'html', data: html() } });
  }
  return queue.enqueue({ kind, ref, deviceId: printer.id, payload: { encoding: 'base64', data: toBase64(new TextEncoder().encode(zpl())) } });
}

export async function printShippingLabel(
  order: Pick<WebOrderDoc, '_id' | 'orderNumber' | 'customer' | 'shippingAddress' | 'shippingMethod'>,
  tracking: { carrier: string; number: string } | null = null,
): Promise<PrintJob> {
  const settings = await getStoreSettings();
  const label = shippingLabelFromOrder(order, { name: settings?.name ?? '', address: settings?.address ?? [] }, tracking);
  return enqueueLabel('label-shipping', order._id, () => shippingLabelZpl(label), () => shippingLabelHtml(label));
}

export async function printShelfLabels(products: ReadonlyArray<{ product: ProductDoc; unit?: UnitPricing | null }>): Promise<PrintJob> {
  const labels = products.map(({ product, unit }) => shelfLabelFromProduct(product, unit ?? null));
  const ref = products.map((p) => p.product.sku).join(',');
  return enqueueLabel('label-shelf', ref, () => labels.map((l) => shelfLabelZpl(l)).join(''), () => shelfLabelsHtml(labels));
}
