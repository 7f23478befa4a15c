/**
 * The catalogue (issue 7): search by name, barcode or SKU, filter by category, open a product to edit
 * it, create one, and print shelf labels for the products ticked (through the print queue: the label
 * printer, or the browser's dialog when there is none).
 */
import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { printShelfLabels } from '../../hardware/label-printing.ts';
import { getProducts, watchCategories, watchProducts } from '../../store/product-queries.ts';
import { fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import type { ProductRow } from '../types.ts';
import '../styles/stock.css';

export default function ProductsScreen(): JSX.Element {
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  const [category, setCategory] = createSignal('');
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [printing, setPrinting] = createSignal(false);
  const products = live<ProductRow[]>(() => watchProducts({ text: text(), category: category(), limit: 100 }), []);
  const categories = live<string[]>(() => watchCategories(), []);

  const toggle = (sku: string, on: boolean): void => {
    const next = new Set(selected());
    if (on) next.add(sku);
    else next.delete(sku);
    setSelected(next);
  };

  async function printLabels(): Promise<void> {
    if (printing() || selected().size === 0) return;
    setPrinting(true);
    setMessage(null);
    try {
      const rows = await getProducts([...selected()]);
      await printShelfLabels(rows.map(({ nameTokens: _tokens, ...product }) => ({ product })));
      setMessage({ ok: true, text: t().products.labelsQueued(rows.length) });
      setSelected(new Set<string>());
    } catch (e) {
      setMessage({ ok: false, text: t().products.labelsFailed(errorMessage(e)) });
    } finally {
      setPrinting(false);
    }
  }

  return (
    <main class="page products-page" data-testid="products-screen">
      <div class="page-head">
        <h1>{t().products.title}</h1>
        <A class="btn primary big" href="/products/new" data-testid="product-new">+ {t().products.newProduct}</A>
      </div>
      <div class="stock-filters">
        <label class="field grow">
          <span>{t().products.search}</span>
          <input type="search" data-testid="product-search" autocomplete="off" placeholder={t().products.searchPlaceholder} value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setText('');
              if (e.key === 'Enter' && products.value().length === 1) navigate(`/products/${encodeURIComponent(products.value()[0]!.sku)}`);
            }} />
        </label>
        <label class="field">
          <span>{t().products.category}</span>
          <select class="stock-select" data-testid="product-category-filter" value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t().products.allCategories}</option>
            <For each={categories.value()}>{(c) => <option value={c}>{c}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={message()}>{(m) => <p class={m().ok ? 'notice ok' : 'banner error'} role="status" data-testid="labels-message">{m().text}</p>}</Show>
      <Show when={products.value().length > 0} fallback={<p class="muted empty">{t().products.empty}</p>}>
        <div class="table-wrap">
          <table class="data-table product-table">
            <thead>
              <tr>
                <th class="check"><span class="visually-hidden">{t().products.printLabels}</span></th>
                <th>{t().products.sku}</th>
                <th>{t().products.name}</th>
                <th class="num">{t().products.price}</th>
                <th class="num">{t().products.vat}</th>
                <th>{t().products.category}</th>
                <th>{t().products.tracked}</th>
                <th><span class="visually-hidden">{t().products.edit}</span></th>
              </tr>
            </thead>
            <tbody>
              <For each={products.value()}>
                {(p) => (
                  <tr data-testid="product-row" data-sku={p.sku}>
                    <td class="check">
                      <label>
                        <input type="checkbox" data-testid="product-select" aria-label={t().products.select(p.name)} checked={selected().has(p.sku)}
                          onChange={(e) => toggle(p.sku, e.currentTarget.checked)} />
                      </label>
                    </td>
                    <td class="mono">{p.sku}</td>
                    <td data-testid="product-row-name">{p.name}</td>
                    <td class="num" data-testid="product-row-price">{fmtMoney(p.price, p.currency)}</td>
                    <td class="num">{fmtRate(p.vatRate)}</td>
                    <td>{p.category}</td>
                    <td>{p.stockTracked ? '✓' : '—'}</td>
                    <td>
                      <A class="btn secondary" href={`/products/${encodeURIComponent(p.sku)}`} data-testid="product-edit">{t().products.edit}</A>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={selected().size > 0}>
        <div class="labels-bar" data-testid="labels-bar">
          <span>{t().products.selected(selected().size)}</span>
          <button type="button" class="btn secondary" onClick={() => setSelected(new Set<string>())}>{t().products.clearSelection}</button>
          <button type="button" class="btn primary" data-testid="print-labels" disabled={printing()} onClick={() => void printLabels()}>{t().products.printLabels}</button>
        </div>
      </Show>
    </main>
  );
}
