import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { dayRange } from '../../commands/import-web-orders.ts';
import { compareWebOrders, type WebOrderDifferencesReport } from '../../commands/web-order-differences.ts';
import type { WebOrderDifference } from '../../domain/web-order-compare.ts';
import { lang } from '../i18n/index.ts';
import { webOrderDiffEn } from '../i18n/web-order-diff.en.ts';
import { webOrderDiffFr } from '../i18n/web-order-diff.fr.ts';
import { currentPairing } from '../session.ts';

type Report = WebOrderDifferencesReport;


function isoDay(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Web orders vs the online shops for a date range (GET /api/stores/:storeId/web-order-differences)
 * with a one-click repair (POST …/repair: re-import, re-push). Needs the network.
 */
export default function WebOrderDifferences(): JSX.Element {
  const s = () => (lang() === 'en' ? webOrderDiffEn : webOrderDiffFr);
  const today = new Date();
  const [fromDay, setFromDay] = createSignal(isoDay(new Date(today.getTime() - 7 * 24 * 3600_000)));
  const [toDay, setToDay] = createSignal(isoDay(today));
  const [report, setReport] = createSignal<Report | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<'check' | 'repair' | null>(null);

  const call = async (mode: 'check' | 'repair'): Promise<void> => {
    const pairing = currentPairing();
    if (!pairing || busy()) return;
    setBusy(mode);
    setError(null);
    try {
      const r = await compareWebOrders(pairing, mode, dayRange(fromDay(), toDay()));
      if (r.ok) setReport(r.value);
      else setError(r.error.kind === 'offline' ? s().offline : s().refused(r.error.reason));
    } finally {
      setBusy(null);
    }
  };

  const label = (d: WebOrderDifference): string => (d.kind === 'state' ? s().kinds[d.reason] : s().kinds[d.kind]);
  const detail = (d: WebOrderDifference): string =>
    d.kind === 'state' ? `${s().states.here}: ${d.here} · ${s().states.there}: ${d.there}` : d.kind === 'duplicate' ? d.docIds.join(', ') : '';

  return (
    <section class="card" data-testid="web-order-differences">
      <h2>{s().title}</h2>
      <p class="muted">{s().intro}</p>
      <form onSubmit={(e) => { e.preventDefault(); void call('check'); }}>
        <label class="field">
          {s().from}
          <input type="date" value={fromDay()} max={toDay()} onInput={(e) => setFromDay(e.currentTarget.value)} required />
        </label>
        <label class="field">
          {s().to}
          <input type="date" value={toDay()} min={fromDay()} onInput={(e) => setToDay(e.currentTarget.value)} required />
        </label>
        <button class="btn primary" type="submit" disabled={busy() !== null}>
          {busy() === 'check' ? s().checking : s().check}
        </button>
      </form>
      <Show when={error()}>
        <p class="banner error" role="alert">{error()}</p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div aria-live="polite">
            <p>{s().checked(r().checked)}</p>
            <For each={r().errors}>{(er) => <p class="reason">{`${er.platform} : ${er.reason}`}</p>}</For>
            <Show when={r().differences.length === 0}>
              <p class="empty ok">{s().none}</p>
            </Show>
            <Show when={r().differences.length > 0}>
              <div class="table-wrap">
                <table class="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{s().order}</th>
                      <th scope="col">{s().platform}</th>
                      <th scope="col">{s().difference}</th>
                      <th scope="col">{s().fix}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().differences}>
                      {(d) => (
                        <tr>
                          <td class="strong mono">{d.orderNumber}</td>
                          <td>{d.platform}</td>
                          <td>
                            <div>{label(d)}</div>
                            <div class="muted">{detail(d)}</div>
                          </td>
                          <td>{s().repairs[d.repair]}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <button class="btn" type="button" disabled={busy() !== null || !r().differences.some((d) => d.repair !== 'none')} onClick={() => void call('repair')}>
                {busy() === 'repair' ? s().repairing : s().repair}
              </button>
            </Show>
            <Show when={(r().actions ?? []).length > 0}>
              <h3>{s().done}</h3>
              <ul>
                <For each={r().actions ?? []}>
                  {(a) => <li>{`${a.platform} #${a.platformOrderId} : ${s().actions[a.action] ?? a.action}${a.detail && a.action === 'failed' ? ` (${a.detail})` : ''}`}</li>}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
