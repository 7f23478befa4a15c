import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OpenOrder } from '../../store/orders-queries.ts';
import { t } from '../i18n/index.ts';
import { markOne, packOne, printLabels, printPickList, shipOne } from './OrdersBulkActions.ts';
import { PaidDialog, ShipDialog, type PaidMethod, type ShipInput } from './OrdersBulkDialogs.tsx';
import { asOutcome, runEach, tally, type BulkOutcome, type StepOutcome } from './OrdersBulkRun.ts';

interface Run {
  title: string;
  done: number;
  total: number;
  outcomes: BulkOutcome[];
  finished: boolean;
  /** Printing: one job for all the orders, so the result line says "sent to the printer". */
  printing: boolean;
}

/**
 * The bar under the list while orders are ticked: print their combined pick list or all their
 * labels, mark them packed, shipped or paid together. Parked sales in the selection are left out
 * (these are web-order steps) and said so. A run shows its progress, then each order's result.
 */
export function OrdersBulkBar(props: { selected: OpenOrder[]; onClear: () => void }): JSX.Element {
  const b = () => t().orders.bulk;
  const [dialog, setDialog] = createSignal<'ship' | 'paid' | null>(null);
  const [run, setRun] = createSignal<Run | null>(null);
  const web = (): OpenOrder[] => props.selected.filter((o) => o.channel === 'web');
  const leftOut = (): number => props.selected.length - web().length;
  const busy = (): boolean => run() !== null && !run()!.finished;

  async function each(title: string, step: (id: string) => Promise<StepOutcome>): Promise<void> {
    const orders = web().map((o) => ({ id: o.id, number: o.number }));
    setRun({ title, done: 0, total: orders.length, outcomes: [], finished: false, printing: false });
    await runEach(orders, step, (p) => setRun((r) => r && { ...r, done: p.done, outcomes: p.outcomes }));
    setRun((r) => r && { ...r, finished: true });
  }

  /** One print for all the orders (a combined pick list; the labels in one go): then each order's outcome. */
  async function together(title: string, print: (ids: string[]) => Promise<Map<string, StepOutcome>>): Promise<void> {
    const orders = web();
    setRun({ title, done: 0, total: orders.length, outcomes: [], finished: false, printing: true });
    let byId: Map<string, StepOutcome>;
    try {
      byId = await print(orders.map((o) => o.id));
    } catch (e) {
      const failed: StepOutcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
      byId = new Map(orders.map((o) => [o.id, failed]));
    }
    const outcomes = orders.map((o) => asOutcome(o, byId.get(o.id) ?? { ok: true }));
    setRun((r) => r && { ...r, done: orders.length, outcomes, finished: true });
  }

  const ship = (input: ShipInput): void => {
    setDialog(null);
    void each(b().shipped, (id) => shipOne(id, input.carrier, input.trackingById[id]));
  };
  const paid = (input: { method: PaidMethod; reference?: string }): void => {
    setDialog(null);
    void each(b().paid, (id) => markOne(id, input));
  };

  return (
    <>
      <div class="orders-bulk-bar" role="toolbar" aria-label={b().selected(props.selected.length)} data-testid="orders-bulk-bar">
        <strong data-testid="bulk-count">{b().selected(props.selected.length)}</strong>
        <button type="button" class="btn" data-testid="bulk-pick-list" disabled={busy() || web().length === 0} onClick={() => void together(b().pickList, printPickList)}>
          {b().pickList}
        </button>
        <button type="button" class="btn" data-testid="bulk-labels" disabled={busy() || web().length === 0} onClick={() => void together(b().labels, printLabels)}>
          {b().labels}
        </button>
        <button type="button" class="btn" data-testid="bulk-packed" disabled={busy() || web().length === 0} onClick={() => void each(b().packed, packOne)}>
          {b().packed}
        </button>
        <button type="button" class="btn" data-testid="bulk-shipped" disabled={busy() || web().length === 0} onClick={() => setDialog('ship')}>
          {b().shipped}
        </button>
        <button type="button" class="btn" data-testid="bulk-paid" disabled={busy() || web().length === 0} onClick={() => setDialog('paid')}>
          {b().paid}
        </button>
        <button type="button" class="btn secondary" data-testid="bulk-clear" disabled={busy()} onClick={() => props.onClear()}>
          {b().clear}
        </button>
        <Show when={leftOut() > 0}>
          <p class="muted small orders-bulk-note">{b().webOnly(leftOut())}</p>
        </Show>
      </div>

      <Show when={dialog() === 'ship'}>
        <ShipDialog orders={web()} onCancel={() => setDialog(null)} onSubmit={ship} />
      </Show>
      <Show when={dialog() === 'paid'}>
        <PaidDialog onCancel={() => setDialog(null)} onSubmit={paid} />
      </Show>

      <Show when={run()}>
        {(r) => (
          <div class="overlay" role="presentation">
            <div class="panel dialog orders-bulk-run" role="dialog" aria-modal="true" aria-label={r().title} data-testid="bulk-run" data-finished={String(r().finished)}>
              <h2>{r().title}</h2>
              <progress max={Math.max(1, r().total)} value={r().done} data-testid="bulk-progress" />
              <p aria-live="polite" data-testid="bulk-summary">
                {r().finished ? b().summary(tally(r().outcomes).ok, tally(r().outcomes).refused) : b().progress(r().done, r().total)}
              </p>
              <ul class="list orders-bulk-outcomes" role="list">
                <For each={r().outcomes}>
                  {(o) => (
                    <li class="orders-bulk-outcome" classList={{ ok: o.ok, refused: !o.ok }} data-testid="bulk-outcome" data-order-id={o.id} data-ok={String(o.ok)}>
                      <span class="mono strong">{o.number}</span>
                      <span>{o.ok ? (o.note ?? (r().printing ? b().printed : b().ok)) : b().refused(o.message ?? '')}</span>
                    </li>
                  )}
                </For>
              </ul>
              <div class="panel-actions">
                <button
                  type="button"
                  class="btn primary"
                  data-testid="bulk-run-close"
                  disabled={!r().finished}
                  ref={(el) => queueMicrotask(() => el.focus())}
                  onClick={() => {
                    const allDone = r().outcomes.every((o) => o.ok);
                    setRun(null);
                    if (allDone) props.onClear();
                  }}
                >
                  {b().close}
                </button>
              </div>
            </div>
          </div>
        )}
      </Show>
    </>
  );
}
