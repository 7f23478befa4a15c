/**
 * One oversell task: the SKU and location, its status (to resolve, backordered, resolved,
 * recovered), the sales and web orders that collided, what staff decided so far, and — while stock
 * is still short — the resolutions: move stock from another location, backorder a web order, or
 * take the colliding units off a web order.
 */
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OversellOrderRef, OversellTaskRef, ResolutionDone } from '../../commands/oversell-resolution.ts';
import type { OversellClaim } from '../../domain/reconcile/types.ts';
import { backorderedOrders } from '../../domain/reconcile/resolutions.ts';
import type { OversellTaskView } from '../../store/reconcile-queries.ts';
import { watchSale } from '../../store/sales-queries.ts';
import { fmtTime } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { OversellCancelLine } from './OversellCancelLine.tsx';
import { OversellMove } from './OversellMove.tsx';
import { Backorder, ResolutionList } from './OversellResolutions.tsx';
import { s } from './OversellText.ts';

type Panel = { kind: 'move' } | { kind: 'cancel'; order: OversellOrderRef; claimed: number };

/** A sale's receipt label, read from the register's copy of the sale (its id until it is there). */
function SaleLabel(props: { id: string }): JSX.Element {
  const sale = live(() => watchSale(props.id), undefined);
  return <>{sale.value()?.receiptLabel ?? props.id}</>;
}

function Claim(props: {
  claim: OversellClaim;
  task: OversellTaskRef;
  shortfall: number;
  actionable: boolean;
  backordered: boolean;
  onCancel: (order: OversellOrderRef, claimed: number) => void;
}): JSX.Element {
  const c = (): OversellClaim => props.claim;
  const kind = (): string => (c().kind === 'sale' ? s().sale : c().kind === 'web_order' ? s().webOrder : s().movement);
  const order = (): OversellOrderRef => ({ id: c().id, ...(c().label !== undefined ? { number: c().label as string } : {}) });
  return (
    <li class="oversell-claim" data-testid="oversell-claim" data-kind={c().kind} data-id={c().id}>
      <span class="muted">{kind()}</span>{' '}
      <span class="mono strong" data-testid="oversell-claim-label">
        {c().kind === 'sale' ? <SaleLabel id={c().id} /> : (c().label ?? c().id)}
      </span>{' '}
      <span class="muted small">{s().units(c().quantity)} · {fmtTime(c().at)}</span>
      <Show when={c().kind === 'web_order' && (props.actionable || props.backordered)}>
        <span class="oversell-claim-actions">
          <Backorder task={props.task} order={order()} units={Math.max(1, Math.min(c().quantity, props.shortfall))} done={props.backordered} />
          <Show when={props.actionable}>
            <button type="button" class="btn" data-testid="oversell-cancel-line" onClick={() => props.onCancel(order(), Math.min(c().quantity, Math.max(1, props.shortfall)))}>
              {s().cancelLine}
            </button>
          </Show>
        </span>
      </Show>
    </li>
  );
}

export function OversellTaskCard(props: { view: OversellTaskView; placeName: (id: string) => string }): JSX.Element {
  const [panel, setPanel] = createSignal<Panel | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const task = () => props.view.task;
  const ref = (): OversellTaskRef => ({ id: props.view.id, sku: props.view.sku, location: props.view.location, shortNow: task()?.shortNow ?? 0 });
  /**
   * Stock is still short and not already handled by a move or a cancelled line awaiting the next run:
   * staff may act (on a backordered task too, e.g. once stock turns up elsewhere).
   */
  const actionable = (): boolean => task()?.state === 'open' && props.view.status !== 'resolved';
  /** What a resolution should cover: the units no resolution handles yet, else all units short. */
  const shortfall = (): number => (props.view.toHandle > 0 ? props.view.toHandle : (task()?.shortNow ?? 0));
  const backordered = createMemo(() => backorderedOrders(props.view.resolutions));
  let moveButton: HTMLButtonElement | undefined;
  const close = (): void => {
    setPanel(null);
    queueMicrotask(() => moveButton?.focus());
  };
  const done = (d: ResolutionDone): void => {
    setPanel(null);
    setNotice(d.reconciled || d.resolution.action === 'backorder' ? null : s().notReconciled);
  };

  return (
    <li class="card oversell-task" data-testid="oversell-task" data-id={props.view.id} data-sku={props.view.sku} data-location={props.view.location}
      data-state={task()?.state ?? 'gone'} data-status={props.view.status}>
      <div class="oversell-head">
        <span class="mono strong">{props.view.sku}</span> @ {props.placeName(props.view.location)}{' '}
        <span class="pill" classList={{ bad: props.view.status === 'open' }} data-testid="oversell-state">{s().status[props.view.status]}</span>{' '}
        <Show when={task()}>
          {(row) => <span data-testid="oversell-short" data-value={row().short}>{s().short(row().short)}</span>}
        </Show>
        <Show when={props.view.status === 'open' && props.view.resolutions.length > 0}>
          {' '}<span class="bad small" data-testid="oversell-to-handle" data-value={props.view.toHandle}>{s().toHandle(props.view.toHandle)}</span>
        </Show>
      </div>
      <Show when={task()} fallback={<p class="muted small" data-testid="oversell-gone">{s().gone}</p>}>
        {(row) => (
          <ul class="oversell-claims">
            <For each={row().claims}>
              {(c) => <Claim claim={c} task={ref()} shortfall={shortfall()} actionable={actionable()} backordered={backordered().has(c.id)}
                onCancel={(order, claimed) => setPanel({ kind: 'cancel', order, claimed })} />}
            </For>
            <Show when={row().moreClaims > 0}><li class="muted">{s().more(row().moreClaims)}</li></Show>
          </ul>
        )}
      </Show>
      <ResolutionList resolutions={props.view.resolutions} placeName={props.placeName} />
      <Show when={actionable()}>
        <div class="oversell-actions">
          <button ref={moveButton} type="button" class="btn" data-testid="oversell-move-open" aria-expanded={panel()?.kind === 'move'}
            disabled={panel() !== null} onClick={() => { setNotice(null); setPanel({ kind: 'move' }); }}>
            {s().moveStock}
          </button>
        </div>
      </Show>
      <Switch>
        <Match when={panel()?.kind === 'move'}>
          <OversellMove task={ref()} shortfall={shortfall()} placeName={props.placeName} onClose={close} onDone={done} />
        </Match>
        <Match when={panel()?.kind === 'cancel' ? (panel() as Extract<Panel, { kind: 'cancel' }>) : false}>
          {(p) => <OversellCancelLine task={ref()} order={p().order} claimed={p().claimed} onClose={close} onDone={done} />}
        </Match>
      </Switch>
      <Show when={notice()}>{(m) => <p class="notice" role="status" data-testid="oversell-notice">{m()}</p>}</Show>
    </li>
  );
}
