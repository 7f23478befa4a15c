/**
 * The stock screen's "Web stores" section (issue 7): the sync server's comparison of Comptoir's
 * available stock with each web store, as replicated to this register — how fresh it is, how many
 * SKUs were compared, the SKUs that differ with both figures, and whether Comptoir's figures were
 * pushed back. "Compare now" and "Send Comptoir's figures" are requests to the server (registers of
 * the store may make them); their result arrives by replication like the periodic run's.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { compareWebStoreStock, type WebStoreStockRefusal } from '../../commands/platform-stock.ts';
import type { Platform } from '../../domain/documents.ts';
import { platformFiguresBySku, watchWebStoreComparisons, type WebStoreStock } from '../../store/stock-differences-queries.ts';
import { fmtDateTime, fmtTime, lang } from '../i18n/index.ts';
import { platformStockEn } from '../i18n/platform-stock.en.ts';
import { platformStockFr } from '../i18n/platform-stock.fr.ts';
import { errorMessage, live } from '../reactive.ts';
import { currentPairing } from '../session.ts';

const s = () => (lang() === 'en' ? platformStockEn : platformStockFr);
const TOUCH = { 'min-height': '44px', 'min-width': '44px' } as const;

const nameOf = (p: Platform): string => s().platforms[p] ?? p;

/** The time alone today ("14:32"), the date too otherwise: a comparison can be days old offline. */
function when(iso: string): string {
  return new Date(iso).toDateString() === new Date().toDateString() ? fmtTime(iso) : fmtDateTime(iso);
}

type Busy = { kind: 'compare' } | { kind: 'fix'; platform: Platform };
type Notice = { kind: 'ok' | 'error'; text: string };

const refusalText = (r: WebStoreStockRefusal): string => (r.kind === 'offline' ? s().offline : s().refused(r.reason));

/** Per SKU, what each web store showed where it differs from Comptoir (one live query for the whole table). */
export function usePlatformFigures(): (sku: string) => Array<{ platform: Platform; figure: number; corrected: boolean }> {
  const stores = live<WebStoreStock[]>(() => watchWebStoreComparisons(), []);
  const bySku = createMemo(() => platformFiguresBySku(stores.value()));
  return (sku) => bySku().get(sku) ?? [];
}

/** Small badges beside a stock row: "Shopify: 7". */
export function PlatformBadges(props: { figures: Array<{ platform: Platform; figure: number; corrected: boolean }> }): JSX.Element {
  return (
    <For each={props.figures}>
      {(f) => (
        <>
          {' '}
          <span class="pill warn" data-testid="stock-platform-badge" data-platform={f.platform} data-value={f.figure} title={s().badgeHint(nameOf(f.platform))}>
            {s().badge(nameOf(f.platform), f.figure)}
          </span>
        </>
      )}
    </For>
  );
}

function Freshness(props: { store: WebStoreStock }): JSX.Element {
  const st = props.store;
  return (
    <span class="pill stock-freshness" classList={{ stale: st.asOf === null || st.error !== null }} data-testid="platform-stock-asof" data-as-of={st.asOf ?? ''}>
      {st.asOf === null ? s().never : s().asOf(when(st.asOf))}
    </span>
  );
}

