/**
 * The sync screen's "Pushes to the web stores" section: the server's outbound and mail jobs as
 * replicated to this register (counts per state; failed and dead jobs with their last error), and
 * a Retry button on dead jobs (a request to the server: it needs the network).
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { retryOutboundJob } from '../../commands/retry-outbound.ts';
import { JOB_STATES, type QueueJobDoc } from '../../domain/outbound-documents.ts';
import { watchOutboundQueue, type OutboundQueueView } from '../../store/outbound-queries.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { currentPairing } from '../session.ts';

const EMPTY: OutboundQueueView = { counts: { pending: 0, sending: 0, done: 0, failed: 0, dead: 0 }, attention: [] };

type RetryState = { kind: 'running' } | { kind: 'done' } | { kind: 'failed'; message: string };

export default function OutboundQueue(): JSX.Element {
  const queue = live<OutboundQueueView>(() => watchOutboundQueue(), EMPTY);
  const [retries, setRetries] = createSignal<Record<string, RetryState>>({});
  const setRetry = (id: string, s: RetryState): void => {
    setRetries((r) => ({ ...r, [id]: s }));
  };

  async function retry(job: QueueJobDoc): Promise<void> {
    if (retries()[job._id]?.kind === 'running') return;
    const pairing = currentPairing();
    if (!pairing) {
      setRetry(job._id, { kind: 'failed', message: t().outbound.offline });
      return;
    }
    setRetry(job._id, { kind: 'running' });
    const r = await retryOutboundJob(pairing, job._id);
    setRetry(job._id, r.ok ? { kind: 'done' } : { kind: 'failed', message: r.error });
  }

  const destination = (job: QueueJobDoc): string => (job.channel === 'platform' ? t().outbound.platforms[job.platform] : t().outbound.mail);

  return (
    <section class="card" data-testid="outbound-section">
      <h2>
        {t().outbound.title} <span class="count">{queue.value().attention.length}</span>
      </h2>
      <p class="muted">{t().outbound.intro}</p>
      <p class="outbound-counts">
        <For each={JOB_STATES}>
          {(state) => (
            <span class={`pill outbound-${state}`} data-testid="outbound-count" data-state={state}>
              {t().outbound.states[state]} <span class="count">{queue.value().counts[state]}</span>
            </span>
          )}
        </For>
      </p>
      <Show when={queue.value().attention.length > 0} fallback={<p class="empty ok">✓ {t().outbound.none}</p>}>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t().outbound.platform}</th>
                <th scope="col">{t().outbound.kind}</th>
                <th scope="col">{t().sync.state}</th>
                <th scope="col">{t().outbound.attempts}</th>
                <th scope="col">{t().outbound.lastError}</th>
                <th scope="col">{t().outbound.nextAttempt}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              <For each={queue.value().attention}>
                {(job) => (
                  <tr data-testid="outbound-job" data-state={job.state} data-id={job._id}>
                    <td>{destination(job)}</td>
                    <td>
                      {t().outbound.kinds[job.kind]}
                      <div class="muted small mono">{job._id}</div>
                    </td>
                    <td>
                      <span class={`pill outbound-${job.state}`}>{t().outbound.states[job.state]}</span>
                    </td>
                    <td>
                      {job.attempts} / {job.maxAttempts}
                    </td>
                    <td class="reason">{job.lastError ?? job.blocked ?? ''}</td>
                    <td>{job.state === 'failed' ? fmtDateTime(job.nextAttemptAt) : '—'}</td>
                    <td>
                      <Show when={job.state === 'dead'}>
                        <button
                          type="button"
                          class="btn secondary"
                          data-testid="outbound-retry"
                          disabled={retries()[job._id]?.kind === 'running'}
                          aria-busy={retries()[job._id]?.kind === 'running'}
                          onClick={() => void retry(job)}
                        >
                          {retries()[job._id]?.kind === 'running' ? t().outbound.retrying : t().outbound.retry}
                        </button>
                      </Show>
                      <p role="status" class="muted small">
                        {(() => {
                          const s = retries()[job._id];
                          if (s?.kind === 'done') return t().outbound.retried;
                          if (s?.kind === 'failed') return t().outbound.retryFailed(s.message);
                          return '';
                        })()}
                      </p>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
