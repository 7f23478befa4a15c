import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { watchOutbox } from '../../store/queries.ts';
import { rebuildReadModel } from '../actions.ts';
import { ConnectionBadge } from '../components/Header.tsx';
import OutboundQueue from '../components/OutboundQueue.tsx';
import { fmtDateTime, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { session } from '../session.ts';
import type { OutboxRow } from '../types.ts';

type RebuildState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; documents: number } | { kind: 'failed'; message: string };

export default function SyncScreen(): JSX.Element {
  const outbox = live<OutboxRow[]>(() => watchOutbox(), []);
  const waiting = createMemo(() => outbox.value().filter((r) => r.state !== 'acknowledged'));
  const acknowledged = createMemo(() => outbox.value().filter((r) => r.state === 'acknowledged').slice(0, 50));
  const [rebuild, setRebuild] = createSignal<RebuildState>({ kind: 'idle' });

  async function runRebuild(): Promise<void> {
    if (rebuild().kind === 'running') return;
    setRebuild({ kind: 'running' });
    try {
      const { documents } = await rebuildReadModel();
      setRebuild({ kind: 'done', documents });
    } catch (e) {
      setRebuild({ kind: 'failed', message: errorMessage(e) });
    }
  }

  const Row = (p: { row: OutboxRow; testid: string }): JSX.Element => (
    <tr data-testid={p.testid} data-state={p.row.state} data-id={p.row.id}>
      <td class="mono">
        {p.row.id}
        <div class="muted small">{p.row.docType}</div>
      </td>
      <td>
        <span class={`pill outbox-${p.row.state}`}>{t().sync.states[p.row.state]}</span>
      </td>
      <td>{fmtDateTime(p.row.at)}</td>
      <td class="reason">{p.row.reason ?? ''}</td>
    </tr>
  );

  const Table = (p: { rows: OutboxRow[]; testid: string }): JSX.Element => (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t().sync.document}</th>
            <th scope="col">{t().sync.state}</th>
            <th scope="col">{t().sync.since}</th>
            <th scope="col">{t().sync.reason}</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.rows}>{(row) => <Row row={row} testid={p.testid} />}</For>
        </tbody>
      </table>
    </div>
  );

  return (
    <main class="page">
      <h1>{t().sync.title}</h1>

      <section class="card">
        <h2>{t().sync.status}</h2>
        <div class="sync-status">
          <ConnectionBadge />
          <Show when={session.status.value().lastSyncedAt}>
            {(at) => <span class="muted">{t().header.lastSynced(fmtDateTime(at()))}</span>}
          </Show>
        </div>
        <Show when={session.status.value().message}>
          {(msg) => <p class="muted">{msg()}</p>}
        </Show>
      </section>

      <section class="card">
        <h2>
          {t().sync.outbox} <span class="count">{waiting().length}</span>
        </h2>
        <p class="muted">{t().sync.outboxIntro}</p>
        <Show when={waiting().length > 0} fallback={<p class="empty ok">✓ {t().sync.empty}</p>}>
          <Table rows={waiting()} testid="outbox-row" />
        </Show>
        <Show when={acknowledged().length > 0}>
          <details class="acked">
            <summary>
              {t().sync.states.acknowledged} ({acknowledged().length})
            </summary>
            <Table rows={acknowledged()} testid="outbox-row-acknowledged" />
          </details>
        </Show>
      </section>

      <OutboundQueue />

      <section class="card">
        <h2>{t().sync.rebuild}</h2>
        <p class="muted">{t().sync.rebuildIntro}</p>
        <button
          type="button"
          class="btn secondary"
          data-testid="rebuild-read-model"
          disabled={rebuild().kind === 'running'}
          aria-busy={rebuild().kind === 'running'}
          onClick={() => void runRebuild()}
        >
          <Show when={rebuild().kind === 'running'} fallback={t().sync.rebuild}>
            <span class="spinner" aria-hidden="true" /> {t().sync.rebuilding}
          </Show>
        </button>
        <p role="status" data-testid="rebuild-result" class="rebuild-result">
          {(() => {
            const r = rebuild();
            if (r.kind === 'done') return t().sync.rebuilt(r.documents);
            if (r.kind === 'failed') return t().sync.rebuildFailed(r.message);
            return '';
          })()}
        </p>
      </section>
    </main>
  );
}
