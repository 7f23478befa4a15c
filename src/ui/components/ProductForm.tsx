/**
 * The product form (issue 7): SKU (fixed once created), name, barcodes (one per line; a scan anywhere
 * on the screen adds its code), price as typed in the UI's language, VAT rate, category (with the
 * shop's categories offered), stock tracking. Problems show under their field, in words.
 */
import { createMemo, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { ProductDraft, ProductProblem } from '../../domain/product-edit.ts';
import { FRENCH_VAT_RATES } from '../../domain/vat.ts';
import { fmtRate, t } from '../i18n/index.ts';
import { useScans } from '../scanning.ts';

const RATES = [FRENCH_VAT_RATES.standard, FRENCH_VAT_RATES.intermediate, FRENCH_VAT_RATES.reduced, FRENCH_VAT_RATES.superReduced, 0];

export function productProblemText(p: ProductProblem): string {
  const w = t().products.problems;
  switch (p.field) {
    case 'sku': return w.sku[p.code];
    case 'name': return w.name[p.code];
    case 'price': return w.price[p.code];
    case 'vatRate': return w.vatRate[p.code];
    case 'category': return w.category[p.code];
    case 'barcodes':
      if (p.code === 'check_digit') return w.barcodes.check_digit(p.value, p.expected);
      if (p.code === 'taken') return w.barcodes.taken(p.value, p.sku);
      return w.barcodes[p.code](p.value);
  }
}

export function ProductForm(props: {
  draft: ProductDraft;
  onChange: (next: ProductDraft) => void;
  problems: readonly ProductProblem[];
  editing: boolean;
  categories: readonly string[];
  busy: boolean;
  onSubmit: () => void;
  actions: JSX.Element;
}): JSX.Element {
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]): void => props.onChange({ ...props.draft, [key]: value });
  const problemsOf = (field: ProductProblem['field']): ProductProblem[] => props.problems.filter((p) => p.field === field);
  const rates = createMemo(() => (RATES.includes(props.draft.vatRate as (typeof RATES)[number]) ? RATES : [...RATES, props.draft.vatRate]));
  const barcodesText = (): string => props.draft.barcodes.join('\n');

  useScans((scan) => {
    const code = scan.code.trim();
    if (code === '' || props.busy || props.draft.barcodes.some((b) => b.trim() === code)) return;
    set('barcodes', [...props.draft.barcodes.filter((b) => b.trim() !== ''), code]);
  });

  const Errors = (p: { field: ProductProblem['field'] }): JSX.Element => (
    <For each={problemsOf(p.field)}>{(problem) => <span class="field-error" data-testid={`product-error-${p.field}`}>{productProblemText(problem)}</span>}</For>
  );

  return (
    <form class="product-form" data-testid="product-form" onSubmit={(e) => { e.preventDefault(); props.onSubmit(); }}>
      <label class="field">
        <span>{t().products.sku}</span>
        <input data-testid="product-sku" autocomplete="off" value={props.draft.sku} readOnly={props.editing} aria-readonly={props.editing}
          onInput={(e) => set('sku', e.currentTarget.value)} data-no-scan />
        <Errors field="sku" />
      </label>
      <label class="field">
        <span>{t().products.name}</span>
        <input data-testid="product-name" autocomplete="off" value={props.draft.name} onInput={(e) => set('name', e.currentTarget.value)} />
        <Errors field="name" />
      </label>
      <label class="field">
        <span>{t().products.price}</span>
        <input data-testid="product-price" inputmode="decimal" autocomplete="off" value={props.draft.price} onInput={(e) => set('price', e.currentTarget.value)} />
        <Errors field="price" />
      </label>
      <label class="field">
        <span>{t().products.vat}</span>
        <select data-testid="product-vat" value={String(props.draft.vatRate)} onChange={(e) => set('vatRate', Number(e.currentTarget.value))}>
          <For each={rates()}>{(r) => <option value={String(r)} selected={r === props.draft.vatRate}>{fmtRate(r)}</option>}</For>
        </select>
        <Errors field="vatRate" />
      </label>
      <label class="field">
        <span>{t().products.category}</span>
        <input data-testid="product-category" autocomplete="off" list="product-categories" value={props.draft.category} onInput={(e) => set('category', e.currentTarget.value)} />
        <datalist id="product-categories">
          <For each={props.categories}>{(c) => <option value={c} />}</For>
        </datalist>
        <Errors field="category" />
      </label>
      <label class="field check-field">
        <input type="checkbox" data-testid="product-tracked" checked={props.draft.stockTracked} onChange={(e) => set('stockTracked', e.currentTarget.checked)} />
        <span>{t().products.tracked}</span>
      </label>
      <p class="muted wide">{t().products.trackedHint}</p>
      <label class="field wide">
        <span>{t().products.barcodes}</span>
        <textarea data-testid="product-barcodes" rows={3} autocomplete="off" value={barcodesText()}
          onInput={(e) => set('barcodes', e.currentTarget.value.split('\n'))} />
        <span class="muted">{t().products.barcodesHint}</span>
        <Errors field="barcodes" />
      </label>
      <Show when={props.actions}>
        <div class="panel-actions wide">{props.actions}</div>
      </Show>
    </form>
  );
}
