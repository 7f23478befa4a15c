import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { classifyBarcode } from '../../domain/barcode.ts';
import { findProductByCode, searchProducts } from '../../store/queries.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import type { ProductRow } from '../types.ts';

export interface SearchHandle {
  focus(select?: boolean): void;
  clear(): void;
}

type Notice =
  | { kind: 'unknown'; code: string; text: string; mayCreate: boolean }
  | { kind: 'none-found'; text: string }
  | { kind: 'error'; text: string };

/**
 * The left half of the sell screen: scan (EAN-13, EAN-8, UPC-A, Code 128 SKU) or type a name. Exact
 * codes go straight into the cart; names search the token index as you press Enter. An unknown
 * barcode says so, offers a name search, and a manager can create a quick product for it.
 */
export function ProductSearch(props: {
  ref: (handle: SearchHandle) => void;
  onAdd: (product: ProductRow) => void;
  mayCreate: (code: string) => Promise<boolean>;
  onQuickProduct: (barcode: string) => void;
}): JSX.Element {
  let input!: HTMLInputElement;
  const [query, setQuery] = createSignal('');
  const [results, setResults] = createSignal<ProductRow[] | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);

  function clear(): void {
    setQuery('');
    setResults(null);
    setNotice(null);
  }
  props.ref({
    focus: (select) => {
      input?.focus();
      if (select) input?.select();
    },
    clear,
  });

  function add(p: ProductRow): void {
    clear();
    props.onAdd(p);
  }

  async function submit(): Promise<void> {
    const text = query().trim();
    if (text === '') return;
    setNotice(null);
    try {
      const product = await findProductByCode(text);
      if (product) return add(product);
      if (/^\d+$/.test(text)) {
        // Only digits: a scanned barcode, never a name.
        const misread = classifyBarcode(text) === null && /^(\d{8}|\d{12}|\d{13})$/.test(text);
        setResults(null);
        const mayCreate = !misread && (await props.mayCreate(text));
        setNotice({ kind: 'unknown', code: text, mayCreate, text: t().sell.unknownBarcode(text) + (misread ? ` (${t().sell.badCheckDigit})` : '') });
        input.select();
        return;
      }
      const found = await searchProducts(text, 24);
      setResults(found);
      if (found.length === 0) setNotice({ kind: 'none-found', text: t().sell.noResults(text) });
    } catch (e) {
      setNotice({ kind: 'error', text: t().sell.searchError(errorMessage(e)) });
    }
  }

  return (
    <section class="sell-left" aria-label={t().sell.search}>
      <form class="search-bar" role="search" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label class="visually-hidden" for="search">{t().sell.search}</label>
        <input id="search" ref={input} data-testid="search" class="input-xl" type="search" enterkeyhint="search" autocomplete="off" autocapitalize="off" spellcheck={false}
          placeholder={t().sell.searchPlaceholder} value={query()}
          onInput={(e) => { setQuery(e.currentTarget.value); if (notice()?.kind !== 'error') setNotice(null); }}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); clear(); } }} />
        <kbd class="key-hint" aria-hidden="true">F2</kbd>
      </form>

      <Show when={notice()}>
        {(n) => (
          <div class="banner" classList={{ warning: n().kind !== 'error', error: n().kind === 'error' }} role="alert"
            data-testid={n().kind === 'unknown' ? 'product-unknown' : n().kind === 'none-found' ? 'search-empty' : 'search-error'}>
            <p>{n().text}</p>
            <Show when={(() => { const v = n(); return v.kind === 'unknown' ? v : null; })()}>
              {(u) => (
                <div class="banner-actions">
                  <button type="button" class="btn secondary" data-testid="unknown-search" onClick={() => { clear(); input.focus(); }}>
                    {t().counter.lookup.search}
                  </button>
                  <Show when={u().mayCreate}>
                    <button type="button" class="btn primary" data-testid="quick-product" onClick={() => props.onQuickProduct(u().code)}>
                      {t().counter.lookup.quickProduct}
                    </button>
                  </Show>
                </div>
              )}
            </Show>
          </div>
        )}
      </Show>

      <Show when={(results()?.length ?? 0) > 0}>
        <p class="muted small">{t().sell.results(results()?.length ?? 0)}</p>
        <ul class="results" role="list">
          <For each={results() ?? []}>
            {(p) => (
              <li>
                <button type="button" class="result" data-testid="search-result" onClick={() => add(p)}>
                  <span class="result-name">{p.name}</span>
                  <span class="result-sku muted">{p.sku}</span>
                  <span class="result-price">
                    {fmtMoney(p.price, p.currency)}
                    <Show when={!p.priceIncludesTax}><small> HT</small></Show>
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={results() === null && notice() === null}>
        <div class="empty-hint">
          <div class="empty-icon" aria-hidden="true">▥</div>
          <p>{t().sell.emptyCart}</p>
        </div>
      </Show>
      <ul class="shortcut-hints" aria-label={t().shortcuts.title}>
        <li><kbd>F2</kbd> {t().shortcuts.search}</li>
        <li><kbd>F4</kbd> {t().counter.pay.cash} · <kbd>F6</kbd> {t().counter.pay.card} · <kbd>F7</kbd> {t().counter.pay.voucher}</li>
        <li><kbd>+</kbd> <kbd>−</kbd> {t().shortcuts.quantity}</li>
        <li><kbd>{t().keys.esc}</kbd> {t().shortcuts.clear}</li>
      </ul>
    </section>
  );
}
