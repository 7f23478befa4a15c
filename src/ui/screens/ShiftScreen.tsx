/**
 * /shift: open a shift with a float, pay-ins and pay-outs, an X report at any time, and the close:
 * count the drawer by denomination, see expected vs counted, confirm → the Z report (printable).
 * Shortcuts: F7 X report, F8 close (count), Esc back.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { denominationsOf, type CashCounts } from '../../domain/cash-count.ts';
import { money } from '../../domain/money.ts';
import type { ShiftDoc, ZReportDoc } from '../../domain/register-documents.ts';
import { shiftTotals } from '../../domain/shift.ts';
import { watchOpenShift, watchShiftDocs, watchZReports } from '../../store/shift-queries.ts';
import { watchStaff, type StaffMember } from '../../store/staff-queries.ts';
import { closeShift, startShift, xReport, type XReport } from '../actions.ts';
import { CashCount, validCounts } from '../components/CashCount.tsx';
import { PayInOut } from '../components/PayInOut.tsx';
import { printReport, ZReport, type ReportData } from '../components/ZReport.tsx';
import { fmtDateTime, fmtMoney, readMoney, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { currentPairing, session } from '../session.ts';
import { describeShiftRefusal } from '../shift-refusals.ts';
import '../styles/shift.css';

type View = { kind: 'main' } | { kind: 'x'; report: XReport } | { kind: 'count' } | { kind: 'z'; z: ZReportDoc };

export default function ShiftScreen(): JSX.Element {
  const registerId = (): string => currentPairing()?.registerId ?? '';
  const open = live<ShiftDoc | null>(() => watchOpenShift(registerId()), null);
  const zs = live<ZReportDoc[]>(() => watchZReports(registerId()), []);
  const docs = live(() => watchShiftDocs(open.value()?._id ?? ''), []);
  const staff = live<StaffMember[]>(() => watchStaff(), []);
  const staffName = (id: string): string => staff.value().find((s) => s._id === id)?.name ?? id;
  const [view, setView] = createSignal<View>({ kind: 'main' });
  const [floatText, setFloatText] = createSignal('');
  const [counts, setCounts] = createSignal<CashCounts>({});
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const denominations = createMemo(() => denominationsOf(session.settings.value()));
  const liveTotals = createMemo(() => {
    const shift = open.value();
    return shift === null ? null : shiftTotals(docs.value(), { float: shift.float });
  });
  const names = () => ({ storeName: session.settings.value()?.name ?? t().appName, registerName: currentPairing()?.registerName ?? registerId() });

  async function run(task: () => Promise<string | null>): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      setError(await task());
    } catch (e) {
      setError(t().errors.unexpected(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  const openShiftNow = (): Promise<void> =>
    run(async () => {
      const parsed = readMoney(floatText().trim() === '' ? '0' : floatText());
      if (!parsed.ok) return t().tender.invalid[parsed.error.code];
      const r = await startShift(parsed.value);
      if (!r.ok) return describeShiftRefusal(r.error);
      setFloatText('');
      return null;
    });

  const showX = (): Promise<void> =>
    run(async () => {
      const r = await xReport();
      if (!r.ok) return describeShiftRefusal(r.error);
      setView({ kind: 'x', report: r.value });
      return null;
    });

  const confirmClose = (): Promise<void> =>
    run(async () => {
      const valid = validCounts(counts());
      if (valid === null) return t().shift.refusals.invalid_count;
      const r = await closeShift(valid);
      if (!r.ok) return describeShiftRefusal(r.error);
      setCounts({});
      setView({ kind: 'z', z: r.value });
      return null;
    });

  const xData = (x: XReport): ReportData => ({
    mode: 'x', ...names(), openedAt: x.shift.openedAt, at: x.at, float: x.shift.float, totals: x.totals, lateSales: x.lateSales,
  });
  const zData = (z: ZReportDoc): ReportData => ({
    mode: 'z', ...names(), zNumber: z.zNumber, openedAt: z.openedAt, at: z.closedAt, float: z.float, totals: z.totals,
    countedCash: z.countedCash, difference: z.difference, lateSales: z.lateSales ?? [],
  });

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F7' && open.value() !== null) {
      e.preventDefault();
      void showX();
    } else if (e.key === 'F8' && open.value() !== null) {
      e.preventDefault();
      setView({ kind: 'count' });
    } else if (e.key === 'Escape' && view().kind !== 'main' && !busy()) {
      e.preventDefault();
      setView({ kind: 'main' });
    }
  }
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const ReportActions = (props: { onDone: () => void }): JSX.Element => (
    <div class="panel-actions no-print">
      <button type="button" class="btn secondary" data-testid="report-print-80" onClick={() => printReport('80mm')}>
        {t().shift.print80}
      </button>
      <button type="button" class="btn secondary" data-testid="report-print-a4" onClick={() => printReport('a4')}>
        {t().shift.printA4}
      </button>
      <button type="button" class="btn primary" data-testid="report-done" onClick={() => props.onDone()}>
        {t().shift.done} <kbd>{t().keys.esc}</kbd>
      </button>
    </div>
  );

  return (
    <main class="page shift-page">
      <div class="shift-head">
        <h1>{t().shift.title}</h1>
        <span class="pill" classList={{ ok: open.value() !== null }} data-testid="shift-state" data-state={open.value() === null ? 'closed' : 'open'}>
          {open.value() === null ? t().shift.stateClosed : t().shift.stateOpen}
        </span>
      </div>

      <Show when={error()}>
        {(msg) => (
          <p class="banner error" role="alert" data-testid="shift-error">
            {msg()}
          </p>
        )}
      </Show>

      <Show when={view().kind === 'x' && view()} keyed>
        {(v) => v.kind === 'x' && (
          <section class="report-view">
            <ZReport report={xData(v.report)} />
            <ReportActions onDone={() => setView({ kind: 'main' })} />
          </section>
        )}
      </Show>

      <Show when={view().kind === 'z' && view()} keyed>
        {(v) => v.kind === 'z' && (
          <section class="report-view">
            <ZReport report={zData(v.z)} />
            <ReportActions onDone={() => setView({ kind: 'main' })} />
          </section>
        )}
      </Show>

      <Show when={view().kind === 'main' || view().kind === 'count'}>
        <Show
          when={open.value()}
          fallback={
            <form class="card open-shift" onSubmit={(e) => { e.preventDefault(); void openShiftNow(); }}>
              <label class="field">
                <span>{t().shift.float}</span>
                <input class="input-xl" data-testid="shift-float" inputmode="decimal" autocomplete="off" placeholder="0,00" value={floatText()} onInput={(e) => setFloatText(e.currentTarget.value)} />
                <small class="muted">{t().shift.floatHint}</small>
              </label>
              <button type="submit" class="btn primary big" data-testid="shift-open" disabled={busy() || !open.ready()}>
                {busy() ? t().shift.opening : t().shift.open} <kbd>{t().keys.enter}</kbd>
              </button>
            </form>
          }
        >
          {(shift) => (
            <>
              <p class="muted" data-testid="shift-opened">{t().shift.openedAt(fmtDateTime(shift().openedAt), staffName(shift().openedBy))}</p>
              <Show
                when={view().kind === 'count'}
                fallback={
                  <>
                    <div class="shift-actions">
                      <button type="button" class="btn secondary big" data-testid="x-report" disabled={busy()} onClick={() => void showX()}>
                        {t().shift.xReport} <kbd>F7</kbd>
                      </button>
                      <button type="button" class="btn primary big" data-testid="z-close" disabled={busy()} onClick={() => setView({ kind: 'count' })}>
                        {t().shift.close} <kbd>F8</kbd>
                      </button>
                    </div>
                    <PayInOut />
                  </>
                }
              >
                <form class="card count-card" onSubmit={(e) => { e.preventDefault(); void confirmClose(); }}>
                  <h2>{t().shift.countTitle}</h2>
                  <p class="muted">{t().shift.countHint}</p>
                  <CashCount denominations={denominations()} counts={counts()} onChange={setCounts} expected={liveTotals()?.expectedCash ?? money(shift().float)} />
                  <div class="panel-actions">
                    <button type="button" class="btn secondary" disabled={busy()} onClick={() => setView({ kind: 'main' })}>
                      {t().shift.cancel} <kbd>{t().keys.esc}</kbd>
                    </button>
                    <button type="submit" class="btn primary big" data-testid="z-confirm" disabled={busy() || validCounts(counts()) === null}>
                      {busy() ? t().shift.closing : t().shift.confirm} <kbd>{t().keys.enter}</kbd>
                    </button>
                  </div>
                </form>
              </Show>
            </>
          )}
        </Show>

        <h2 class="section-title">{t().shift.lastZ}</h2>
        <Show when={zs.value().length > 0} fallback={<p class="muted">{t().shift.noZ}</p>}>
          <ul class="list" role="list">
            <For each={zs.value().slice(0, 10)}>
              {(z) => (
                <li>
                  <button type="button" class="list-row z-row" data-testid="z-row" onClick={() => setView({ kind: 'z', z })}>
                    <span class="mono">{t().shift.zTitle(z.zNumber)}</span>
                    <span>{fmtDateTime(z.closedAt)}</span>
                    <span class="muted">{z.totals.salesCount}</span>
                    <span class="num">{t().shift.report.difference} {fmtMoney(z.difference)}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </main>
  );
}
