/**
 * The stock screen's oversell section (issue 7): a "Reconcile now" control that runs the stock
 * reconciliation in its worker, with its progress, and the oversell tasks it wrote — each naming the
 * sales (receipt labels) and web orders (order numbers) that took the same last units.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { reconcileStock } from '../../commands/reconcile.ts';
import type { OversellClaim } from '../../domain/reconcile/types.ts';
import { watchReconcileRun, watchOversellTasks } from '../../store/reconcile-queries.ts';
import { addOrderNote } from '../actions.ts';
import { watchSale } from '../../store/sales-queries.ts';
import { fmtTime, lang } from '../i18n/index.ts';
import { oversellEn } from '../i18n/oversell.en.ts';
import { oversellFr } from '../i18n/oversell.fr.ts';
import { live, type Emitted } from '../reactive.ts';

type OversellTaskRow = Emitted<ReturnType<typeof watchOversellTasks>>[number];
type ReconcileRunRow = NonNullable<Emitted<ReturnType<typeof watchReconcileRun>>>;

const s = () => (lang() === 'en' ? oversellEn : oversellFr);

/** A sale's receipt label, read from the register's copy of the sale (its id until it is there). */
function SaleLabel(props: { id: string }): JSX.Element {
  const sale = live(() => watchSale(props.id), undefined);
  return <>{sale.value()?.receiptLabel ?? props.id}</>;
}

/** Resolution: the web order is kept and marked backordered, as a note on the order. */
function Backorder(props: { orderId: string; sku: string }): JSX.Element {
  const [state, setState] = createSignal<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const mark = async (): Promise<void> => {
    if (state() === 'busy' || state() === 'done') return;
    setState('busy');
    try {
      const r = await addOrderNote(props.orderId, s().backorderNote(props.sku));
      setState(r.ok ? 'done' : 'failed');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      {' '}
      <button type="button" class="btn" style={{ 'min-height': '44px', 'min-width': '44px' }} data-testid="oversell-backorder" data-state={state()}
        disabled={state() === 'busy' || state() === 'done'} onClick={() => void mark()}>
        {state() === 'done' ? s().backordered : s().backorder}
      </button>
      <Show when={state() === 'failed'}><span class="bad small" role="alert">{s().backorderFailed}</span></Show>
    </>
  );
}

function Claim(props: { claim: OversellClaim; sku: string }): JSX.Element {
  const c = props.claim;
  const kind = c.kind === 'sale' ? s().sale : c.kind === 'web_order' ? s().webOrder : s().movement;
  return (
    <li class="oversell-claim" data-testid="oversell-claim" data-kind={c.kind} data-id={c.id}>
      <span class="muted">{kind}</span>{' '}
      <span class="mono strong" data-testid="oversell-claim-label">
        {c.kind === 'sale' ? <SaleLabel id={c.id} /> : (c.label ?? c.id)}
      </span>{' '}
      <span class="muted small">{s().units(c.quantity)} · {fmtTime(c.at)}</span>
      <Show when={c.kind === 'web_order'}>
        <Backorder orderId={c.id} sku={props.sku} />
      </Show>
    </li>
  );
}

function Task(props: { task: OversellTaskRow }): JSX.Element {
  const task = props.task;
  return (
    <li class="card oversell-task" data-testid="oversell-task" data-id={task.id} data-sku={task.sku} data-location={task.location} data-state={task.state}>
      <div class="oversell-head">
        <span class="mono strong">{task.sku}</span> @ {task.location}{' '}
        <span class="pill" classList={{ bad: task.state === 'open' }} data-testid="oversell-state">{task.state === 'open' ? s().open : s().recovered}</span>{' '}
        <span data-testid="oversell-short" data-value={task.short}>{s().short(task.short)}</span>
      </div>
      <ul class="oversell-claims">
        <For each={task.claims}>{(c) => <Claim claim={c} sku={task.sku} />}</For>
        <Show when={task.moreClaims > 0}><li class="muted">{s().more(task.moreClaims)}</li></Show>
      </ul>
    </li>
  );
}

function runText(run: ReconcileRunRow | undefined): string {
  if (run === undefined) return '';
  if (run.phase === 'done') return s().doneAt(fmtTime(run.finishedAt ?? run.asOf));
  if (run.phase === 'failed') return s().failed;
  const phase = s().phases[run.phase] ?? run.phase;
  return run.total > 0 ? `${phase} · ${run.done}/${run.total}` : phase;
}

export default function OversellTasks(): JSX.Element {
  const run = live(() => watchReconcileRun(), undefined);
  const tasks = live(() => watchOversellTasks(), []);
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const running = (): boolean => busy() || (run.value() !== undefined && run.value()!.phase !== 'done' && run.value()!.phase !== 'failed' && run.value()!.finishedAt === null);
  const progress = (): number => {
    const r = run.value();
    return r === undefined || r.total <= 0 ? 0 : Math.min(1, r.done / r.total);
  };

  const reconcile = async (): Promise<void> => {
    if (busy()) return;
    setBusy(true);
    setFailed(false);
    try {
      await reconcileStock();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="oversell-section" data-testid="oversell-section">
      <div class="page-head">
        <h2>{s().title}</h2>
        <button type="button" class="btn" style={{ 'min-height': '44px', 'min-width': '44px' }} data-testid="reconcile-now" disabled={busy()} onClick={() => void reconcile()}>
          {busy() ? s().reconciling : s().reconcile}
        </button>
      </div>
      <p class="muted small">{s().intro}</p>
      <div data-testid="reconcile-run" data-phase={busy() && run.value()?.phase === 'done' ? 'starting' : (run.value()?.phase ?? 'none')} data-busy={busy() ? 'true' : 'false'} aria-live="polite">
        <Show when={running()}>
          <progress max="1" value={progress()} data-testid="reconcile-progress" />
        </Show>
        <span class="muted small">{runText(run.value())}</span>
        <Show when={failed()}><span class="bad" role="alert">{s().failed}</span></Show>
      </div>
      <Show when={tasks.value().length > 0} fallback={<p class="muted empty" data-testid="oversell-none">{s().none}</p>}>
        <ul class="oversell-tasks">
          <For each={tasks.value()}>{(task) => <Task task={task} />}</For>
        </ul>
      </Show>
    </section>
  );
}
