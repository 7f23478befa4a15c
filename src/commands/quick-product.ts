/**
 * Create a product on the spot for an unknown barcode (a manager's action): product:<sku> with the
 * scanned code, the name, price and VAT rate typed in. Registers may create products but never change
 * one (the server refuses a second revision), so an existing SKU is refused here first.
 */
import { classifyBarcode } from '../domain/barcode.ts';
import { productId, productProblems } from '../domain/catalog.ts';
import type { ProductDoc, VatRateBp } from '../domain/documents.ts';
import type { Money } from '../domain/money.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { stampWrite } from '../domain/field-clock.ts';
import { findProductByCode, getPairing, getStoreSettings } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface QuickProductInput {
  barcode: string;
  name: string;
  /** Tax-inclusive unit price. */
  price: Money;
  vatRate: VatRateBp;
}

export type QuickProductRefusal =
  | { kind: 'no_store_settings' }
  | { kind: 'exists'; sku: string }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'not_saved'; message: string };

/** A GTIN keeps the catalogue's SKU space free: "QP-<code>"; a Code 128 SKU is the SKU itself. */
export function quickSku(barcode: string): string {
  const kind = classifyBarcode(barcode);
  return kind === null || kind === 'code128' ? barcode : `QP-${barcode}`;
}

export async function createQuickProduct(input: QuickProductInput, deps?: Partial<CommandDeps>): Promise<Result<ProductDoc, QuickProductRefusal>> {
  const d = withDefaults(deps);
  const settings = await getStoreSettings();
  if (settings === undefined) return err({ kind: 'no_store_settings' });
  const barcode = input.barcode.trim();
  const sku = quickSku(barcode);
  const existing = await findProductByCode(barcode);
  if (existing) return err({ kind: 'exists', sku: existing.sku });
  const at = d.now();
  const created: ProductDoc = {
    _id: productId(sku),
    type: 'product',
    sku,
    name: input.name.trim(),
    barcodes: [barcode],
    price: input.price,
    priceIncludesTax: true,
    vatRate: input.vatRate,
    currency: settings.currency,
    category: 'Création rapide',
    stockTracked: false,
    updatedAt: at.toISOString(),
  };
  // Stamped like every product write, so two registers creating it offline merge field-wise (ADR 0015).
  const doc = stampWrite(created, undefined, (await getPairing())?.registerId ?? 'unpaired', at.getTime());
  const problems = productProblems(doc);
  if (problems.length > 0) return err({ kind: 'invalid', problems });
  try {
    const { rev } = await d.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (e) {
    if ((e as { name?: unknown }).name === 'ConflictError') return err({ kind: 'exists', sku });
    return err({ kind: 'not_saved', message: e instanceof Error ? e.message : String(e) });
  }
}
