/**
 * Which location prepares which units, for shops with several stock locations: a grid of SKUs by
 * locations, filled from the order's current allocation, with the suggestion computed from the
 * stock on hand (one location if it can serve everything) one click away. Saved as one
 * 'allocated' event; each location then picks, packs and ships its own part.
 */
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OrderState } from '../../domain/web-order-types.ts';
import { watchAllocationSuggestion } from '../../store/web-order-queries.ts';
import { allocateOrder } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { orderRefusalText } from './OrderShared.tsx';

type Entry = { sku: string; location: string; quantity: number };
type Grid = Record<string, Record<string, number>>;

function gridOf(entries: readonly Entry[]): Grid {
  const grid: Grid = {};
  for (const e of entries) {
    const row = (grid[e.sku] ??= {});
    row[e.location] = (row[e.location] ?? 0) + e.quantity;
  }
  return grid;
}

export function OrderAllocation(props: { state: OrderState; locations: Array<{ id: string; name: string }>; onMessage: (text: string | null, ok?: boolean) => void }): JSX.Element {
  const suggestion = live<Entry[] | undefined>(() => watchAllocationSuggestion(props.state.orderId), undefined);
  const skus = createMemo(() => {
    const seen = new Map<string, { sku: string; name: string; ordered: number }>();
    for (const l of props.state.lines) {
      const s = seen.get(l.sku);
      if (s) s.ordered += l.ordered;
      else seen.set(l.sku, { sku: l.sku, name: l.name, ordered: l.ordered });
    }
    return [...seen.values()].filter((s) => s.ordered > 0);
  });
  const current = createMemo(() => gridOf(props.state.lines.map((l) => ({ sku: l.sku, location: l.location, quantity: l.ordered }))));
  const [grid, setGrid] = createSignal<Grid>(current());
  // The order's allocation changed (this register or another): start again from it.
  createEffect(on(current, (g) => setGrid(g), { defer: true }));
  const [busy, setBusy] = createSignal(false);
  const cell = (sku: string, loc: string): number => grid()[sku]?.[loc] ?? 0;
  const setCell = (sku: string, loc: string, n: number): void => {
    setGrid({ ...grid(), [sku]: { ...(grid()[sku] ?? {}), [loc]: Math.max(0, n) } });
  };
  const rowTotal = (sku: string): number => Object.values(grid()[sku] ?? {}).reduce((s, n) => s + n, 0);

  async function save(): Promise<void> {
    const wrong = skus().find((s) => rowTotal(s.sku) !== s.ordered);
    if (wrong) return props.onMessage(t().orderDetail.allocation.mismatch(wrong.sku));
    const entries: Entry[] = [];
    for (const s of skus()) for (const loc of props.locations) if (cell(s.sku, loc.id) > 0) entries.push({ sku: s.sku, location: loc.id, quantity: cell(s.sku, loc.id) });
    setBusy(true);
    try {
      const r = await allocateOrder(props.state.orderId, entries);
      props.onMessage(r.ok ? t().orderDetail.allocation.saved : orderRefusalText(r.error), r.ok);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="order-allocation card" data-testid="order-allocation">
      <h2>{t().orderDetail.allocation.title}</h2>
      <p class="muted small">{t().orderDetail.allocation.intro}</p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t().orderDetail.sku}</th>
              <th scope="col" class="num">{t().orderDetail.ordered}</th>
              <For each={props.locations}>{(loc) => <th scope="col" class="num">{loc.name}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={skus()}>
              {(s) => (
                <tr data-testid="allocation-row" data-sku={s.sku} classList={{ mismatch: rowTotal(s.sku) !== s.ordered }}>
                  <td>
                    <span class="mono">{s.sku}</span> <span class="small">{s.name}</span>
                  </td>
                  <td class="num">{s.ordered}</td>
                  <For each={props.locations}>
                    {(loc) => (
                      <td class="num">
                        <input type="number" class="qty-input" data-testid="allocation-qty" data-location={loc.id} min={0} max={s.ordered} step={1} value={cell(s.sku, loc.id)}
                          aria-label={`${s.sku} — ${loc.name}`} onInput={(e) => setCell(s.sku, loc.id, Math.floor(Number(e.currentTarget.value) || 0))} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="order-actions">
        <Show when={(suggestion.value() ?? []).length > 0}>
          <button type="button" class="btn" data-testid="allocation-suggest" onClick={() => setGrid(gridOf(suggestion.value() ?? []))}>
            {t().orderDetail.allocation.useSuggestion}
          </button>
        </Show>
        <button type="button" class="btn primary" data-testid="allocation-save" disabled={busy()} onClick={() => void save()}>
          {t().orderDetail.allocation.save}
        </button>
      </div>
    </section>
  );
}
