/**
 * A manager creates or edits a product (issue 7): the draft is checked (domain/product-edit.ts), the
 * next revision of product:<sku> is built from the latest one the register knows and committed to
 * the replica, from where it replicates; the server pushes a changed price or name to the linked web stores.
 * Only a manager may do it: the signed-in one, or one who types their PIN for this save.
 * An edit keeps what another register changed meanwhile in other fields: only the fields this
 * manager changed are laid over the latest revision (retried on a conflict once it is projected).
 */
import type { ProductDoc } from '../domain/documents.ts';
import { stampWrite } from '../domain/field-clock.ts';
import type { MoneyLocale } from '../domain/money-format.ts';
import type { CurrencyCode } from '../domain/money.ts';
import {
  buildProductRevision,
  changedFields,
  checkRegisterProductWrite,
  splitBarcodes,
  validateProductDraft,
  type EditableField,
  type EditedProductDoc,
  type ProductDraft,
  type ProductFields,
  type ProductProblem,
} from '../domain/product-edit.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { barcodeOwner, getProduct } from '../store/product-queries.ts';
import { getPairing, getStoreSettings } from '../store/queries.ts';
import type { ProductRow } from '../store/schema.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { checkStaffPin, currentStaff, type StaffRefusal, type StaffSession } from './session.ts';

/** Who authorises the save: the manager signed in on this register, or a manager's PIN typed now. */
export type ManagerAuth = { kind: 'signed_in' } | { kind: 'pin'; staffId: string; pin: string };

export type ManagerRefusal = { kind: 'not_manager' } | { kind: 'staff'; code: StaffRefusal };

export type SaveProductRefusal =
  | ManagerRefusal
  | { kind: 'invalid'; problems: ProductProblem[] }
  | { kind: 'not_found'; sku: string }
  | { kind: 'no_store_settings' }
  | { kind: 'not_saved'; message: string };

export interface SaveProductInput {
  draft: ProductDraft;
  /** How the price was typed (fr-FR reads "12,50", en "12.50"). */
  locale: MoneyLocale;
  /** The product as the form was opened on; absent when creating one. */
  base?: ProductDoc;
}

export interface ProductSaved {
  doc: EditedProductDoc;
  /** The fields this save changed (empty: nothing to write, nothing was written). */
  changed: EditableField[];
  created: boolean;
}

const ALL_FIELDS: EditableField[] = ['name', 'barcodes', 'price', 'vatRate', 'category', 'stockTracked'];
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConflictError';

/** A read-model row as a document: without its search tokens. */
function docOf(row: ProductRow): EditedProductDoc {
  const { nameTokens: _tokens, ...doc } = row;
  return doc;
}

/** Checks that a manager authorises this: the signed-in staff member, or the PIN typed for this save. */
export async function authoriseManager(auth: ManagerAuth, deps?: Partial<CommandDeps>): Promise<Result<StaffSession, ManagerRefusal>> {
  if (auth.kind === 'signed_in') {
    const me = await currentStaff();
    return me?.role === 'manager' ? ok(me) : err({ kind: 'not_manager' });
  }
  const checked = await checkStaffPin(auth.staffId, auth.pin, withDefaults(deps).now());
  if (!checked.ok) return err({ kind: 'staff', code: checked.error });
  return checked.value.role === 'manager' ? ok(checked.value) : err({ kind: 'not_manager' });
}

type Checked = { fields: ProductFields; currency: CurrencyCode; sku: string };

/** The draft checked against the catalogue this register holds (SKU free, barcodes not another's). */
async function checkDraft(input: SaveProductInput): Promise<Result<Checked, Exclude<SaveProductRefusal, ManagerRefusal>>> {
  const settings = await getStoreSettings();
  if (settings === undefined) return err({ kind: 'no_store_settings' });
  const { draft, base } = input;
  const sku = (base?.sku ?? draft.sku).trim();
  const existingRow = sku === '' ? undefined : await getProduct(sku);
  if (base !== undefined && existingRow === undefined) return err({ kind: 'not_found', sku });
  const owners = new Map<string, string | undefined>();
  for (const code of splitBarcodes(draft.barcodes)) owners.set(code, await barcodeOwner(code));
  const valid = validateProductDraft(draft, {
    locale: input.locale,
    currency: settings.currency,
    ...(base !== undefined && existingRow !== undefined ? { existing: docOf(existingRow) } : {}),
    skuTaken: () => base === undefined && existingRow !== undefined,
    barcodeOwner: (code) => owners.get(code),
  });
  if (!valid.ok) return err({ kind: 'invalid', problems: valid.error });
  return ok({ fields: valid.value, currency: settings.currency, sku });
}

/** Checks a draft without saving: the form asks for a manager's PIN only once there is nothing to fix. */
export async function checkProductDraft(input: SaveProductInput): Promise<Result<true, Exclude<SaveProductRefusal, ManagerRefusal>>> {
  const r = await checkDraft(input);
  return r.ok ? ok(true) : r;
}

export async function saveProduct(input: SaveProductInput, auth: ManagerAuth, deps?: Partial<CommandDeps>): Promise<Result<ProductSaved, SaveProductRefusal>> {
  const d = withDefaults(deps);
  const checked = await checkDraft(input);
  if (!checked.ok) return checked;
  const manager = await authoriseManager(auth, deps);
  if (!manager.ok) return manager;
  const { base } = input;
  const { sku, currency } = checked.value;
  const valid = { value: checked.value.fields };

  const port = d.port();
  let lastError: unknown;
  for (let attempt = 0; attempt < 6; attempt++) {
    const row = base === undefined ? undefined : await getProduct(sku);
    if (base !== undefined && row === undefined) return err({ kind: 'not_found', sku });
    const current = row === undefined ? undefined : docOf(row);
    const at = d.now().toISOString();
    const built = buildProductRevision(valid.value, {
      ...(current !== undefined ? { current } : {}),
      ...(base !== undefined ? { base } : {}),
      currency,
      at,
      by: manager.value.staffId,
    });
    // Field stamps let two registers' edits of one product merge field by field (ADR 0015).
    const next = stampWrite(built, current, (await getPairing())?.registerId ?? 'unpaired', Date.parse(at));
    const changed = current === undefined ? ALL_FIELDS : changedFields(current, next);
    if (changed.length === 0) return ok({ doc: current!, changed: [], created: false });
    // The server's rule, checked here first: the same refusal, before anything is written.
    const allowed = checkRegisterProductWrite(next, current ?? null, (id) => id === manager.value.staffId);
    if (!allowed.ok) return err({ kind: 'not_saved', message: allowed.error });
    try {
      const { rev } = await port.commit(next);
      return ok({ doc: { ...next, _rev: rev }, changed, created: current === undefined });
    } catch (e) {
      if (!isConflict(e)) return err({ kind: 'not_saved', message: messageOf(e) });
      if (base === undefined) return err({ kind: 'invalid', problems: [{ field: 'sku', code: 'taken' }] });
      lastError = e;
      // Our revision is older than the replica's: wait for the newer one to reach the read model.
      await port.readModelCaughtUp().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
  return err({ kind: 'not_saved', message: messageOf(lastError) });
}
