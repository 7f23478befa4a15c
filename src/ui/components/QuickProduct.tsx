import { createSignal, For, onMount } from 'solid-js';
import type { JSX } from 'solid-js';
import { FRENCH_VAT_RATES } from '../../domain/vat.ts';
import { createQuickProduct } from '../actions.ts';
import { currency, fmtRate, readMoney, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import type { ProductRow } from '../types.ts';

const RATES = [FRENCH_VAT_RATES.standard, FRENCH_VAT_RATES.intermediate, FRENCH_VAT_RATES.reduced, FRENCH_VAT_RATES.superReduced, 0];

/** A manager creates a product for an unknown barcode: name, price incl. VAT, VAT rate. */
export function QuickProduct(props: { barcode: string; onCreated: (p: ProductRow) => void; onCancel: () => void }): JSX.Element {
  let nameInput!: HTMLInputElement;
  const [name, setName] = createSignal('');
  const [price, setPrice] = createSignal('');
  const [rate, setRate] = createSignal<number>(FRENCH_VAT_RATES.standard);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(() => nameInput.focus());

  async function save(): Promise<void> {
    if (busy()) return;
    const p = readMoney(price(), currency());
    if (name().trim() === '') return void setError(t().counter.lookup.name);
    if (!p.ok || p.value < 0) return void setError(t().counter.line.invalidAmount);
    setBusy(true);
    try {
      const r = await createQuickProduct({ barcode: props.barcode, name: name(), price: p.value, vatRate: rate() });
      if (r.ok) props.onCreated({ ...r.value, nameTokens: [] });
      else setError(r.error.kind === 'exists' ? t().counter.lookup.exists(r.error.sku) : r.error.kind === 'invalid' ? r.error.problems.join('; ') : r.error.kind === 'not_saved' ? r.error.message : r.error.kind);
    } catch (e) {
      setError(t().errors.unexpected(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="overlay" role="presentation">
      <form class="panel dialog" role="dialog" aria-modal="true" aria-label={t().counter.lookup.quickTitle(props.barcode)} data-testid="quick-product-form"
        onSubmit={(e) => { e.preventDefault(); void save(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onCancel(); } }}>
        <h2>{t().counter.lookup.quickTitle(props.barcode)}</h2>
        <label class="field">
          <span>{t().counter.lookup.name}</span>
          <input ref={nameInput} data-testid="quick-product-name" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="field-row">
          <label class="field">
            <span>{t().counter.lookup.price}</span>
            <input data-testid="quick-product-price" inputmode="decimal" autocomplete="off" value={price()} onInput={(e) => setPrice(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t().counter.lookup.vat}</span>
            <select data-testid="quick-product-vat" value={String(rate())} onChange={(e) => setRate(Number(e.currentTarget.value))}>
              <For each={RATES}>{(r) => <option value={String(r)}>{fmtRate(r)}</option>}</For>
            </select>
          </label>
        </div>
        <p class="inline-error" role="alert">{error() ?? ''}</p>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()}>
            {t().counter.line.cancel} <kbd>{t().keys.esc}</kbd>
          </button>
          <button type="submit" class="btn primary big" data-testid="quick-product-save" disabled={busy()}>
            {t().counter.lookup.save} <kbd>{t().keys.enter}</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
