/**
 * A return without a receipt: only after a manager's override ('refund_without_receipt'); the
 * cashier then picks the returned products from the catalogue. Each becomes a return line at the
 * catalogue price whose reference (returnOf.saleId) is the override document, since there is no
 * original sale, and which carries the override as its approval.
 */
import { createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { money } from '../../domain/money.ts';
import { addReturnWithoutReceipt } from '../../domain/refund.ts';
import { findProductByCode, searchProducts } from '../../store/queries.ts';
import { cartStore } from '../cart-store.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import type { ProductRow } from '../types.ts';
import { requestManagerOverride } from './ManagerOverride.tsx';

export function NoReceiptReturn(props: { onDone: () => void; onCancel: () => void }): JSX.Element {
  let input!: HTMLInputElement;
  const [overrideId, setOverrideId] = createSignal<string | null>(null);
  const [text, setText] = createSignal('');
  const [found, setFound] = createSignal<ProductRow[]>([]);
  const [picked, setPicked] = createSignal<Array<{ product: ProductRow; quantity: number; restock: boolean }>>([]);
  const [error, setError] = createSignal<string | null>(null);

  onMount(async () => {
    try {
      const override = await requestManagerOverride('refund_without_receipt', { message: t().returns.noReceiptHint });
      if (override === null) props.onCancel();
      else {
        setOverrideId(override._id);
        queueMicrotask(() => input?.focus());
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  });

  async function search(): Promise<void> {
    const q = text().trim();
    if (q === '') return;
    setError(null);
    const exact = await findProductByCode(q);
    if (exact) {
      add(exact);
      return;
    }
    const rows = await searchProducts(q, 12);
    setFound(rows);
    if (rows.length === 0) setError(t().returns.unknownProduct(q));
  }

  function add(product: ProductRow): void {
    const list = picked();
    const same = list.find((p) => p.product.sku === product.sku);
    setPicked(same ? list.map((p) => (p === same ? { ...p, quantity: p.quantity + 1 } : p)) : [...list, { product, quantity: 1, restock: true }]);
    setText('');
    setFound([]);
  }

  function toCart(): void {
    const id = overrideId();
    if (id === null || picked().length === 0) return;
    try {
      cartStore.update((cart) => picked().reduce((c, p) => addReturnWithoutReceipt(c, { product: p.product, quantity: p.quantity, restock: p.restock, overrideId: id }), cart));
      props.onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Show when={overrideId() !== null} fallback={<Show when={error()}>{(m) => <p class="banner error" role="alert">{m()}</p>}</Show>}>
      <section class="card" data-testid="no-receipt-return">
        <h2>{t().returns.noReceipt}</h2>
        <form class="form-row" onSubmit={(e) => { e.preventDefault(); void search(); }}>
          <label class="field grow">
            <span>{t().returns.noReceiptSearch}</span>
            <input ref={input} class="input-xl" type="search" data-testid="no-receipt-search" autocomplete="off" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn secondary">{t().returns.find}</button>
        </form>
        <Show when={error()}>{(m) => <p class="banner error" role="alert">{m()}</p>}</Show>
        <ul class="list" role="list">
          <For each={found()}>
            {(p) => (
              <li>
                <button type="button" class="list-row" data-testid="no-receipt-result" onClick={() => add(p)}>
                  <span>{p.name}</span>
                  <span class="muted">{p.sku}</span>
                  <span />
                  <span class="num">{fmtMoney(p.price, p.currency)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
        <table class="data-table return-lines">
          <tbody>
            <For each={picked()}>
              {(p, i) => (
                <tr data-testid="return-line" data-sku={p.product.sku}>
                  <td>{p.product.name}</td>
                  <td class="num">
                    <input class="return-qty" type="number" min="1" step="1" data-testid="return-qty" value={p.quantity}
                      onInput={(e) => {
                        const n = Number(e.currentTarget.value);
                        if (Number.isSafeInteger(n) && n >= 1) setPicked(picked().map((x, j) => (j === i() ? { ...x, quantity: n } : x)));
                      }} />
                  </td>
                  <td>
                    <input class="return-restock" type="checkbox" data-testid="return-restock" checked={p.restock}
                      onChange={(e) => setPicked(picked().map((x, j) => (j === i() ? { ...x, restock: e.currentTarget.checked } : x)))} />
                    {' '}{t().returns.restock}
                  </td>
                  <td class="num">{fmtMoney(money(p.product.price * p.quantity), p.product.currency)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="panel-actions">
          <button type="button" class="btn secondary" onClick={() => props.onCancel()}>{t().shift.cancel}</button>
          <button type="button" class="btn primary big" data-testid="return-to-cart" disabled={picked().length === 0} onClick={toCart}>
            {t().returns.toCart}
          </button>
        </div>
      </section>
    </Show>
  );
}
