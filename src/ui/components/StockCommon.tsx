/**
 * Pieces every stock screen uses: how fresh the figures are, the location picker, the words for a
 * refused plan, and runPlan — which keeps the plan on the device while it is written, so that one
 * interrupted is finished (same ids, nothing twice) from the banner PlanResume shows.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { applyStockPlan, type PlanNotFinished, type PlanRefusal, type PlanWritten } from '../../commands/stock-ops.ts';
import type { Freshness, StockOpProblem, StockPlan } from '../../domain/stock-ops.ts';
import type { Result } from '../../domain/result.ts';
import { watchStockFreshness, watchStockLocations, type StockLocation } from '../../store/stock-queries.ts';
import { fmtTime, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { loadPendingPlan, savePendingPlan } from './StockDraft.ts';

export function freshnessText(f: Freshness): string {
  const w = t().stock.freshness;
  return f.kind === 'never_synced' ? w.never_synced : f.kind === 'as_of' ? w.as_of(fmtTime(f.at)) : w.offline_since(fmtTime(f.at));
}

/** How fresh the figures are, live from the sync status. */
export function useFreshness(): () => Freshness {
  return live<Freshness>(() => watchStockFreshness(), { kind: 'never_synced' }).value;
}

/** "as of 14:32" / "offline since 09:10", live from the sync status. */
export function StockFreshness(): JSX.Element {
  const f = useFreshness();
  return (
    <span class="pill stock-freshness" classList={{ stale: f().kind !== 'as_of' }} data-testid="stock-freshness" data-kind={f().kind} role="status">
      {freshnessText(f())}
    </span>
  );
}

export function useStockLocations(): () => StockLocation[] {
  const locations = live<StockLocation[]>(() => watchStockLocations(), []);
  return locations.value;
}

export function LocationSelect(props: { value: string; onChange: (id: string) => void; label: string; testId: string; all?: string; disabled?: boolean }): JSX.Element {
  const locations = useStockLocations();
  return (
    <label class="field">
      <span>{props.label}</span>
      <select class="stock-select" data-testid={props.testId} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <Show when={props.all}>{(all) => <option value="">{all()}</option>}</Show>
        <For each={locations()}>{(l) => <option value={l.id} selected={l.id === props.value}>{l.name}</option>}</For>
      </select>
    </label>
  );
}

export function problemText(p: StockOpProblem): string {
  const w = t().stock.problems;
  switch (p.code) {
    case 'empty': return w.empty;
    case 'bad_quantity': return w.bad_quantity(p.sku);
    case 'unknown_sku': return w.unknown_sku(p.sku);
    case 'unknown_location': return w.unknown_location(p.location);
    case 'same_location': return w.same_location;
    case 'ids': return w.ids;
  }
}

/** Plans, then writes, a stock operation; the error (if any) already in words. */
export async function runPlan(plan: () => Promise<Result<StockPlan, PlanRefusal>>): Promise<Result<{ plan: StockPlan; written: PlanWritten }, string>> {
  try {
    const planned = await plan();
    if (!planned.ok) {
      const r = planned.error;
      return { ok: false, error: r.kind === 'not_paired' ? t().stock.notPaired : r.problems.map(problemText).join(' ') };
    }
    return await writePlan(planned.value);
  } catch (e) {
    return { ok: false, error: t().errors.unexpected(errorMessage(e)) };
  }
}

async function writePlan(plan: StockPlan): Promise<Result<{ plan: StockPlan; written: PlanWritten }, string>> {
  savePendingPlan(plan);
  const r = await applyStockPlan(plan);
  if (!r.ok) return { ok: false, error: notFinished(r.error) };
  savePendingPlan(null);
  return { ok: true, value: { plan, written: r.value } };
}

const notFinished = (e: PlanNotFinished): string => t().stock.notSaved(e.message, e.remaining);

/** Offers to finish a plan a reload or a full disk interrupted. */
export function PlanResume(): JSX.Element {
  const [pending, setPending] = createSignal<StockPlan | null>(loadPendingPlan());
  const [message, setMessage] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function finish(plan: StockPlan): Promise<void> {
    setBusy(true);
    const r = await writePlan(plan).catch((e: unknown) => ({ ok: false as const, error: errorMessage(e) }));
    setBusy(false);
    if (r.ok) setPending(null);
    setMessage(r.ok ? t().stock.resume.done : r.error);
  }
  return (
    <>
      <Show when={pending()}>
        {(plan) => (
          <div class="banner warning stock-resume" role="alert" data-testid="stock-resume">
            <span>{t().stock.resume.banner}</span>
            <button type="button" class="btn primary" disabled={busy()} data-testid="stock-resume-finish" onClick={() => void finish(plan())}>{t().stock.resume.action}</button>
          </div>
        )}
      </Show>
      <Show when={message()}>{(m) => <p class="notice ok" role="status">{m()}</p>}</Show>
    </>
  );
}

/** The links between the stock screens. */
export function StockNav(): JSX.Element {
  return (
    <nav class="stock-nav" aria-label={t().stock.title}>
      <A class="btn secondary" href="/stock" end activeClass="active" data-testid="stock-nav-levels">{t().stock.title}</A>
      <A class="btn secondary" href="/stock/take" activeClass="active" data-testid="stock-nav-take">{t().stock.take}</A>
      <A class="btn secondary" href="/stock/receive" activeClass="active" data-testid="stock-nav-receive">{t().stock.receive}</A>
      <A class="btn secondary" href="/stock/transfer" activeClass="active" data-testid="stock-nav-transfer">{t().stock.transfer}</A>
    </nav>
  );
}

/** The frame of every stock screen: title and freshness, the stock navigation, an unfinished plan's banner. */
export function StockPage(props: { testId: string; title: string; intro?: string; children: JSX.Element }): JSX.Element {
  return (
    <main class="page stock-page" data-testid={props.testId}>
      <div class="page-head">
        <h1>{props.title}</h1>
        <StockFreshness />
      </div>
      <StockNav />
      <PlanResume />
      <Show when={props.intro}>
        <p class="muted">{props.intro}</p>
      </Show>
      {props.children}
    </main>
  );
}
