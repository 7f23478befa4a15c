/**
 * The reports screens' period picker and run state: two local dates with presets, a run in the
 * reports worker each time the period changes (or on demand), a progress bar while it aggregates,
 * and a note when documents arrived since the figures were computed. The main thread only waits.
 */
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import { deviceTimeZone, reportRange, type ReportProgress } from '../../commands/reports.ts';
import type { ReportRange } from '../../domain/reports/sales-report.ts';
import { watchReportFreshness, type ReportFreshness } from '../../store/reports-queries.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';

export interface Days {
  first: string;
  last: string;
}

/** A local date as YYYY-MM-DD (the device's zone). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function shifted(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDay(d);
}

export const PRESETS = {
  today: (): Days => ({ first: shifted(0), last: shifted(0) }),
  yesterday: (): Days => ({ first: shifted(-1), last: shifted(-1) }),
  week: (): Days => ({ first: shifted(-6), last: shifted(0) }),
  month: (): Days => {
    const d = new Date();
    return { first: localDay(new Date(d.getFullYear(), d.getMonth(), 1)), last: shifted(0) };
  },
} as const;

const freshnessTotal = (f: ReportFreshness): number => f.sales + f.webOrders + f.registerDocs;

export interface ReportRun<T> {
  days: Accessor<Days>;
  setDays: (d: Days) => void;
  result: Accessor<T | null>;
  busy: Accessor<boolean>;
  progress: Accessor<ReportProgress | null>;
  error: Accessor<string | null>;
  /** Documents that reached the read model since the result was computed. */
  arrivedSince: Accessor<number>;
  run: () => void;
}

/** Runs `task` for the chosen days whenever they change (after a short pause) or on demand. */
export function createReportRun<T>(task: (range: ReportRange, onProgress: (p: ReportProgress) => void) => Promise<T>, initial: Days = PRESETS.today()): ReportRun<T> {
  const [days, setDays] = createSignal<Days>(initial);
  const [result, setResult] = createSignal<T | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [progress, setProgress] = createSignal<ReportProgress | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [baseline, setBaseline] = createSignal<number | null>(null);
  const freshness = live<ReportFreshness | null>(() => watchReportFreshness(), null);
  let token = 0;

  const run = (): void => {
    const range = reportRange(days().first, days().last, deviceTimeZone());
    if (range === null) {
      setError(t().reports.range.invalid);
      return;
    }
    const mine = ++token;
    const f = freshness.value();
    setBaseline(f === null ? null : freshnessTotal(f));
    setBusy(true);
    setError(null);
    setProgress({ phase: 'counting', done: 0, total: 0 });
    task(range, (p) => {
      if (mine === token) setProgress(p);
    })
      .then((r) => {
        if (mine !== token) return;
        setResult(() => r);
      })
      .catch((e: unknown) => {
        if (mine === token) setError(t().reports.failed(errorMessage(e)));
      })
      .finally(() => {
        if (mine !== token) return;
        setBusy(false);
        setProgress(null);
      });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(days, () => {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    }),
  );
  onCleanup(() => {
    clearTimeout(timer);
    token += 1;
  });

  const arrivedSince = (): number => {
    const f = freshness.value();
    const b = baseline();
    return f === null || b === null || busy() ? 0 : Math.max(0, freshnessTotal(f) - b);
  };
  return { days, setDays, result, busy, progress, error, arrivedSince, run };
}

export function ReportRangeBar<T>(props: { run: ReportRun<T>; asOf?: string | undefined; children?: JSX.Element }): JSX.Element {
  const r = props.run;
  const set = (key: keyof Days, value: string): void => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) r.setDays({ ...r.days(), [key]: value });
  };
  const percent = (): number => {
    const p = r.progress();
    return p === null || p.total === 0 ? 0 : Math.round((100 * p.done) / p.total);
  };
  return (
    <section class="report-range card" aria-labelledby="report-range-legend">
      <div class="report-range-row">
        <h2 id="report-range-legend" class="visually-hidden">
          {t().reports.range.legend}
        </h2>
        <label class="field">
          <span>{t().reports.range.from}</span>
          <input type="date" data-testid="report-from" value={r.days().first} max={r.days().last} onChange={(e) => set('first', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t().reports.range.to}</span>
          <input type="date" data-testid="report-to" value={r.days().last} min={r.days().first} onChange={(e) => set('last', e.currentTarget.value)} />
        </label>
        <div class="report-presets" role="group" aria-label={t().reports.range.legend}>
          {(Object.keys(PRESETS) as Array<keyof typeof PRESETS>).map((key) => (
            <button type="button" class="btn secondary small" data-testid={`report-preset-${key}`} onClick={() => r.setDays(PRESETS[key]())}>
              {t().reports.range[key]}
            </button>
          ))}
        </div>
        <button type="button" class="btn primary" data-testid="report-run" disabled={r.busy()} onClick={() => r.run()}>
          {t().reports.range.run}
        </button>
        {props.children}
      </div>
      <p class="muted small">{t().reports.range.zone(deviceTimeZone())}</p>
      <Show when={r.busy() && r.progress()}>
        {(p) => (
          <div class="report-progress" role="status" aria-live="polite">
            <progress
              data-testid="report-progress"
              max={Math.max(1, p().total)}
              value={p().done}
              aria-label={t().reports.progress.label}
              aria-valuetext={`${percent()} %`}
            />
            <span class="muted small">
              {t().reports.progress.phases[p().phase]} {p().total > 0 ? t().reports.progress.rows(p().done, p().total) : ''}
            </span>
          </div>
        )}
      </Show>
      <Show when={r.error()}>
        {(msg) => (
          <p class="banner error" role="alert" data-testid="report-error">
            {msg()}
          </p>
        )}
      </Show>
      <Show when={!r.busy() && props.asOf}>
        {(asOf) => (
          <p class="muted small" data-testid="report-as-of">
            {t().reports.asOf(fmtDateTime(asOf()))}{' '}
            <Show when={r.arrivedSince() > 0}>
              <span class="report-stale" data-testid="report-stale">
                {t().reports.stale(r.arrivedSince())}{' '}
                <button type="button" class="btn link" onClick={() => r.run()}>
                  {t().reports.range.run}
                </button>
              </span>
            </Show>
          </p>
        )}
      </Show>
    </section>
  );
}
