import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { OverrideDoc } from '../../domain/register-documents.ts';
import { watchOverrides } from '../../store/staff-queries.ts';
import { JournalStatus } from '../components/JournalStatus.tsx';
import { fmtDateTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { staffState } from '../staff-state.ts';
import '../styles/staff.css';

/** The register's journal check and the recent manager authorisations (who, what, why). */
export default function JournalScreen(): JSX.Element {
  const overrides = live<OverrideDoc[]>(() => watchOverrides(50), []);
  const nameOf = (id: string): string => staffState.staff.value().find((s) => s._id === id)?.name ?? id;
  return (
    <main class="page journal-page">
      <h1>{t().staff.journal.title}</h1>
      <p class="muted">{t().staff.journal.intro}</p>
      <JournalStatus />
      <h2 class="section-title">{t().staff.journal.overrides}</h2>
      <Show when={overrides.value().length > 0} fallback={<p class="muted">{t().staff.journal.noOverrides}</p>}>
        <table class="data-table overrides-table" data-testid="override-list">
          <thead>
            <tr>
              <th>{t().staff.journal.columns.at}</th>
              <th>{t().staff.journal.columns.action}</th>
              <th>{t().staff.journal.columns.manager}</th>
              <th>{t().staff.journal.columns.cashier}</th>
              <th>{t().staff.journal.columns.reason}</th>
            </tr>
          </thead>
          <tbody>
            <For each={overrides.value()}>
              {(o) => (
                <tr data-testid="override-row" data-override-id={o._id}>
                  <td>{fmtDateTime(o.at)}</td>
                  <td>{t().staff.override.actions[o.action]}</td>
                  <td>{nameOf(o.managerId)}</td>
                  <td>{nameOf(o.cashierId)}</td>
                  <td>{o.reason}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </main>
  );
}
