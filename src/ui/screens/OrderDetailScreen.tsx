import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { money } from '../../domain/money.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { watchOrderState, watchWebOrder } from '../../store/web-order-queries.ts';
import { assignOrder, completePickWithoutScanning, printPackingSlipFor, recordPick } from '../actions.ts';
import { beep } from '../beep.ts';
import { OrderActions, availableActions, type OrderAction } from '../components/OrderActions.tsx';
import { OrderAllocation } from '../components/OrderAllocation.tsx';
import { OrderCustomer } from '../components/OrderCustomer.tsx';
import { OrderHistory } from '../components/OrderHistory.tsx';
import { OrderDialogs, type OrderDialogState } from '../components/OrderDialogs.tsx';
import type { LabelOutcome } from '../components/OrderLabelDialog.tsx';
import { OrderLines, unitsPicked } from '../components/OrderLines.tsx';
import { OrderNotes } from '../components/OrderNotes.tsx';
import { OrderPayment } from '../components/OrderPayment.tsx';
import { orderRefusalText, placeName, shopLocations } from '../components/OrderShared.tsx';
import { handOver, packPart, readyForPickup, type StepOutcome } from '../components/OrderSteps.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { useScans } from '../scanning.ts';
import { session } from '../session.ts';
import { isTyping, useShortcuts } from '../shortcuts.ts';
import { staffState } from '../staff-state.ts';
import type { WebOrderRow } from '../types.ts';
import '../styles/order-detail.css';

type Message = { kind: 'error' | 'ok'; text: string };

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const KEYS: Partial<Record<string, OrderAction>> = { c: 'pickComplete', p: 'packed', k: 'slip', l: 'label', s: 'ship', r: 'ready', h: 'pickedUp', b: 'balance' };

/**
 * One web order at the counter (issue 6): its lines per location part, scan-to-pick (every scanner
 * through useScans, or the code typed in the box), pack, label and packing slip, ship or hand over
 * (taking the balance first when something is still due), changes, cancellation and returns, the
 * payment and its checks, notes, the staff in charge and the history of what every register did.
 * Works offline: each step is an event document in the local replica; the state is their fold.
 */
