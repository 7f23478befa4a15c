/**
 * Catalogue rules shared by the importer (server), the read model (product indexes) and the sell
 * screen (scan → product). Everything here is about matching what a person or a scanner produced to a
 * product, so it is forgiving about form (spaces, accents, case) and strict about meaning (check digits).
 */
import { classifyBarcode, isValidGtin } from './barcode.ts';
import type { ProductDoc } from './documents.ts';
import { isValidVatRate } from './vat.ts';

export function productId(sku: string): string {
  return `product:${sku}`;
}

/**
 * Scanners in keyboard-wedge mode end a code with CR, LF or Tab, and hand-typed codes carry stray
 * spaces. AIM symbology prefixes ("]E0") are not stripped: scanners ship with them off, and "]" is a
 * legal first character of a Code 128 SKU, so stripping would misread real SKUs.
 */
export function normaliseBarcode(scan: string): string {
  return scan.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
}

/**
 * GTINs are one number written at different lengths: a UPC-A "036000291452" is the EAN-13
 * "0036000291452", and scanners report either form depending on their settings.
 */
function gtinKey(code: string): string | null {
  return isValidGtin(code) ? code.padStart(14, '0') : null;
}

export function productMatchesCode(product: Pick<ProductDoc, 'sku' | 'barcodes'>, code: string): boolean {
  const scanned = normaliseBarcode(code);
  if (scanned === '') return false;
  if (product.sku === scanned) return true;
  const scannedGtin = gtinKey(scanned);
  return product.barcodes.some((b) => b === scanned || (scannedGtin !== null && gtinKey(b) === scannedGtin));
}

export function findProductByCode<P extends Pick<ProductDoc, 'sku' | 'barcodes'>>(
  products: Iterable<P>,
  code: string,
): P | undefined {
  for (const p of products) if (productMatchesCode(p, code)) return p;
  return undefined;
}

// NFD leaves these whole; people search "oeuf" for "œuf".
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/**
 * Search tokens of a product name: lowercase, accents removed, split on anything that is not a letter
 * or a digit, without duplicates. "Crème brûlée" → ["creme", "brulee"]. The read model indexes these
 * (multi-entry), and the search box tokenises queries the same way, so both sides agree.
 */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c);
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  return [...new Set(tokens)];
}

/** True when every query token is a prefix of some name token: "cre bru" finds "Crème brûlée". */
export function nameMatchesQuery(name: string, query: string): boolean {
  const queryTokens = nameTokens(query);
  if (queryTokens.length === 0) return false;
  const tokens = nameTokens(name);
  return queryTokens.every((q) => tokens.some((t) => t.startsWith(q)));
}

/**
 * Business rules of a product, one message per problem, each naming its field. Shape checks of
 * untrusted input live in validate.ts, which calls this once the shape is right.
 */
export function productProblems(p: ProductDoc): string[] {
  const problems: string[] = [];
  if (p.sku.trim() === '' || p.sku !== p.sku.trim()) problems.push('sku: must be non-empty without surrounding spaces');
  if (p._id !== productId(p.sku)) problems.push(`_id: must be "${productId(p.sku)}", got "${p._id}"`);
  if (p.name.trim() === '') problems.push('name: must not be empty');
  p.barcodes.forEach((b, i) => {
    if (classifyBarcode(b) === null) problems.push(`barcodes[${i}]: "${b}" is not a valid EAN-13, EAN-8, UPC-A (check digit) or Code 128 code`);
  });
  const seen = new Set<string>();
  p.barcodes.forEach((b, i) => {
    const key = gtinKey(b) ?? b;
    if (seen.has(key)) problems.push(`barcodes[${i}]: "${b}" is listed twice`);
    seen.add(key);
  });
  if (!Number.isSafeInteger(p.price) || p.price < 0) problems.push(`price: must be a non-negative whole number of minor units, got ${p.price}`);
  if (!isValidVatRate(p.vatRate)) problems.push(`vatRate: must be an integer of basis points in 0..10000, got ${p.vatRate}`);
  if (!/^[A-Z]{3}$/.test(p.currency)) problems.push(`currency: must be an ISO 4217 code such as "EUR", got "${p.currency}"`);
  return problems;
}
