/**
 * Create (/products/new) or edit (/products/:sku) a product (issue 7). Saving takes a manager: the
 * signed-in one, or a manager's PIN typed for this save. The new revision replicates to the server,
 * which pushes a changed price or name to the linked web stores; the screen says so.
 */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { checkProductDraft, saveProduct, type ManagerAuth, type ProductSaved, type SaveProductRefusal } from '../../commands/products.ts';
import { draftOf, type ProductDraft, type ProductProblem } from '../../domain/product-edit.ts';
import { FRENCH_VAT_RATES } from '../../domain/vat.ts';
import { watchCategories, watchProduct } from '../../store/product-queries.ts';
import { ProductForm } from '../components/ProductForm.tsx';
import { ProductManagerPin } from '../components/ProductManagerPin.tsx';
import { fmtDateTime, moneyInputText, moneyLocale, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { describeStaffRefusal, staffState } from '../staff-state.ts';
import type { ProductRow } from '../types.ts';
import '../styles/stock.css';

const EMPTY: ProductDraft = { sku: '', name: '', barcodes: [], price: '', vatRate: FRENCH_VAT_RATES.standard, category: '', stockTracked: true };

/** What the last save said, kept across the navigation from /products/new to the product's page. */
const [flash, setFlash] = createSignal<{ sku: string; text: string; pushed: boolean } | null>(null);

function refusalText(r: SaveProductRefusal): string | null {
  switch (r.kind) {
    case 'not_manager': return t().products.manager.notManager;
    case 'staff': return describeStaffRefusal(r.code);
    case 'not_found': return t().products.notFound;
    case 'no_store_settings': return t().products.noSettings;
    case 'not_saved': return t().products.notSaved(r.message);
    case 'invalid': return null;
  }
}

export default function ProductEditScreen(): JSX.Element {
  const params = useParams<{ sku?: string }>();
  const navigate = useNavigate();
  const sku = (): string | undefined => (params.sku === undefined ? undefined : decodeURIComponent(params.sku));
  const product = live<ProductRow | undefined>(() => watchProduct(sku() ?? ''), undefined);
  const categories = live<string[]>(() => watchCategories(), []);
  const [draft, setDraft] = createSignal<ProductDraft>(EMPTY);
  const [base, setBase] = createSignal<ProductRow | undefined>(undefined);
  const [problems, setProblems] = createSignal<ProductProblem[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [askPin, setAskPin] = createSignal(false);
  const isManager = (): boolean => staffState.session.value()?.role === 'manager';

  // The form starts from the product once it is in the read model. A newer revision (this save's,
  // or another register's) replaces it only while the form is untouched: the manager's typing is
  // never lost, and the save lays only their changes over the latest revision.
  const draftFor = (p: ProductRow): ProductDraft => draftOf(p, moneyInputText(p.price, p.currency));
  createEffect(on(() => product.value(), (p) => {
    const b = base();
    if (p === undefined || (b !== undefined && b._rev === p._rev) || busy()) return;
    if (b === undefined || JSON.stringify(draft()) === JSON.stringify(draftFor(b))) {
      setBase(p);
      setDraft(draftFor(p));
    }
  }));

  function saved(r: ProductSaved): void {
    const text = r.created ? t().products.created(r.doc.sku) : r.changed.length === 0 ? t().products.unchanged : t().products.saved;
    setFlash({ sku: r.doc.sku, text, pushed: !r.created && (r.changed.includes('price') || r.changed.includes('name')) });
    setProblems([]);
    const row: ProductRow = { ...r.doc, nameTokens: [] };
    setBase(row);
    setDraft(draftFor(row));
    if (r.created) navigate(`/products/${encodeURIComponent(r.doc.sku)}`, { replace: true });
  }

  async function save(auth: ManagerAuth): Promise<string | null> {
    setBusy(true);
    setError(null);
    setFlash(null);
    try {
      const r = await saveProduct(input(), auth);
      if (r.ok) {
        setAskPin(false);
        saved(r.value);
        return null;
      }
      if (r.error.kind === 'invalid') {
        setProblems(r.error.problems);
        setAskPin(false);
        return null;
      }
      const text = refusalText(r.error);
      if (auth.kind === 'pin' && (r.error.kind === 'staff' || r.error.kind === 'not_manager')) return text;
      setAskPin(false);
      setError(text);
      return null;
    } catch (e) {
      setAskPin(false);
      setError(t().errors.unexpected(errorMessage(e)));
      return null;
    } finally {
      setBusy(false);
    }
  }

  const input = () => ({ draft: draft(), locale: moneyLocale(), ...(sku() !== undefined && base() !== undefined ? { base: base()! } : {}) });

  /** A manager signed in saves at once; otherwise the form is checked first, then a manager's PIN asked. */
  async function submit(): Promise<void> {
    if (busy()) return;
    if (isManager()) return void (await save({ kind: 'signed_in' }));
    setBusy(true);
    const r = await checkProductDraft(input()).finally(() => setBusy(false));
    setProblems(!r.ok && r.error.kind === 'invalid' ? r.error.problems : []);
    if (r.ok) setAskPin(true);
    else if (r.error.kind !== 'invalid') setError(refusalText(r.error));
  }

  const editing = (): boolean => sku() !== undefined;
  const shownFlash = (): { text: string; pushed: boolean } | null => {
    const f = flash();
    return f !== null && f.sku === (sku() ?? '') ? f : null;
  };

  return (
    <main class="page products-page" data-testid="product-edit-screen">
      <div class="page-head">
        <h1>{editing() ? t().products.editTitle(product.value()?.name ?? sku() ?? '') : t().products.createTitle}</h1>
        <A class="btn secondary" href="/products" data-testid="product-back">{t().products.cancel}</A>
      </div>
      <Show when={!isManager()}>
        <p class="notice warn" data-testid="product-manager-only">{t().products.managerOnly}</p>
      </Show>
      <Show when={shownFlash()}>
        {(f) => (
          <div class="notice ok" role="status" data-testid="product-saved">
            {f().text} <Show when={f().pushed}><span data-testid="product-price-pushed">{t().products.pricePushed}</span></Show>
          </div>
        )}
      </Show>
      <Show when={error()}>{(m) => <p class="banner error" role="alert" data-testid="product-save-error">{m()}</p>}</Show>
      <Show when={!editing() || product.value() !== undefined} fallback={<p class="muted empty">{product.ready() ? t().products.notFound : t().loading}</p>}>
        <Show when={base()?.updatedAt}>{(at) => <p class="muted">{t().products.updatedBy(fmtDateTime(at()))}</p>}</Show>
        <ProductForm draft={draft()} onChange={setDraft} problems={problems()} editing={editing()} categories={categories.value()} busy={busy()} onSubmit={() => void submit()}
          actions={
            <button type="submit" class="btn big primary" data-testid="product-save" disabled={busy()}>
              {busy() ? t().products.saving : t().products.save} <kbd>{t().keys.enter}</kbd>
            </button>
          } />
      </Show>
      <Show when={askPin()}>
        <ProductManagerPin onCancel={() => setAskPin(false)} onConfirm={(staffId, pin) => save({ kind: 'pin', staffId, pin })} />
      </Show>
    </main>
  );
}
