/**
 * The stock screen's oversell section (issue 7): a "Reconcile now" control that runs the stock
 * reconciliation in its worker, with its progress, and the oversell tasks it wrote — each naming the
 * sales (receipt labels) and web orders (order numbers) that took the same last units, with what
 * staff decided about it (OversellTaskCard).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { reconcileStock } from '../../commands/reconcile.ts';
import { watchOversellTaskViews, watchReconcileRun, type OversellTaskView } from '../../store/reconcile-queries.ts';
import { fmtTime } from '../i18n/index.ts';
import { live, type Emitted } from '../reactive.ts';
import { OversellTaskCard } from './OversellTaskCard.tsx';
import { s } from './OversellText.ts';
import { useStockLocations } from './StockCommon.tsx';
import '../styles/oversell.css';

type ReconcileRunRow = NonNullable<Emitted<ReturnType<typeof watchReconcileRun>>>;

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

function runText(run: ReconcileRunRow | undefined): string {
  if (run === undefined) return '';
  if (run.phase === 'done') return s().doneAt(fmtTime(run.finishedAt ?? run.asOf));
  if (run.phase === 'failed') return s().failed;
  const phase = s().phases[run.phase] ?? run.phase;
  return run.total > 0 ? `${phase} · ${run.done}/${run.total}` : phase;
}

export default function OversellTasks(): JSX.Element {
  const run = live(() => watchReconcileRun(), undefined);
  const views = live<OversellTaskView[]>(() => watchOversellTaskViews(), []);
  // Cards are keyed by task id: a re-emission (a run writing, a resolution replicating) keeps their open panels.
  const byId = createMemo(() => new Map(views.value().map((v) => [v.id, v])));
  const ids = createMemo(() => views.value().map((v) => v.id), [], { equals: sameIds });
  const locations = useStockLocations();
  const placeName = (id: string): string => locations().find((l) => l.id === id)?.name ?? id;
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
        <button type="button" class="btn" data-testid="reconcile-now" disabled={busy()} onClick={() => void reconcile()}>
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
      <Show when={ids().length > 0} fallback={<p class="muted empty" data-testid="oversell-none">{s().none}</p>}>
        <ul class="oversell-tasks">
          <For each={ids()}>{(id) => <Show when={byId().get(id)}>{(view) => <OversellTaskCard view={view()} placeName={placeName} />}</Show>}</For>
        </ul>
      </Show>
    </section>
  );
}
