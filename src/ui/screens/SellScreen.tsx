import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { classifyBarcode } from '../../domain/barcode.ts';
import type { SaleDoc } from '../../domain/documents.ts';
import { money } from '../../domain/money.ts';
import type { Money } from '../../domain/money.ts';
import { cartTotals } from '../../domain/sale.ts';
import type { CartLine } from '../../domain/sale.ts';
import { findProductByCode, searchProducts } from '../../store/queries.ts';
import { completeSale } from '../actions.ts';
import { Receipt } from '../components/Receipt.tsx';
import { TenderPanel } from '../components/TenderPanel.tsx';
import { currency, fmtMoney, fmtRate, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import { describeRefusal } from '../refusals.ts';
import type { ProductRow } from '../types.ts';

/** Until staff sign-in exists, every sale is made by the register's default cashier. */
export const DEFAULT_CASHIER = 'Caisse';

type Notice = { kind: 'unknown'; text: string } | { kind: 'none-found'; text: string } | { kind: 'error'; text: string };

export default function SellScreen(): JSX.Element {
  let search!: HTMLInputElement;
  const [query, setQuery] = createSignal('');
  const [results, setResults] = createSignal<ProductRow[] | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [cart, setCart] = createSignal<CartLine[]>([]);
  const [selected, setSelected] = createSignal<number>(-1);
  const [paying, setPaying] = createSignal(false);
  const [receipt, setReceipt] = createSignal<SaleDoc | null>(null);

  const totals = createMemo(() => cartTotals(cart(), currency()));
  const due = (): Money => {
    const r = totals();
    return r.ok ? r.value.gross : money(0);
  };
  const itemCount = (): number => cart().reduce((n, l) => n + l.quantity, 0);
  const canPay = (): boolean => cart().length > 0 && totals().ok && !paying() && receipt() === null;

  function focusSearch(select = false): void {
    queueMicrotask(() => {
      search?.focus();
      if (select) search?.select();
    });
  }

  function addProduct(product: ProductRow): void {
    const lines = cart();
    const index = lines.findIndex((l) => l.product.sku === product.sku);
    if (index >= 0) {
      setCart(lines.map((l, i) => (i === index ? { ...l, quantity: l.quantity + 1 } : l)));
      setSelected(index);
    } else {
      setCart([...lines, { product, quantity: 1 }]);
      setSelected(lines.length);
    }
    setQuery('');
    setResults(null);
    setNotice(null);
    focusSearch();
  }

  function changeQuantity(index: number, delta: number): void {
    setCart(cart().map((l, i) => (i === index ? { ...l, quantity: Math.max(1, l.quantity + delta) } : l)));
    setSelected(index);
  }

  function removeLine(index: number): void {
    const next = cart().filter((_, i) => i !== index);
    setCart(next);
    setSelected(next.length === 0 ? -1 : Math.min(index, next.length - 1));
    focusSearch();
  }

  async function submitSearch(): Promise<void> {
    const text = query().trim();
    if (text === '') return;
    setNotice(null);
    try {
      const product = await findProductByCode(text);
      if (product) {
        addProduct(product);
        return;
      }
      if (/^\d+$/.test(text)) {
        // Only digits: a scanned barcode, never a name.
        const misread = classifyBarcode(text) === null && /^(\d{8}|\d{12}|\d{13})$/.test(text);
        setResults(null);
        setNotice({
          kind: 'unknown',
          text: t().sell.unknownBarcode(text) + (misread ? ` (${t().sell.badCheckDigit})` : ''),
        });
        focusSearch(true);
        return;
      }
      const found = await searchProducts(text, 24);
      setResults(found);
      if (found.length === 0) setNotice({ kind: 'none-found', text: t().sell.noResults(text) });
    } catch (e) {
      setNotice({ kind: 'error', text: t().sell.searchError(errorMessage(e)) });
    }
  }

  function clearSearch(): void {
    setQuery('');
    setResults(null);
    setNotice(null);
    focusSearch();
  }

  function newSale(): void {
    setReceipt(null);
    setPaying(false);
    setCart([]);
    setSelected(-1);
    clearSearch();
  }

  async function pay(received: Money): Promise<string | null> {
    try {
      const result = await completeSale({
        cart: cart(),
        tenders: [{ kind: 'cash', amount: received }],
        cashier: DEFAULT_CASHIER,
      });
      if (!result.ok) return t().tender.refused(describeRefusal(result.error));
      setPaying(false);
      setReceipt(result.value);
      return null;
    } catch (e) {
      return t().errors.unexpected(errorMessage(e));
    }
  }

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F2') {
      e.preventDefault();
      if (receipt()) newSale();
      else if (!paying()) focusSearch(true);
      return;
    }
    if (e.key === 'F4') {
      e.preventDefault();
      if (canPay()) setPaying(true);
      return;
    }
    if (e.key === 'Escape') {
      if (paying()) {
        e.preventDefault();
        setPaying(false);
        focusSearch();
      } else if (receipt()) {
        e.preventDefault();
        newSale();
      } else {
        clearSearch();
      }
      return;
    }
    if (receipt() && e.key === 'Enter' && !e.repeat && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      newSale();
      return;
    }
    if (paying() || receipt()) return;
    const plus = e.key === '+' || e.code === 'NumpadAdd';
    const minus = e.key === '-' || e.key === '−' || e.code === 'NumpadSubtract';
    if (!plus && !minus) return;
    // In a field with text, + and - are characters (SKUs have dashes); otherwise they edit the line.
    const target = e.target;
    if (target instanceof HTMLInputElement && target.value !== '') return;
    const index = selected();
    if (index < 0 || index >= cart().length) return;
    e.preventDefault();
    changeQuantity(index, plus ? 1 : -1);
  }

  onMount(() => {
    window.addEventListener('keydown', onKey);
    focusSearch();
  });
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const lineTotal = (index: number): Money | null => {
    const r = totals();
    return r.ok ? (r.value.lines[index]?.total ?? null) : null;
  };

  return (
    <div class="sell">
      <section class="sell-left" aria-label={t().sell.search}>
        <form
          class="search-bar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void submitSearch();
          }}
        >
          <label class="visually-hidden" for="search">
            {t().sell.search}
          </label>
          <input
            id="search"
            ref={search}
            data-testid="search"
            class="input-xl"
            type="search"
            enterkeyhint="search"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            placeholder={t().sell.searchPlaceholder}
            value={query()}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              if (notice()?.kind !== 'error') setNotice(null);
            }}
          />
          <kbd class="key-hint" aria-hidden="true">
            F2
          </kbd>
        </form>

        <Show when={notice()}>
          {(n) => (
            <p
              class="banner"
              classList={{ warning: n().kind !== 'error', error: n().kind === 'error' }}
              role="alert"
              data-testid={n().kind === 'unknown' ? 'product-unknown' : n().kind === 'none-found' ? 'search-empty' : 'search-error'}
            >
              {n().text}
            </p>
          )}
        </Show>

        <Show when={results() !== null && (results()?.length ?? 0) > 0}>
          <p class="muted small">{t().sell.results(results()?.length ?? 0)}</p>
          <ul class="results" role="list">
            <For each={results() ?? []}>
              {(p) => (
                <li>
                  <button type="button" class="result" data-testid="search-result" onClick={() => addProduct(p)}>
                    <span class="result-name">{p.name}</span>
                    <span class="result-sku muted">{p.sku}</span>
                    <span class="result-price">
                      {fmtMoney(p.price, p.currency)}
                      <Show when={!p.priceIncludesTax}>
                        <small> HT</small>
                      </Show>
                    </span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>

        <Show when={results() === null && cart().length === 0 && notice() === null}>
          <div class="empty-hint">
            <div class="empty-icon" aria-hidden="true">
              ▥
            </div>
            <p>{t().sell.emptyCart}</p>
          </div>
        </Show>
        <ul class="shortcut-hints" aria-label={t().shortcuts.title}>
          <li>
            <kbd>F2</kbd> {t().shortcuts.search}
          </li>
          <li>
            <kbd>F4</kbd> {t().shortcuts.pay}
          </li>
          <li>
            <kbd>+</kbd> <kbd>−</kbd> {t().shortcuts.quantity}
          </li>
          <li>
            <kbd>{t().keys.esc}</kbd> {t().shortcuts.clear}
          </li>
        </ul>
      </section>

      <section class="sell-right" aria-label={t().sell.cart}>
        <div class="cart-head">
          <h2>{t().sell.cart}</h2>
          <span class="muted">{t().sell.items(itemCount())}</span>
        </div>
        <ol class="cart" role="list">
          <For each={cart()}>
            {(line, i) => (
              <li
                class="cart-line"
                classList={{ selected: selected() === i() }}
                data-testid="cart-line"
                data-sku={line.product.sku}
                onClick={() => setSelected(i())}
              >
                <div class="line-main">
                  <span class="line-name">{line.product.name}</span>
                  <span class="line-unit muted">
                    {fmtMoney(line.product.price, currency())}
                    <Show when={!line.product.priceIncludesTax}> HT</Show> · {fmtRate(line.product.vatRate)}
                  </span>
                </div>
                <div class="qty" role="group" aria-label={t().sell.quantity}>
                  <button
                    type="button"
                    class="btn icon"
                    aria-label={t().sell.decrease}
                    title={`${t().sell.decrease} (−)`}
                    data-testid="qty-minus"
                    disabled={line.quantity <= 1}
                    onClick={(e) => {
                      e.stopPropagation();
                      changeQuantity(i(), -1);
                    }}
                  >
                    −
                  </button>
                  <span class="qty-value" data-testid="cart-qty" aria-live="polite">
                    {line.quantity}
                  </span>
                  <button
                    type="button"
                    class="btn icon"
                    aria-label={t().sell.increase}
                    title={`${t().sell.increase} (+)`}
                    data-testid="qty-plus"
                    onClick={(e) => {
                      e.stopPropagation();
                      changeQuantity(i(), 1);
                    }}
                  >
                    +
                  </button>
                </div>
                <span class="line-total">
                  {(() => {
                    const total = lineTotal(i());
                    return total === null ? '—' : fmtMoney(total, currency());
                  })()}
                </span>
                <button
                  type="button"
                  class="btn icon danger"
                  aria-label={t().sell.removeLine(line.product.name)}
                  title={t().sell.remove}
                  data-testid="cart-remove"
                  onClick={(e) => {
                    e.stopPropagation();
                    removeLine(i());
                  }}
                >
                  ✕
                </button>
              </li>
            )}
          </For>
        </ol>

        <div class="totals">
          <Show when={totals()} keyed>
            {(r) =>
              r.ok ? (
                <>
                  <div class="totals-row muted">
                    <span>{t().sell.net}</span>
                    <span>{fmtMoney(r.value.net, currency())}</span>
                  </div>
                  <For each={r.value.vatBreakdown}>
                    {(row) => (
                      <div class="totals-row muted">
                        <span>{t().sell.vatAt(fmtRate(row.rate))}</span>
                        <span>{fmtMoney(row.vat, currency())}</span>
                      </div>
                    )}
                  </For>
                  <div class="totals-row grand">
                    <span>{t().sell.total}</span>
                    <span data-testid="cart-total">{fmtMoney(r.value.gross, currency())}</span>
                  </div>
                </>
              ) : (
                <p class="banner error" role="alert">
                  {describeRefusal(r.error)}
                </p>
              )
            }
          </Show>
        </div>

        <div class="sell-actions">
          <button
            type="button"
            class="btn secondary"
            disabled={cart().length === 0}
            onClick={() => {
              setCart([]);
              setSelected(-1);
              focusSearch();
            }}
          >
            {t().sell.clearCart}
          </button>
          <button
            type="button"
            class="btn primary big pay"
            data-testid="pay-cash"
            disabled={!canPay()}
            onClick={() => setPaying(true)}
          >
            {t().sell.payCash} <kbd>F4</kbd>
          </button>
        </div>
      </section>

      <Show when={paying()}>
        <TenderPanel
          due={due()}
          currency={currency()}
          onComplete={pay}
          onCancel={() => {
            setPaying(false);
            focusSearch();
          }}
        />
      </Show>

      <Show when={receipt()}>
        {(sale) => (
          <div class="overlay receipt-overlay">
            <div class="panel receipt-panel" role="dialog" aria-modal="true" aria-label={t().receipt.title}>
              <Receipt sale={sale()} />
              <div class="panel-actions no-print">
                <button type="button" class="btn secondary" onClick={() => window.print()}>
                  {t().receipt.print}
                </button>
                <button
                  type="button"
                  class="btn primary big"
                  data-testid="new-sale"
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onClick={newSale}
                >
                  {t().receipt.newSale} <kbd>{t().keys.enter}</kbd>
                </button>
              </div>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
