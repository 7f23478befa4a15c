import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { reprintJob, retryJob } from '../../hardware/printing.ts';
import { watchPrintJobs, type PrintJobRow } from '../../store/hardware-queries.ts';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';

/** The device's print jobs, newest first, with their state, reason, Reprint and Retry. */
export function PrintQueueList(): JSX.Element {
  const jobs = live(() => watchPrintJobs(30), [] as PrintJobRow[]);
  // A drawer kick is never repeated from here: a manager opens the drawer instead.
  const retryable = (j: PrintJobRow): boolean => j.state === 'failed' && !(j.kind.includes('drawer') && j.handedAt);
  return (
    <section class="print-queue" aria-labelledby="print-queue-title">
      <h2 id="print-queue-title">{t().devices.queue}</h2>
      <Show when={jobs.value().length > 0} fallback={<p class="muted">{t().devices.queueEmpty}</p>}>
        <ul class="job-list" data-testid="print-jobs">
          <For each={jobs.value()}>
            {(job) => (
              <li class={`print-job job-${job.state}`} data-testid="print-job" data-state={job.state} data-kind={job.kind} data-ref={job.ref}>
                <div class="job-main">
                  <strong>{t().devices.jobKind[job.kind] ?? job.kind}</strong> <span class="muted">{job.ref}</span>
                  <span class={`badge job-state state-${job.state}`} data-testid="print-job-state">
                    {t().devices.jobState[job.state] ?? job.state}
                  </span>
                  <span class="muted small">
                    {fmtDateTime(job.updatedAt)} · {t().devices.attempts(job.attempts)}
                  </span>
                </div>
                <Show when={job.reason}>
                  <p class="job-reason" role="alert" data-testid="print-job-reason">
                    {job.reason}
                  </p>
                </Show>
                <div class="job-actions">
                  <Show when={job.kind.startsWith('receipt') || job.kind === 'test-page'}>
                    <button type="button" class="btn" data-testid="job-reprint" onClick={() => void reprintJob(job.id)}>
                      {t().devices.reprint}
                    </button>
                  </Show>
                  <Show when={retryable(job)}>
                    <button type="button" class="btn primary" data-testid="job-retry" onClick={() => void retryJob(job.id)}>
                      {t().devices.retry}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
