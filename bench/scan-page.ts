/**
 * Runs in Chromium (real IndexedDB): a 100,000-product catalogue in the real read-model schema, the
 * real keyboard-wedge binding on the window, the real sell-screen lookup (findProductByCode from
 * src/store/queries.ts) and a minimal cart line render. Each scan is a burst of key events (13 digits
 * and Enter) dispatched on the page; latency runs from the Enter key event (the moment the scanner
 * has finished: no code can be known earlier) to the frame in which the line is on screen. The
 * baseline, in the same page and run: one raw IndexedDB index get() of the same barcode.
 */
import { withCheckDigit } from '../src/domain/barcode.ts';
import { nameTokens } from '../src/domain/catalog.ts';
import type { ProductDoc } from '../src/domain/documents.ts';
import { money } from '../src/domain/money.ts';
import { createScanStream } from '../src/hardware/scan-stream.ts';
import { bindWedge } from '../src/hardware/wedge-binding.ts';
import { findProductByCode } from '../src/store/queries.ts';
import { readModelDb, READ_MODEL_DB_NAME, type ProductRow } from '../src/store/schema.ts';

export interface ScanBenchResult {
  products: number;
  scans: number;
  scanToLineMs: number[];
  rawLookupMs: number[];
}

declare global {
  interface Window {
    comptoirScanBench: { run(products: number, scans: number): Promise<ScanBenchResult> };
  }
}

const barcodeOf = (i: number): string => withCheckDigit(`2${String(i).padStart(11, '0')}`);

async function seed(count: number): Promise<void> {
  const db = readModelDb();
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 5000) {
    const rows: ProductRow[] = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const name = `Produit ${i} confiture biscuit thé`;
      const doc: ProductDoc = { _id: `product:SKU-${i}`, type: 'product', sku: `SKU-${i}`, name, barcodes: [barcodeOf(i)], price: money(100 + (i % 5000)), priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'epicerie', stockTracked: true, updatedAt: now };
      rows.push({ ...doc, nameTokens: nameTokens(name) });
    }
    await db.products.bulkPut(rows);
  }
}

function rawLookup(idb: IDBDatabase, code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = idb.transaction('products').objectStore('products').index('barcodes').get(code);
    request.onsuccess = () => (request.result ? resolve(performance.now() - start) : reject(new Error(`not found: ${code}`)));
    request.onerror = () => reject(request.error);
  });
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(READ_MODEL_DB_NAME);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

async function run(products: number, scans: number): Promise<ScanBenchResult> {
  await seed(products);
  const list = document.createElement('ol');
  document.body.append(list);
  const stream = createScanStream();
  const wedge = bindWedge(window, (code, at) => stream.publish({ code, source: 'wedge', at }));
  let lineShown: ((at: number) => void) | null = null;
  // The sell screen's path: scan → findProductByCode → a line in the cart.
  stream.subscribe((scan) => {
    void findProductByCode(scan.code).then(async (p) => {
      const li = document.createElement('li');
      li.textContent = `${p?.name ?? '?'} — ${p?.price ?? 0}`;
      list.append(li);
      lineShown?.(await nextFrame());
    });
  });

  const scanToLineMs: number[] = [];
  const rawLookupMs: number[] = [];
  const idb = await openRaw();
  for (let n = 0; n < scans; n++) {
    const code = barcodeOf(Math.floor(Math.random() * products));
    rawLookupMs.push(await rawLookup(idb, code));
    const shown = new Promise<number>((resolve) => (lineShown = resolve));
    const target = document.body;
    for (const digit of code) target.dispatchEvent(new KeyboardEvent('keydown', { key: digit, code: `Digit${digit}`, bubbles: true, cancelable: true }));
    const enter = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true });
    target.dispatchEvent(enter);
    scanToLineMs.push((await shown) - enter.timeStamp);
    await new Promise((r) => setTimeout(r, 20)); // scans are seconds apart at a counter; let the page settle
  }
  idb.close();
  wedge.stop();
  return { products, scans, scanToLineMs, rawLookupMs };
}

window.comptoirScanBench = { run };
