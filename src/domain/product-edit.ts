/**
 * A manager's product edit (issue 7): what the product form holds, checked field by field, turned
 * into the next revision of product:<sku>. Also the rule a server applies to a register's product
 * write (checkRegisterProductWrite): registers create products and, by a manager, edit them; the
 * server's price watch then pushes a changed price to the linked web stores.
 * Pure: the caller supplies the locale, the currency, the clock and what the catalogue already holds.
 */
import { classifyBarcode, gtinCheckDigit, isValidGtin } from './barcode.ts';
import { normaliseBarcode, productId } from './catalog.ts';
import type { ProductDoc, VatRateBp } from './documents.ts';
import { parseMoney, type MoneyLocale, type MoneyParseErrorCode } from './money-format.ts';
import type { CurrencyCode, Money } from './money.ts';
import { err, ok, type Result } from './result.ts';
import { parseStoreDoc } from './validate.ts';
import { isValidVatRate } from './vat.ts';

/** A product as registers write it: who changed it last (a staff id), for the server and the history. */
export type EditedProductDoc = ProductDoc & { updatedBy?: string };

/** What the form holds, as typed. */
export interface ProductDraft {
  sku: string;
  name: string;
  /** One per entry; entries may also hold several codes separated by spaces, commas or new lines. */
  barcodes: readonly string[];
  /** The price as typed ("12,50"), tax-inclusive unless the product says otherwise. */
  price: string;
  vatRate: VatRateBp;
  category: string;
  stockTracked: boolean;
}

export const MAX_SKU_LENGTH = 48;
export const MAX_NAME_LENGTH = 120;
export const MAX_CATEGORY_LENGTH = 60;
export const MAX_BARCODES = 10;
/** Letters, digits and . _ - / + : printable as a Code 128 shelf label, safe in ids and stock keys. */
const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/+]*$/;

export type ProductProblem =
  | { field: 'sku'; code: 'required' | 'invalid' | 'too_long' | 'taken' | 'changed' }
  | { field: 'name'; code: 'required' | 'too_long' }
  | { field: 'barcodes'; code: 'invalid' | 'duplicate' | 'too_many'; value: string }
  | { field: 'barcodes'; code: 'check_digit'; value: string; expected: number }
  | { field: 'barcodes'; code: 'taken'; value: string; sku: string }
  | { field: 'price'; code: MoneyParseErrorCode | 'negative' }
  | { field: 'vatRate'; code: 'invalid' }
  | { field: 'category'; code: 'too_long' };

/** The fields of a valid draft, normalised. */
export interface ProductFields {
  sku: string;
  name: string;
  barcodes: string[];
  price: Money;
  vatRate: VatRateBp;
  category: string;
  stockTracked: boolean;
}

export interface DraftContext {
  locale: MoneyLocale;
  currency: CurrencyCode;
  /** The product being edited; absent when creating one. */
  existing?: ProductDoc;
  /** Whether a SKU already names another product (creation only). */
  skuTaken?: (sku: string) => boolean;
  /** The SKU of the product that already carries a code, if any (this product's own codes excepted). */
  barcodeOwner?: (code: string) => string | undefined;
}

/** Splits what was typed into codes: trimmed (scanner CR/LF/Tab too), empty entries dropped. */
export function splitBarcodes(entries: readonly string[]): string[] {
  return entries.flatMap((e) => e.split(/[\s,;]+/)).map(normaliseBarcode).filter((c) => c !== '');
}

/** GTINs are one number at several lengths: "036000291452" and "0036000291452" are the same code. */
function sameCodeKey(code: string): string {
  return isValidGtin(code) ? code.padStart(14, '0') : code;
}

function barcodeProblems(codes: readonly string[], ctx: DraftContext, sku: string): ProductProblem[] {
  const problems: ProductProblem[] = [];
  if (codes.length > MAX_BARCODES) problems.push({ field: 'barcodes', code: 'too_many', value: String(codes.length) });
  const seen = new Set<string>();
  for (const code of codes) {
    if (/^(\d{8}|\d{12}|\d{13})$/.test(code) && !isValidGtin(code)) {
      problems.push({ field: 'barcodes', code: 'check_digit', value: code, expected: gtinCheckDigit(code.slice(0, -1)) });
      continue;
    }
    if (classifyBarcode(code) === null) {
      problems.push({ field: 'barcodes', code: 'invalid', value: code });
      continue;
    }
    const key = sameCodeKey(code);
    if (seen.has(key)) {
      problems.push({ field: 'barcodes', code: 'duplicate', value: code });
      continue;
    }
    seen.add(key);
    const owner = ctx.barcodeOwner?.(code);
    if (owner !== undefined && owner !== sku) problems.push({ field: 'barcodes', code: 'taken', value: code, sku: owner });
  }
  return problems;
}

