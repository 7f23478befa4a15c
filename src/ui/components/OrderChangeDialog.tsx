/**
 * Change an order before it ships: remove units of a line (all of them removes the line), or swap
 * them for another item found by scanning it, its SKU or its name. The difference is refunded (to
 * the original payment or as store credit) or becomes a balance to pay.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { money, type Money } from '../../domain/money.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { findProductByCode, searchProducts } from '../../store/queries.ts';
import { changeOrder } from '../actions.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import { useScans } from '../scanning.ts';
import type { ProductRow, WebOrderRow } from '../types.ts';
import { RefundChoice, RestockChoice, type RefundTo } from './OrderRefundChoice.tsx';
import { DialogActions, OrderDialog, orderRefusalText } from './OrderShared.tsx';

interface ChangeableLine {
  sku: string;
  name: string;
  unitPrice: Money;
  left: number;
}

/** Units of each SKU not yet shipped, whatever location prepares them. */
export function changeableLines(state: OrderState): ChangeableLine[] {
  const bySku = new Map<string, ChangeableLine>();
  for (const l of state.lines) {
    const left = l.ordered - l.shipped;
    if (left <= 0) continue;
    const seen = bySku.get(l.sku);
    if (seen) seen.left += left;
    else bySku.set(l.sku, { sku: l.sku, name: l.name, unitPrice: l.unitPrice, left });
  }
  return [...bySku.values()];
}

export function OrderChangeDialog(props: { state: OrderState; order: WebOrderRow; onDone: () => void; onClose: () => void }): JSX.Element {
  const lines = createMemo(() => changeableLines(props.state));
  const [mode, setMode] = createSignal<'remove' | 'swap'>('remove');
  const [sku, setSku] = createSignal<string | null>(lines().length === 1 ? lines()[0]!.sku : null);
  const [quantity, setQuantity] = createSignal(1);
  const [query, setQuery] = createSignal('');
  const [found, setFound] = createSignal<ProductRow[]>([]);
  const [replacement, setReplacement] = createSignal<ProductRow | null>(null);
  const [restock, setRestock] = createSignal(true);
  const [refundTo, setRefundTo] = createSignal<RefundTo>('original');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const line = (): ChangeableLine | undefined => lines().find((l) => l.sku === sku());
  const count = (): number => Math.min(line()?.left ?? 0, Math.max(1, quantity()));
  const difference = (): Money => {
    const removed = (line()?.unitPrice ?? 0) * count();
    const added = mode() === 'swap' ? (replacement()?.price ?? 0) * count() : 0;
    return money(added - removed);
  };

  async function find(text: string): Promise<void> {
    const code = text.trim();
    if (code === '') return;
    setError(null);
    const exact = await findProductByCode(code);
    if (exact) {
      setReplacement(exact);
      setFound([]);
      return;
    }
    const list = await searchProducts(code, 8);
    setFound(list);
    if (list.length === 0) setError(t().orderDetail.change.noMatch);
  }

  useScans((scan) => {
    if (mode() !== 'swap') setMode('swap');
    setQuery(scan.code);
    void find(scan.code);
  });

  async function confirm(): Promise<void> {
    if (busy()) return;
    const l = line();
    if (l === undefined) return void setError(t().orderDetail.change.chooseLine);
    const r = replacement();
    if (mode() === 'swap' && r === null) return void setError(t().orderDetail.change.chooseReplacement);
    const change = {
      sku: l.sku,
      remove: count(),
      ...(mode() === 'swap' && r !== null ? { add: { sku: r.sku, name: r.name, quantity: count(), unitPrice: r.price } } : {}),
    };
    const refund = difference() < 0 && props.state.paidAmount > 0 ? { refundTo: refundTo() } : {};
    setBusy(true);
    try {
      const res = await changeOrder(props.state.orderId, change, { restock: restock(), ...refund });
      if (res.ok) props.onDone();
      else setError(orderRefusalText(res.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={t().orderDetail.change.title} testId="change-dialog" wide onSubmit={() => void confirm()} onClose={props.onClose}>
      <div class="segmented" role="tablist">
        <button type="button" class="btn" classList={{ primary: mode() === 'remove' }} data-testid="change-mode-remove" onClick={() => setMode('remove')}>
          {t().orderDetail.change.remove}
        </button>
        <button type="button" class="btn" classList={{ primary: mode() === 'swap' }} data-testid="change-mode-swap" onClick={() => setMode('swap')}>
          {t().orderDetail.change.swap}
        </button>
      </div>
      <fieldset>
        <legend>{t().orderDetail.change.line}</legend>
        <For each={lines()}>
          {(l) => (
            <label class="check order-choice">
              <input type="radio" name="change-line" data-testid="change-line" data-sku={l.sku} checked={sku() === l.sku} onChange={() => { setSku(l.sku); setError(null); }} />
              <span>
                <span class="mono">{l.sku}</span> {l.name} — {l.left} × {fmtMoney(l.unitPrice, props.order.currency)}
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <label class="field">
        <span>{t().orderDetail.change.removeQty}</span>
        <input type="number" class="qty-input" data-testid="change-qty" min={1} max={line()?.left ?? 1} step={1} value={count()}
          onInput={(e) => setQuantity(Math.floor(Number(e.currentTarget.value) || 1))} />
      </label>
      <Show when={mode() === 'swap'}>
        <label class="field">
          <span>{t().orderDetail.change.replacement}</span>
          <input data-testid="change-search" autocomplete="off" placeholder={t().orderDetail.change.replacementPlaceholder} value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void find(query()); } }} />
        </label>
        <Show when={replacement()}>
          {(p) => (
            <p class="strong" data-testid="change-replacement" data-sku={p().sku}>
              → <span class="mono">{p().sku}</span> {p().name} — {fmtMoney(p().price, props.order.currency)}
            </p>
          )}
        </Show>
        <ul class="order-found">
          <For each={found()}>
            {(p) => (
              <li>
                <button type="button" class="btn" data-testid="change-result" data-sku={p.sku} onClick={() => { setReplacement(p); setFound([]); setError(null); }}>
                  <span class="mono">{p.sku}</span> {p.name} — {fmtMoney(p.price, props.order.currency)}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <RestockChoice value={restock()} onChange={setRestock} />
      <Show when={line()}>
        <p class="strong" data-testid="change-difference">
          {difference() < 0
            ? t().orderDetail.change.toRefund(fmtMoney(money(-difference()), props.order.currency))
            : t().orderDetail.change.toPay(fmtMoney(difference(), props.order.currency))}
        </p>
      </Show>
      <Show when={difference() < 0 && props.state.paidAmount > 0}>
        <RefundChoice value={refundTo()} onChange={setRefundTo} />
      </Show>
      <DialogActions error={error()} busy={busy()} confirm={t().orderDetail.change.confirm} confirmTestId="change-confirm" onClose={props.onClose} />
    </OrderDialog>
  );
}
