import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { watchJournalStatus, type JournalStatus as Status } from '../../store/staff-queries.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { currentPairing } from '../session.ts';

/** "Journal vérifié — 42 entrées, grand total 12 345,67 €" or "Journal rompu à l’entrée 17 (ticket …)". */
export function JournalStatus(): JSX.Element {
  const status = live<Status | null>(() => watchJournalStatus(currentPairing()?.registerId ?? ''), null);
  const text = (s: Status): string => {
    if (s.state === 'ok') return t().staff.journal.ok(s.entries, fmtMoney(s.grandTotal));
    const seq = Number.isFinite(s.seq) ? String(s.seq) : '?';
    return t().staff.journal.broken(seq, s.receiptLabel ?? s.entryId);
  };
  return (
    <Show when={status.value()} fallback={<p class="journal-status" data-testid="journal-status" data-state="checking">{t().staff.journal.checking}</p>}>
      {(s) => (
        <div class="journal-status banner" classList={{ error: s().state === 'broken', ok: s().state === 'ok' }} role="status"
          data-testid="journal-status" data-state={s().state}>
          <strong>{s().state === 'ok' ? '✓ ' : '⚠ '}{text(s())}</strong>
          <Show when={s().state === 'broken' ? s() as Extract<Status, { state: 'broken' }> : null}>
            {(b) => <small class="journal-detail">{t().staff.journal.problems[b().problem]} — {b().message}</small>}
          </Show>
        </div>
      )}
    </Show>
  );
}
