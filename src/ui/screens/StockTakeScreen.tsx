/**
 * Stock take (issue 7): pick the location, scan every item there (one scan = one unit; a quantity
 * can be typed over), see the variance against the expected stock, apply. Applying writes one
 * 'count' per SKU (commands/stock-ops.ts): nothing unless every line is valid, never twice, and an
 * interrupted apply is finished under the same ids. The take in progress survives a reload.
 */
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { newStockOperationId, planStockTakeApply } from '../../commands/stock-ops.ts';
import { ok } from '../../domain/result.ts';
import { countScan, dropCount, setCount, startStockTake, stockTakeVariance, varianceTotals, type StockPlan, type StockTake } from '../../domain/stock-ops.ts';
import { getProducts } from '../../store/product-queries.ts';
import { watchOnHandAt } from '../../store/stock-queries.ts';
import { LocationSelect, StockPage, runPlan, useStockLocations } from '../components/StockCommon.tsx';
import { loadPendingPlan, loadStockTake, saveStockTake } from '../components/StockDraft.ts';
import { StockScanBox } from '../components/StockScanBox.tsx';
import { fmtTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import '../styles/stock.css';

/** An interrupted apply of this very take (same counts): finished rather than planned again. */
function pendingPlanOf(take: StockTake): StockPlan | null {
  const plan = loadPendingPlan();
  if (plan === null || plan.kind !== 'count' || !plan.ref.endsWith(`:${take.id}`)) return null;
  const same = plan.movements.length === take.lines.length && take.lines.every((l) => plan.movements.some((m) => m.sku === l.sku && m.quantity === l.counted && m.location === take.location));
  return same ? plan : null;
}

export default function StockTakeScreen(): JSX.Element {
  const locations = useStockLocations();
  const [take, setTakeSignal] = createSignal<StockTake | null>(loadStockTake());
  const [chosen, setChosen] = createSignal('');
  const [names, setNames] = createSignal<Record<string, string>>({});
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const setTake = (next: StockTake | null): void => {
    setTakeSignal(next);
    saveStockTake(next);
  };
  const location = (): string => take()?.location ?? (chosen() || locations()[0]?.id || '');
  const skus = createMemo(() => (take()?.lines ?? []).map((l) => l.sku));
  const onHand = live<Map<string, number>>(() => watchOnHandAt(location(), skus()), new Map());
  const lines = createMemo(() => {
    const tk = take();
    return tk === null ? [] : stockTakeVariance(tk, (sku) => onHand.value().get(sku) ?? 0);
  });
  const totals = createMemo(() => varianceTotals(lines()));

  // Names of lines restored from a draft (scans bring their own).
  createEffect(() => {
    const missing = skus().filter((s) => names()[s] === undefined);
    if (missing.length > 0) void getProducts(missing).then((ps) => setNames((n) => ({ ...n, ...Object.fromEntries(ps.map((p) => [p.sku, p.name])) })));
  });

  function counted(p: { sku: string; name: string }): void {
    if (busy()) return;
    setNames((n) => ({ ...n, [p.sku]: p.name }));
    setDone(null);
    setConfirming(false);
    const now = new Date().toISOString();
    setTake(countScan(take() ?? startStockTake(newStockOperationId(), location(), now), p.sku, now));
  }

  async function apply(): Promise<void> {
    const tk = take();
    if (tk === null || busy()) return;
    setBusy(true);
    setError(null);
    const pending = pendingPlanOf(tk);
    const r = await runPlan(async () => (pending !== null ? ok(pending) : planStockTakeApply(tk)));
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return void setError(r.error);
    setTake(null);
    setDone(t().stock.takeScreen.applied(r.value.plan.movements.length));
  }

  const w = (): ReturnType<typeof t>['stock']['takeScreen'] => t().stock.takeScreen;
  return (
    <StockPage testId="stocktake-screen" title={w().title} intro={w().intro}>
      <div class="stock-filters">
        <LocationSelect label={t().stock.location} testId="stocktake-location" value={location()} onChange={setChosen} disabled={take() !== null} />
        <Show when={take()}>{(tk) => <span class="muted">{w().startedAt(fmtTime(tk().startedAt))}</span>}</Show>
      </div>
      <StockScanBox testId="stocktake-scan" onProduct={counted} disabled={busy()} />
      <Show when={done()}>{(m) => <p class="notice ok" role="status" data-testid="stocktake-applied">{m()}</p>}</Show>
      <Show when={error()}>{(m) => <p class="banner error" role="alert" data-testid="stocktake-error">{m()}</p>}</Show>
      <Show when={lines().length > 0} fallback={<p class="muted empty">{t().stock.noLines}</p>}>
        <div class="table-wrap">
          <table class="data-table stock-lines">
            <thead>
              <tr>
                <th>{t().stock.sku}</th>
                <th>{t().stock.product}</th>
                <th class="num">{w().expected}</th>
                <th class="num">{w().counted}</th>
                <th class="num">{w().variance}</th>
                <th><span class="visually-hidden">{t().stock.remove}</span></th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(l) => (
                  <tr data-testid="stocktake-line" data-sku={l.sku}>
                    <td class="mono">{l.sku}</td>
                    <td>{names()[l.sku] ?? ''}</td>
                    <td class="num" data-testid="stocktake-expected">{l.expected}</td>
                    <td class="num">
                      <input class="qty-input" type="number" min="0" step="1" inputmode="numeric" data-testid="stocktake-counted" disabled={busy()}
                        aria-label={t().stock.quantityOf(names()[l.sku] ?? l.sku)} value={l.counted}
                        onChange={(e) => {
                          const n = Number(e.currentTarget.value);
                          if (Number.isSafeInteger(n) && n >= 0) setTake(setCount(take()!, l.sku, n, new Date().toISOString()));
                          else e.currentTarget.value = String(l.counted);
                        }} />
                    </td>
                    <td class="num stock-figure" classList={{ bad: l.variance < 0, warn: l.variance > 0 }} data-testid="stocktake-variance" data-value={l.variance}>
                      {w().signed(l.variance)}
                    </td>
                    <td>
                      <button type="button" class="btn icon danger" aria-label={t().stock.removeLine(names()[l.sku] ?? l.sku)} disabled={busy()}
                        data-testid="stocktake-remove" onClick={() => setTake(dropCount(take()!, l.sku))}>×</button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="stock-totals" data-testid="stocktake-totals">{w().totals(totals().skus, totals().differing, totals().units)}</p>
        <Show when={confirming()} fallback={
          <div class="panel-actions">
            <button type="button" class="btn secondary danger" data-testid="stocktake-discard" disabled={busy()} onClick={() => { setTake(null); setError(null); }}>{w().discard}</button>
            <button type="button" class="btn big primary" data-testid="stocktake-apply" disabled={busy()} onClick={() => setConfirming(true)}>{w().apply}</button>
          </div>
        }>
          <div class="card stock-confirm" role="alertdialog" aria-labelledby="stocktake-confirm-text">
            <p id="stocktake-confirm-text">{w().confirm(totals().skus)}</p>
            <div class="panel-actions">
              <button type="button" class="btn secondary" data-testid="stocktake-confirm-no" disabled={busy()} onClick={() => setConfirming(false)}>{w().confirmNo}</button>
              <button type="button" class="btn big primary" data-testid="stocktake-confirm" disabled={busy()} onClick={() => void apply()}>
                {busy() ? w().applying : w().confirmYes}
              </button>
            </div>
          </div>
        </Show>
      </Show>
    </StockPage>
  );
}
