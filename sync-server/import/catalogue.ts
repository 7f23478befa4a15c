/**
 * Catalogue imports: a platform's products (to start a store linked to a web shop) and a CSV file
 * (sku;name;price;vat;barcode;stock). Products are upserted as product:<sku> (fields the import does
 * not know — category, VAT rate when not given — are kept from the existing document); a stock figure
 * becomes a `count` movement (stock:server:<ulid>) only when it differs from what the store has on hand,
 * so importing the same catalogue twice writes nothing. Everything is validated before anything is
 * written: one bad CSV line and nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { classifyBarcode } from '../../src/domain/barcode.ts';
import type { ProductDoc, StockMovementDoc, StoreSettingsDoc } from '../../src/domain/documents.ts';
import { createUlid, stockMovementId } from '../../src/domain/ids.ts';
import { money } from '../../src/domain/money.ts';
import { parseMoney } from '../../src/domain/money-format.ts';
import { stockOnHand, stockKey, type StockMovement } from '../../src/domain/stock.ts';
import { parseStoreDoc } from '../../src/domain/validate.ts';
import { isValidVatRate } from '../../src/domain/vat.ts';
import type { StoreDb } from '../db/backend.ts';
import { getOrNull } from '../inbox/private-db.ts';
import { sameContent } from '../inbox/build-web-order.ts';

export interface CatalogueRow {
  sku: string;
  name: string;
  price: number;
  /** Basis points; undefined keeps the existing rate (or 20 % for a new product). */
  vatRate?: number;
  barcode?: string;
  stock?: number;
}

export interface CatalogueOutcome {
  created: number;
  updated: number;
  unchanged: number;
  stockCounts: number;
  /** Problems that did not stop the import (e.g. an invalid barcode left out). */
  warnings: string[];
}

export class CatalogueError extends Error {
  constructor(public readonly errors: Array<{ line: number; reason: string }>) {
    super(errors.map((e) => `line ${e.line}: ${e.reason}`).join('; '));
  }
}

const ulid = createUlid(() => Date.now(), (n) => new Uint8Array(randomBytes(n)));

/** Parses sku;name;price;vat;barcode;stock (header optional, "," or "." decimals). Throws CatalogueError with every bad line. */
export function parseCatalogueCsv(text: string, currency: string): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(';').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    if (i === 0 && cells[0]?.toLowerCase() === 'sku') return; // header
    if (cells.length < 3 || cells.length > 6) return void errors.push({ line, reason: `expected 3 to 6 fields separated by ";" (sku;name;price;vat;barcode;stock), got ${cells.length}` });
    const [sku = '', name = '', priceText = '', vatText = '', barcode = '', stockText = ''] = cells;
    const problems: string[] = [];
    if (!/^[^\s:]{1,64}$/.test(sku)) problems.push(`sku "${sku}" must be 1 to 64 characters without spaces or ":"`);
    else if (seen.has(sku)) problems.push(`sku "${sku}" already on line ${seen.get(sku)}`);
    if (name === '') problems.push('name is empty');
    const price = parseMoney(priceText, { locale: 'fr-FR', currency });
    if (!price.ok) problems.push(`price "${priceText}": ${price.error.message}`);
    else if (price.value < 0) problems.push(`price "${priceText}" is negative`);
    let vatRate: number | undefined;
    if (vatText !== '') {
      const v = Number(vatText.replace('%', '').replace(',', '.').trim());
      vatRate = Math.round(v * 100);
      if (!Number.isFinite(v) || !isValidVatRate(vatRate)) problems.push(`vat "${vatText}" must be a percentage such as 20 or 5,5`);
    }
    if (barcode !== '' && classifyBarcode(barcode) === null) problems.push(`barcode "${barcode}" is not a valid EAN-13, EAN-8, UPC-A or Code 128 code`);
    let stock: number | undefined;
    if (stockText !== '') {
      stock = Number(stockText);
      if (!Number.isSafeInteger(stock) || stock < 0) problems.push(`stock "${stockText}" must be a whole number ≥ 0`);
    }
    if (problems.length > 0) return void errors.push({ line, reason: problems.join('; ') });
    seen.set(sku, line);
    rows.push({ sku, name, price: price.ok ? price.value : 0, ...(vatRate !== undefined ? { vatRate } : {}), ...(barcode ? { barcode } : {}), ...(stock !== undefined ? { stock } : {}) });
  });
  if (errors.length > 0) throw new CatalogueError(errors);
  if (rows.length === 0) throw new CatalogueError([{ line: 1, reason: 'no product lines' }]);
  return rows;
}