export default function OrderDetailScreen(): JSX.Element {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const id = (): string => decodeId(params.id);
  const order = live<WebOrderRow | undefined>(() => watchWebOrder(id()), undefined);
  const state = live<OrderState | undefined>(() => watchOrderState(id()), undefined);
  const settings = (): ReturnType<typeof session.settings.value> => session.settings.value();
  const [dialog, setDialog] = createSignal<OrderDialogState | null>(null);
  const [message, setMessage] = createSignal<Message | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [code, setCode] = createSignal('');
  const [chosenPart, setChosenPart] = createSignal<string | undefined>(undefined);
  let scanInput: HTMLInputElement | undefined;
  let noteInput: HTMLInputElement | undefined;

  const fail = (text: string): void => {
    beep('error');
    setMessage({ kind: 'error', text });
  };
  const show = (outcome: StepOutcome, ok?: string): void => {
    if (outcome === null) setMessage(ok ? { kind: 'ok', text: ok } : null);
    else fail(outcome);
  };
  const report = (text: string | null): void => (text === null ? void setMessage(null) : fail(text));
  const split = (): boolean => (state.value()?.parts.length ?? 0) > 1;
  // The part this register prepares: the one chosen, else the first not yet shipped.
  const part = createMemo(() => {
    const parts = state.value()?.parts ?? [];
    return parts.find((p) => p.location === chosenPart()) ?? parts.find((p) => p.status !== 'shipped') ?? parts[0];
  });
  const available = createMemo(() => {
    const s = state.value();
    return s ? availableActions(s, part()) : new Set<OrderAction>();
  });
  const picking = (): boolean => available().has('packed');
  const progress = (): { picked: number; ordered: number } => unitsPicked(state.value()?.lines ?? []);
  const at = (): { location?: string } => (split() && part() ? { location: part()!.location } : {});

  const pick = async (scanned: string): Promise<void> => {
    const text = scanned.trim();
    if (text === '') return;
    const r = await recordPick(id(), text, at());
    if (r.ok) {
      setMessage(null);
      beep('ok');
    } else fail(orderRefusalText(r.error));
  };
  useScans((scan) => {
    if (dialog() === null && picking()) void pick(scan.code);
  });

  async function guarded(run: () => Promise<StepOutcome>, ok?: string): Promise<void> {
    if (busy()) return;
    setBusy(true);
    try {
      show(await run(), ok);
    } finally {
      setBusy(false);
    }
  }

  function act(a: OrderAction): void {
    const s = state.value();
    if (!s || !available().has(a)) return;
    const due = s.balance > 0;
    switch (a) {
      case 'pickComplete':
        return void guarded(async () => {
          const r = await completePickWithoutScanning(id(), at());
          return r.ok ? null : orderRefusalText(r.error);
        });
      case 'packed':
        return void guarded(() => packPart(s, part()));
      case 'slip':
      case 'slipA4':
        return void guarded(async () => {
          const r = await printPackingSlipFor(id(), { ...(a === 'slipA4' ? { paper: 'a4' as const } : {}), ...at() });
          return r.ok ? null : orderRefusalText(r.error);
        }, t().orderDetail.slip.printed);
      case 'label':
        return void setDialog({ kind: 'label' });
      case 'ship':
        return void setDialog(due ? { kind: 'balance', then: 'ship' } : { kind: 'ship' });
      case 'ready':
        return void guarded(() => readyForPickup(s));
      case 'pickedUp':
        return due ? void setDialog({ kind: 'balance', then: 'pickedUp' }) : void guarded(() => handOver(s));
      case 'balance':
        return void setDialog({ kind: 'balance' });
      case 'change':
        return void setDialog({ kind: 'change' });
      case 'cancel':
        return void setDialog({ kind: 'cancel' });
      case 'returns':
        return void setDialog({ kind: 'return' });
    }
  }

  function balanceTaken(receipt: string, then: 'ship' | 'pickedUp' | undefined, label: LabelOutcome | undefined): void {
    setDialog(then === 'ship' ? { kind: 'ship', ...(label ?? {}) } : null);
    setMessage({ kind: 'ok', text: t().orderDetail.flash.balanceTaken(receipt) });
    // The state shown may not have caught up with the payment yet: the command reads its own.
    const s = state.value();
    if (then === 'pickedUp' && s) void guarded(() => handOver({ ...s, balance: money(0) }), t().orderDetail.flash.balanceTaken(receipt));
  }

  useShortcuts(() => [
    ...(picking() ? [{ keys: 'F2', label: () => t().orderDetail.keys.scan }] : []),
    ...Object.entries(KEYS)
      .filter(([, a]) => available().has(a!))
      .map(([k, a]) => ({ keys: k.toUpperCase(), label: () => t().orderDetail.keys[a as keyof ReturnType<typeof t>['orderDetail']['keys']] })),
    { keys: 'N', label: () => t().orderDetail.keys.note },
    { keys: 'A', label: () => t().orderDetail.keys.assign },
    { keys: t().keys.esc, label: () => t().orderDetail.keys.back },
  ]);
  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialog() !== null || document.querySelector('.overlay') !== null) return;
    if (e.key === 'F2') {
      e.preventDefault();
      return scanInput?.focus();
    }
    if (isTyping(e)) return;
    const k = e.key.toLowerCase();
    const action = KEYS[k];
    if (action) act(action);
    else if (k === 'n') noteInput?.focus();
    else if (k === 'a') {
      const me = staffState.session.value();
      if (me && state.value()?.assignee?.id !== me.staffId) void assignOrder(id(), { id: me.staffId, name: me.name }).then((r) => !r.ok && fail(orderRefusalText(r.error)));
    } else if (e.key === 'Escape') navigate('/orders');
    else return;
    e.preventDefault();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <main class="page order-detail" data-testid="order-detail">
      <p>
        <A href="/orders" data-testid="order-back">{t().orderDetail.back}</A>
      </p>
      <Show when={order.ready() && order.value() === undefined}>
        <p class="empty muted">{t().orderDetail.notFound}</p>
      </Show>
      <Show when={order.value()}>
        {(o) => (
          <Show when={state.value()} fallback={<p class="muted">{t().loading}</p>}>
            {(s) => (
              <>
                <header class="order-head">
                  <h1>{t().orderDetail.title(o().orderNumber)}</h1>
                  <span class={`pill status-${s().status}`} data-testid="order-status" data-state={s().status}>
                    {t().orderDetail.statuses[s().status]}
                  </span>
                  <Show when={s().flagged}>
                    <span class="pill flagged" data-testid="order-flag-pill">⚠ {t().orderDetail.checks.results.fail}</span>
                  </Show>
                  <span class="muted">
                    {o().platform} · {fmtDateTime(o().createdAt)} · {s().customer.name} · {t().orders.deliveries[s().delivery]}
                  </span>
                </header>
                <Show when={message()}>
                  {(m) => (
                    <p class={m().kind === 'error' ? 'pick-error' : 'banner ok order-flash'} role={m().kind === 'error' ? 'alert' : 'status'} data-testid={m().kind === 'error' ? 'pick-error' : 'order-flash'}>
                      {m().text}
                    </p>
                  )}
                </Show>
                <div class="order-grid">
                  <div class="order-main">
                    <section class="order-pick">
                      <h2>
                        {t().orderDetail.lines} — <span data-testid="pick-progress">{progress().picked}/{progress().ordered}</span>
                      </h2>
                      <Show when={split()}>
                        <div class="segmented order-part-choice" role="radiogroup" aria-label={t().orderDetail.working}>
                          <For each={s().parts}>
                            {(p) => (
                              <button type="button" class="btn" role="radio" aria-checked={part()?.location === p.location} classList={{ primary: part()?.location === p.location }}
                                data-testid="order-part-choice" data-location={p.location} onClick={() => setChosenPart(p.location)}>
                                {placeName(p.location, settings())}
                              </button>
                            )}
                          </For>
                        </div>
                      </Show>
                      <Show when={picking()}>
                        <form class="pick-scan" onSubmit={(e) => { e.preventDefault(); const value = code(); setCode(''); void pick(value); }}>
                          <input ref={scanInput} type="search" data-testid="pick-scan" autocomplete="off" placeholder={t().orderDetail.scanPlaceholder}
                            aria-label={t().orderDetail.scanLabel} value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
                        </form>
                      </Show>
                      <Show when={progress().ordered > 0 && progress().picked >= progress().ordered}>
                        <p class="pick-done" data-testid="pick-done">{t().orderDetail.allPicked}</p>
                      </Show>
                      <OrderLines state={s()} order={o()} settings={settings()} working={part()?.location} />
                      <OrderActions state={s()} available={available()} busy={busy()} onAction={act} />
                    </section>
                    <Show when={shopLocations(settings()).length > 1 && s().status !== 'cancelled' && s().parts.every((p) => p.status === 'new' || p.status === 'picking')}>
                      <OrderAllocation state={s()} locations={shopLocations(settings())} onMessage={(text, ok) => (text === null ? setMessage(null) : ok ? setMessage({ kind: 'ok', text }) : fail(text))} />
                    </Show>
                    <OrderHistory history={s().history} currency={o().currency} settings={settings()} />
                  </div>
                  <aside class="order-side">
                    <OrderPayment state={s()} order={o()} />
                    <OrderCustomer state={s()} canCorrect={!['shipped', 'picked_up', 'cancelled'].includes(s().status)} onCorrect={() => setDialog({ kind: 'address' })}
                      onError={report} />
                    <OrderNotes orderId={id()} customerNote={o().note} notes={s().notes} ref={(el) => (noteInput = el)} onError={report} />
                  </aside>
                </div>
                <OrderDialogs dialog={dialog()} state={s()} order={o()} settings={settings()} location={split() ? part()?.location : undefined} open={setDialog}
                  onBalanceTaken={(sale, request) => balanceTaken(sale.receiptLabel, request.then, request.label)} onDone={() => setMessage({ kind: 'ok', text: t().orderDetail.flash.done })} onError={fail} />
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