function Differences(props: { store: WebStoreStock }): JSX.Element {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{s().sku}</th>
            <th scope="col" class="num">{s().comptoir}</th>
            <th scope="col" class="num">{nameOf(props.store.platform)}</th>
            <th scope="col" class="num">{s().onHand}</th>
            <th scope="col" class="num">{s().reserved}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.store.differences}>
            {(d) => (
              <tr data-testid="platform-stock-diff" data-sku={d.sku}>
                <td class="mono">{d.sku}</td>
                <td class="num strong" data-testid="platform-stock-comptoir" data-value={d.comptoir}>{d.comptoir}</td>
                <td class="num strong warn" data-testid="platform-stock-theirs" data-value={d.platform}>{d.platform}</td>
                <td class="num muted">{d.onHand}</td>
                <td class="num muted">{d.reserved}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function Store(props: { store: WebStoreStock; busy: Busy | null; onFix: (p: Platform) => void }): JSX.Element {
  const st = (): WebStoreStock => props.store;
  const state = (): string => (st().error !== null ? 'error' : st().asOf === null ? 'never' : st().differences.length > 0 ? 'differences' : 'same');
  const fixing = (): boolean => props.busy?.kind === 'fix' && props.busy.platform === st().platform;
  return (
    <li class="card" data-testid="platform-stock-store" data-platform={st().platform} data-state={state()}>
      <div class="page-head">
        <h3>
          {nameOf(st().platform)} <span class="muted small">{st().shop}</span>
        </h3>
        <Freshness store={st()} />
      </div>
      <Show when={st().error}>
        {(e) => <p class="reason" role="alert" data-testid="platform-stock-error">{s().failedAt(when(st().checkedAt))} : {e()}</p>}
      </Show>
      <Show when={st().asOf !== null}>
        <p class="muted small">
          <span data-testid="platform-stock-compared" data-value={st().compared}>{s().compared(st().compared)}</span>
          {' · '}
          <span data-testid="platform-stock-count" data-value={st().differences.length}>{st().differences.length > 0 ? s().differing(st().differences.length) : s().same}</span>
        </p>
      </Show>
      <Show when={st().differences.length > 0}>
        <Differences store={st()} />
        <p data-testid="platform-stock-correction" data-state={st().corrected ? 'sent' : 'not_sent'} role="status">
          <Show when={st().corrected && st().fixedAt} fallback={<span class="muted">{s().notCorrected}</span>}>
            {(at) => <span class="ok">✓ {s().correctionSentCount(st().fixQueued ?? st().differences.length, when(at()))}</span>}
          </Show>
          <Show when={!st().corrected}>
            {' '}
            <button type="button" class="btn" style={TOUCH} data-testid="platform-stock-fix" disabled={props.busy !== null} onClick={() => props.onFix(st().platform)}>
              {fixing() ? s().correcting : s().correct}
            </button>
          </Show>
        </p>
      </Show>
      <Show when={st().differences.length === 0 && st().fixedAt}>
        {(at) => <p class="muted small" data-testid="platform-stock-last-fix">{s().lastCorrection(when(at()))}</p>}
      </Show>
    </li>
  );
}

export default function PlatformStockDifferences(): JSX.Element {
  const stores = live<WebStoreStock[]>(() => watchWebStoreComparisons(), []);
  const [busy, setBusy] = createSignal<Busy | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);

  const request = async (b: Busy): Promise<void> => {
    if (busy() !== null) return;
    const pairing = currentPairing();
    if (!pairing) {
      setNotice({ kind: 'error', text: s().offline });
      return;
    }
    setBusy(b);
    setNotice(null);
    try {
      const r = await compareWebStoreStock(pairing, b.kind === 'fix' ? { fix: true, platform: b.platform } : { fix: false });
      setNotice(r.ok ? { kind: 'ok', text: s().requested } : { kind: 'error', text: refusalText(r.error) });
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="platform-stock-section" data-testid="platform-stock">
      <div class="page-head">
        <h2>{s().title}</h2>
        <button type="button" class="btn" style={TOUCH} data-testid="platform-stock-compare" data-busy={busy()?.kind === 'compare' ? 'true' : 'false'}
          disabled={busy() !== null} onClick={() => void request({ kind: 'compare' })}>
          {busy()?.kind === 'compare' ? s().comparing : s().compare}
        </button>
      </div>
      <p class="muted small">{s().intro}</p>
      <Show when={notice()}>
        {(n) => <p class={n().kind === 'ok' ? 'notice ok' : 'banner error'} role={n().kind === 'ok' ? 'status' : 'alert'} data-testid="platform-stock-notice" data-kind={n().kind}>{n().text}</p>}
      </Show>
      <Show when={stores.value().length > 0} fallback={<p class="muted empty" data-testid="platform-stock-never">{s().neverAny}</p>}>
        <ul class="platform-stock-stores" style={{ 'list-style': 'none', padding: '0' }}>
          <For each={stores.value()}>{(st) => <Store store={st} busy={busy()} onFix={(p) => void request({ kind: 'fix', platform: p })} />}</For>
        </ul>
      </Show>
    </section>
  );
}