/** Checks every field at once (one problem per mistake) and normalises what is kept. */
export function validateProductDraft(draft: ProductDraft, ctx: DraftContext): Result<ProductFields, ProductProblem[]> {
  const problems: ProductProblem[] = [];
  const sku = draft.sku.trim();
  if (ctx.existing !== undefined) {
    if (sku !== ctx.existing.sku) problems.push({ field: 'sku', code: 'changed' });
  } else if (sku === '') problems.push({ field: 'sku', code: 'required' });
  else if (sku.length > MAX_SKU_LENGTH) problems.push({ field: 'sku', code: 'too_long' });
  else if (!SKU_PATTERN.test(sku)) problems.push({ field: 'sku', code: 'invalid' });
  else if (ctx.skuTaken?.(sku) === true) problems.push({ field: 'sku', code: 'taken' });

  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.push({ field: 'name', code: 'required' });
  else if (name.length > MAX_NAME_LENGTH) problems.push({ field: 'name', code: 'too_long' });

  const barcodes = splitBarcodes(draft.barcodes);
  problems.push(...barcodeProblems(barcodes, ctx, sku));

  const price = parseMoney(draft.price, { locale: ctx.locale, currency: ctx.currency });
  if (!price.ok) problems.push({ field: 'price', code: price.error.code });
  else if (price.value < 0) problems.push({ field: 'price', code: 'negative' });

  if (!isValidVatRate(draft.vatRate)) problems.push({ field: 'vatRate', code: 'invalid' });
  const category = draft.category.trim().replace(/\s+/g, ' ');
  if (category.length > MAX_CATEGORY_LENGTH) problems.push({ field: 'category', code: 'too_long' });

  if (problems.length > 0 || !price.ok) return err(problems);
  return ok({ sku, name, barcodes, price: price.value, vatRate: draft.vatRate, category, stockTracked: draft.stockTracked });
}

/** The form's starting values for a product (the price as it would be typed in `locale`). */
export function draftOf(product: ProductDoc, priceText: string): ProductDraft {
  return {
    sku: product.sku,
    name: product.name,
    barcodes: [...product.barcodes],
    price: priceText,
    vatRate: product.vatRate,
    category: product.category,
    stockTracked: product.stockTracked,
  };
}

const EDITABLE = ['name', 'barcodes', 'price', 'vatRate', 'category', 'stockTracked'] as const;
export type EditableField = (typeof EDITABLE)[number];

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The editable fields that differ between two versions of a product. */
export function changedFields(before: Pick<ProductDoc, EditableField>, after: Pick<ProductDoc, EditableField>): EditableField[] {
  return EDITABLE.filter((f) => !sameValue(before[f], after[f]));
}

/**
 * The next revision of a product: the fields the manager changed (relative to `base`, what the form
 * was opened on) laid over `current` (the latest revision known now), so that an edit made elsewhere
 * meanwhile to another field is kept. Fields this form does not know are carried over untouched.
 * A new product (no current) gets tax-inclusive pricing in the shop's currency.
 */
export function buildProductRevision(
  fields: ProductFields,
  opts: { current?: EditedProductDoc; base?: ProductDoc; currency: CurrencyCode; at: string; by: string },
): EditedProductDoc {
  const { current, base } = opts;
  const edited: Pick<ProductDoc, EditableField> = {
    name: fields.name,
    barcodes: fields.barcodes,
    price: fields.price,
    vatRate: fields.vatRate,
    category: fields.category,
    stockTracked: fields.stockTracked,
  };
  if (current === undefined) {
    return { _id: productId(fields.sku), type: 'product', sku: fields.sku, ...edited, priceIncludesTax: true, currency: opts.currency, updatedAt: opts.at, updatedBy: opts.by };
  }
  const changes = base === undefined ? EDITABLE : changedFields(base, edited);
  const next: EditedProductDoc = { ...current, updatedAt: opts.at, updatedBy: opts.by };
  for (const f of changes) (next as unknown as Record<string, unknown>)[f] = edited[f];
  return next;
}

/**
 * Whether a register may write this product document (the server's rule, kept here so that the
 * register refuses the same things first). `previous` is the stored revision (null: a creation).
 * A creation is the quick product of issue 3 or a manager's new product; a new revision must name a
 * manager in updatedBy (`isManager` answers from the store's staff documents), keep the SKU and the
 * currency, and may never delete the product.
 */
export function checkRegisterProductWrite(
  doc: unknown,
  previous: ProductDoc | null,
  isManager: (staffId: string) => boolean,
): Result<EditedProductDoc, string> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return err('a document must be a JSON object');
  const o = doc as Record<string, unknown>;
  if (o['_deleted'] === true) return err('registers may create and edit products but never delete one');
  if (o['type'] !== 'product') return err(`type: must be "product" for this id, got ${JSON.stringify(o['type'])}`);
  const parsed = parseStoreDoc(o);
  if (!parsed.ok) return err(parsed.error);
  const product = parsed.value as EditedProductDoc;
  if (o['updatedBy'] !== undefined && typeof o['updatedBy'] !== 'string') return err('updatedBy: must be a staff id');
  if (previous === null) return ok(product);
  if (typeof product.updatedBy !== 'string' || !isManager(product.updatedBy)) {
    return err('updatedBy: only a manager may change a product (name an active manager of the store)');
  }
  if (product.sku !== previous.sku) return err(`sku: a product's SKU never changes (was "${previous.sku}")`);
  if (product.currency !== previous.currency) return err(`currency: must stay "${previous.currency}"`);
  return ok(product);
}
