import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { watchParkedSales } from '../../store/parked-queries.ts';
import { fmtMoney, fmtTime, t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import { currentPairing } from '../session.ts';

/** "Ventes en attente": every register's parked sales, oldest first; resuming one loads it here. */
export function ParkedSales(props: { onResume: (id: string) => void; onClose: () => void; error: string | null }): JSX.Element {
  const parked = live(() => watchParkedSales(), []);
  const register = (id: string): string => (currentPairing()?.registerId === id ? (currentPairing()?.registerName ?? id) : id);
  return (
    <div class="overlay" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); props.onClose(); } }}>
      <div class="panel dialog parked-panel" role="dialog" aria-modal="true" aria-labelledby="parked-title" data-testid="parked-panel">
        <h2 id="parked-title">{t().counter.park.list}</h2>
        <Show when={props.error}>{(msg) => <p class="banner error" role="alert" data-testid="parked-error">{msg()}</p>}</Show>
        <Show when={parked.value().length > 0} fallback={<p class="muted">{t().counter.park.empty}</p>}>
          <ul class="list" role="list">
            <For each={parked.value()}>
              {(p) => (
                <li class="list-row parked-row" data-testid="parked-row" data-id={p._id}>
                  <div>
                    <strong>{p.label || '—'}</strong>
                    <div class="muted small">{t().counter.park.by(p.parkedBy, fmtTime(p.parkedAt), register(p.registerId))}</div>
                  </div>
                  <span class="amount">{fmtMoney(p.total)}</span>
                  <button type="button" class="btn primary" data-testid="parked-resume" onClick={() => props.onResume(p._id)}>
                    {t().counter.park.resume}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <div class="panel-actions">
          <button type="button" class="btn secondary" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => props.onClose()}>
            {t().counter.park.close} <kbd>{t().keys.esc}</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
