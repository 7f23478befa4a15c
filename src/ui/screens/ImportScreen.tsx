import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { dayRange, getWebOrderImport, startWebOrderImport, type ImportJobView } from '../../commands/import-web-orders.ts';
import { watchImportProblems } from '../../store/queries.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { currentPairing } from '../session.ts';
import type { WebOrderRow } from '../types.ts';
import WebOrderDifferences from '../components/WebOrderDifferences.tsx';

const POLL_MS = 1000;

function isoDay(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * /orders/import: import the web orders of a date range (a job on the sync server, polled for its
 * progress), and the "import problems" list: web orders whose lines or customer could not be matched.
 */
export default function ImportScreen(): JSX.Element {
  const today = new Date();
  const [fromDay, setFromDay] = createSignal(isoDay(new Date(today.getTime() - 7 * 24 * 3600_000)));
  const [toDay, setToDay] = createSignal(isoDay(today));
  const [job, setJob] = createSignal<ImportJobView | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const problems = live<WebOrderRow[]>(() => watchImportProblems(), []);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const follow = (id: string): void => {
    timer = setTimeout(() => {
      const pairing = currentPairing();
      if (!pairing) return;
      void getWebOrderImport(pairing, id).then((r) => {
        if (!r.ok) {
          setError(r.error);
          setBusy(false);
          return;
        }
        setJob(r.value);
        if (r.value.state === 'running') follow(id);
        else setBusy(false);
      });
    }, POLL_MS);
  };

  const start = async (e: Event): Promise<void> => {
    e.preventDefault();
    const pairing = currentPairing();
    if (!pairing || busy()) return;
    setError(null);
    setBusy(true);
    const r = await startWebOrderImport(pairing, dayRange(fromDay(), toDay()));
    if (!r.ok) {
      setError(r.error);
      setBusy(false);
      return;
    }
    setJob(r.value);
    follow(r.value.id);
  };

  const done = (): number => (job()?.imported ?? 0) + (job()?.unchanged ?? 0);

  return (
    <main class="page">
      <p>
        <A href="/orders">← {t().orders.title}</A>
      </p>
      <h1>{t().webImport.title}</h1>
      <p class="muted">{t().webImport.intro}</p>
      <form class="card" onSubmit={(e) => void start(e)} data-testid="import-form">
        <p class="strong">{t().webImport.range(fromDay(), toDay())}</p>
        <label class="field">
          {t().webImport.from}
          <input type="date" value={fromDay()} max={toDay()} onInput={(e) => setFromDay(e.currentTarget.value)} required />
        </label>
        <label class="field">
          {t().webImport.to}
          <input type="date" value={toDay()} min={fromDay()} onInput={(e) => setToDay(e.currentTarget.value)} required />
        </label>
        <button class="btn primary" type="submit" disabled={busy()}>
          {busy() ? t().webImport.running : t().webImport.start}
        </button>
      </form>
      <Show when={error()}>
        <p class="banner error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={job()}>
        {(j) => (
          <section class="card" aria-live="polite" data-testid="import-progress" data-state={j().state}>
            <p>
              <span class="pill">{t().webImport.states[j().state]}</span> {t().webImport.progress(done(), j().total)}
            </p>
            <progress max={Math.max(1, j().total)} value={done()} style={{ width: '100%' }} />
            <Show when={j().state !== 'running'}>
              <p>{t().webImport.summary(j().imported, j().unchanged)}</p>
            </Show>
            <Show when={j().errors.length > 0}>
              <h3>{t().webImport.errors}</h3>
              <ul>
                <For each={j().errors}>{(er) => <li class="reason">{`${er.platform}${er.orderId ? ` #${er.orderId}` : ''} : ${er.reason}`}</li>}</For>
              </ul>
            </Show>
          </section>
        )}
      </Show>
      <h2>{t().webImport.problemsTitle}</h2>
      <Show when={problems.ready() && problems.value().length === 0}>
        <p class="empty ok">{t().webImport.problemsEmpty}</p>
      </Show>
      <Show when={problems.value().length > 0}>
        <div class="table-wrap">
          <table class="data-table" data-testid="import-problems">
            <thead>
              <tr>
                <th scope="col">{t().webImport.order}</th>
                <th scope="col">{t().webImport.platform}</th>
                <th scope="col">{t().orders.date}</th>
                <th scope="col">{t().webImport.problem}</th>
              </tr>
            </thead>
            <tbody>
              <For each={problems.value()}>
                {(o) => (
                  <tr>
                    <td class="strong mono">{o.orderNumber}</td>
                    <td>{o.platform}</td>
                    <td>{fmtDateTime(o.createdAt)}</td>
                    <td>
                      <For each={o.problems ?? []}>{(p) => <div>{t().webImport.problemText(p)}</div>}</For>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <WebOrderDifferences />
    </main>
  );
}