/** Upserts products and stock counts; validates every document before writing any. */
export async function importCatalogue(db: StoreDb, rows: CatalogueRow[], source: string): Promise<CatalogueOutcome> {
  const settings = await getOrNull<StoreSettingsDoc>(db, 'store:settings');
  const currency = settings?.currency ?? 'EUR';
  const location = settings?.defaultLocation ?? 'shop';
  const now = new Date().toISOString();
  const warnings: string[] = [];
  const existingRes = await db.allDocs({ keys: rows.map((r) => `product:${r.sku}`), include_docs: true });
  const existing = new Map<string, ProductDoc & { _rev: string }>();
  for (const row of existingRes.rows) {
    const doc = (row as { doc?: (ProductDoc & { _rev: string }) | null }).doc;
    if (doc && doc.type === 'product') existing.set(doc.sku, doc);
  }
  const movementsRes = await db.allDocs({ startkey: 'stock:', endkey: 'stock:\uffff', include_docs: true });
  const onHand = stockOnHand(movementsRes.rows.map((r) => r.doc as unknown as StockMovement).filter(Boolean));

  const products: Array<ProductDoc & { _rev?: string }> = [];
  const movements: StockMovementDoc[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  let unchanged = 0;
  rows.forEach((r, i) => {
    const prev = existing.get(r.sku);
    let barcodes = prev?.barcodes ?? [];
    if (r.barcode) {
      if (classifyBarcode(r.barcode) === null) warnings.push(`${r.sku}: barcode "${r.barcode}" is not valid and was left out`);
      else if (!barcodes.includes(r.barcode)) barcodes = [r.barcode, ...barcodes];
    }
    const doc: ProductDoc & { _rev?: string } = {
      _id: `product:${r.sku}`,
      ...(prev ? { _rev: prev._rev } : {}),
      type: 'product',
      sku: r.sku,
      name: r.name,
      barcodes,
      price: money(r.price),
      priceIncludesTax: prev?.priceIncludesTax ?? true,
      vatRate: r.vatRate ?? prev?.vatRate ?? 2000,
      currency: prev?.currency ?? currency,
      category: prev?.category ?? '',
      stockTracked: r.stock !== undefined ? true : prev?.stockTracked ?? false,
      updatedAt: prev?.updatedAt ?? now,
    };
    if (prev && sameContent(prev, doc)) unchanged++;
    else {
      doc.updatedAt = now;
      const parsed = parseStoreDoc(doc);
      if (!parsed.ok) errors.push({ line: i + 1, reason: `${r.sku}: ${parsed.error}` });
      else products.push(doc);
    }
    if (r.stock !== undefined && onHand.get(stockKey(r.sku, location)) !== r.stock) {
      movements.push({ _id: stockMovementId('server', ulid()), type: 'stock_movement', sku: r.sku, location, reason: 'count', quantity: r.stock, at: now, ref: source });
    }
  });
  if (errors.length > 0) throw new CatalogueError(errors);
  const docs = [...products, ...movements];
  if (docs.length > 0) {
    const results = await db.bulkDocs(docs as Array<PouchDB.Core.PutDocument<object>>);
    const failed = results.filter((r) => 'error' in r && r.error);
    if (failed.length > 0) throw new Error(`${failed.length} document(s) could not be written (first: ${JSON.stringify(failed[0])})`);
  }
  return {
    created: products.filter((p) => !p._rev).length,
    updated: products.filter((p) => p._rev).length,
    unchanged,
    stockCounts: movements.length,
    warnings,
  };
}
