import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { pickProgress } from '../../domain/web-order-state.ts';
import type { OrderState } from '../../domain/web-order-state.ts';
import { watchOrderState, watchWebOrder } from '../../store/web-order-queries.ts';
import { addOrderNote, completePickWithoutScanning, markPacked, recordPick, type OrderStepRefusal } from '../actions.ts';
import { beep } from '../beep.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { useScans } from '../scanning.ts';
import type { WebOrderRow } from '../types.ts';
import '../styles/order-detail.css';

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * One web order at the counter (issue 6): its lines with ordered / picked / shipped quantities,
 * scan-to-pick (every scanner through useScans, or the code typed in the box), packing, notes,
 * payment and the history of what every register did. Works offline: each step is an event document
 * in the local replica, and the state shown is the fold of all of them.
 */
export default function OrderDetailScreen(): JSX.Element {
  const params = useParams<{ id: string }>();
  const id = (): string => decodeId(params.id);
  const order = live<WebOrderRow | undefined>(() => watchWebOrder(id()), undefined);
  const state = live<OrderState | undefined>(() => watchOrderState(id()), undefined);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [code, setCode] = createSignal('');
  const [note, setNote] = createSignal('');

  const refuse = (r: OrderStepRefusal): void => {
    beep('error');
    setError(t().orderDetail.refusal(r));
  };

  const pick = async (scanned: string): Promise<void> => {
    const text = scanned.trim();
    if (text === '') return;
    const r = await recordPick(id(), text);
    if (r.ok) {
      setError(null);
      beep('ok');
    } else refuse(r.error);
  };

  useScans((scan) => void pick(scan.code));

  const step = async (run: () => ReturnType<typeof markPacked>): Promise<void> => {
    setBusy(true);
    try {
      const r = await run();
      if (r.ok) setError(null);
      else refuse(r.error);
    } finally {
      setBusy(false);
    }
  };

  const progress = (): { picked: number; ordered: number } => {
    const s = state.value();
    return s ? pickProgress(s) : { picked: 0, ordered: 0 };
  };
  const picking = (): boolean => ['new', 'picking', 'picked'].includes(state.value()?.status ?? '');
  const lineState = (l: { picked: number; ordered: number }): 'done' | 'partial' | 'todo' =>
    l.picked >= l.ordered ? 'done' : l.picked > 0 ? 'partial' : 'todo';

  return (
    <main class="page order-detail" data-testid="order-detail">
      <p>
        <A href="/orders" data-testid="order-back">
          {t().orderDetail.back}
        </A>
      </p>
      <Show when={order.ready() && order.value() === undefined}>
        <p class="empty muted">{t().orderDetail.notFound}</p>
      </Show>
      <Show when={order.value()}>
        {(o) => (
          <>
            <header class="order-head">
              <h1>{t().orderDetail.title(o().orderNumber)}</h1>
              <span class={`pill status-${state.value()?.status ?? o().status}`} data-testid="order-status" data-state={state.value()?.status ?? o().status}>
                {t().orderDetail.statuses[state.value()?.status ?? o().status]}
              </span>
              <span class="muted">
                {o().platform} · {fmtDateTime(o().createdAt)} · {o().customer.name} · {t().orders.deliveries[o().delivery]}
              </span>
            </header>

            <section class="order-pay" data-testid="order-payment" data-state={o().payment.state}>
              <h2>{t().orderDetail.payment}</h2>
              <p>
                {o().payment.state === 'paid'
                  ? o().payment.processor
                    ? t().orderDetail.paidBy(o().payment.processor ?? '')
                    : t().orderDetail.paid
                  : t().orderDetail.toPay}
              </p>
            </section>

            <Show when={o().note}>
              <section class="order-note">
                <h2>{t().orderDetail.customerNote}</h2>
                <p data-testid="order-customer-note">{o().note}</p>
              </section>
            </Show>

            <section class="order-pick">
              <h2>
                {t().orderDetail.lines} —{' '}
                <span data-testid="pick-progress">
                  {progress().picked}/{progress().ordered}
                </span>
              </h2>
              <Show when={picking()}>
                <form
                  class="pick-scan"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const value = code();
                    setCode('');
                    void pick(value);
                  }}
                >
                  <label>
                    <span class="visually-hidden">{t().orderDetail.scanLabel}</span>
                    <input
                      type="search"
                      data-testid="pick-scan"
                      autocomplete="off"
                      placeholder={t().orderDetail.scanPlaceholder}
                      aria-label={t().orderDetail.scanLabel}
                      value={code()}
                      onInput={(e) => setCode(e.currentTarget.value)}
                    />
                  </label>
                </form>
              </Show>
              <Show when={error()}>
                <p class="pick-error" role="alert" data-testid="pick-error">
                  {error()}
                </p>
              </Show>
              <Show when={state.value() && progress().ordered > 0 && progress().picked >= progress().ordered}>
                <p class="pick-done" data-testid="pick-done">
                  {t().orderDetail.allPicked}
                </p>
              </Show>
              <div class="table-wrap">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t().orderDetail.sku}</th>
                      <th scope="col">{t().orderDetail.item}</th>
                      <th scope="col" class="num">
                        {t().orderDetail.ordered}
                      </th>
                      <th scope="col" class="num">
                        {t().orderDetail.picked}
                      </th>
                      <th scope="col" class="num">
                        {t().orderDetail.shipped}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={state.value()?.lines ?? []}>
                      {(l) => (
                        <tr data-testid="order-line" data-sku={l.sku} data-state={lineState(l)} class={`pick-${lineState(l)}`}>
                          <td class="mono">{l.sku}</td>
                          <td>{l.name}</td>
                          <td class="num">{l.ordered}</td>
                          <td class="num strong" data-testid="order-picked">
                            {l.picked}
                          </td>
                          <td class="num">{l.shipped}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <div class="order-actions">
                <Show when={picking() && progress().picked < progress().ordered}>
                  <button type="button" data-testid="pick-complete" disabled={busy()} onClick={() => void step(() => completePickWithoutScanning(id()))}>
                    {t().orderDetail.pickComplete}
                  </button>
                </Show>
                <Show when={picking()}>
                  <button type="button" class="primary" data-testid="order-packed" disabled={busy()} onClick={() => void step(() => markPacked(id()))}>
                    {t().orderDetail.packed}
                  </button>
                </Show>
              </div>
            </section>

            <section class="order-notes">
              <h2>{t().orderDetail.notes}</h2>
              <ul>
                <For each={state.value()?.notes ?? []}>{(n) => <li data-testid="order-note">{n}</li>}</For>
              </ul>
              <form
                data-no-scan
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = note();
                  void step(() => addOrderNote(id(), text)).then(() => setNote(''));
                }}
              >
                <input
                  type="text"
                  data-testid="order-note-input"
                  placeholder={t().orderDetail.notePlaceholder}
                  aria-label={t().orderDetail.notes}
                  value={note()}
                  onInput={(e) => setNote(e.currentTarget.value)}
                />
                <button type="submit" data-testid="order-note-add" disabled={busy() || note().trim() === ''}>
                  {t().orderDetail.addNote}
                </button>
              </form>
            </section>

            <section class="order-history">
              <h2>{t().orderDetail.history}</h2>
              <Show when={(state.value()?.history.length ?? 0) > 0} fallback={<p class="muted">{t().orderDetail.noHistory}</p>}>
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t().orderDetail.when}</th>
                      <th scope="col">{t().orderDetail.who}</th>
                      <th scope="col">{t().orderDetail.what}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={state.value()?.history ?? []}>
                      {(h) => (
                        <tr data-testid="order-history-row" data-kind={h.kind} data-refused={h.refused ? 'true' : 'false'}>
                          <td>{fmtDateTime(h.at)}</td>
                          <td>{h.by}</td>
                          <td>
                            {t().orderDetail.event(h.kind, h)}
                            <Show when={h.refused}>
                              {' '}
                              <span class="muted">({t().orderDetail.refusedTag})</span>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </section>
          </>
        )}
      </Show>
    </main>
  );
}
