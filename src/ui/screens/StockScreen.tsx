/**
 * Stock per SKU and location (issue 7): on the shelf, held by open web orders, and available, with
 * how fresh the figures are ("as of 14:32", "offline since 09:10"). Live: a sale, a replicated count
 * or a web order picked at another register changes the row as soon as it is projected.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { watchStock, type StockRow } from '../../store/stock-queries.ts';
import OversellTasks from '../components/OversellTasks.tsx';
import PlatformStockDifferences, { PlatformBadges, usePlatformFigures } from '../components/PlatformStockDifferences.tsx';
import { LocationSelect, StockPage, freshnessText, useFreshness, useStockLocations } from '../components/StockCommon.tsx';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import '../styles/stock.css';

/** A figure, with how fresh it is on hover and for assistive technology. */
function Figure(props: { value: number; testId: string; tone?: 'warn' | 'bad' | null; fresh: string }): JSX.Element {
  return (
    <td class="num stock-figure" classList={{ warn: props.tone === 'warn', bad: props.tone === 'bad' }} data-testid={props.testId} data-value={props.value} title={props.fresh}>
      {props.value}
    </td>
  );
}

export default function StockScreen(): JSX.Element {
  const [text, setText] = createSignal('');
  const [location, setLocation] = createSignal('');
  const locations = useStockLocations();
  const freshness = useFreshness();
  const fresh = (): string => freshnessText(freshness());
  const rows = live<StockRow[]>(() => watchStock({ text: text(), ...(location() !== '' ? { location: location() } : {}), limit: 60 }), []);
  const locationName = (id: string): string => locations().find((l) => l.id === id)?.name ?? id;
  const webFigures = usePlatformFigures();

  return (
    <StockPage testId="stock-screen" title={t().stock.title}>
      <div class="stock-filters">
        <label class="field grow">
          <span>{t().stock.search}</span>
          <input type="search" data-testid="stock-search" autocomplete="off" placeholder={t().stock.searchPlaceholder}
            value={text()} onInput={(e) => setText(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Escape') setText(''); }} />
        </label>
        <LocationSelect label={t().stock.location} testId="stock-location" value={location()} onChange={setLocation} all={t().stock.allLocations} />
      </div>
      <Show when={rows.value().length > 0} fallback={<p class="muted empty">{t().stock.empty}</p>}>
        <div class="table-wrap">
          <table class="data-table stock-table">
            <thead>
              <tr>
                <th>{t().stock.sku}</th>
                <th>{t().stock.product}</th>
                <th>{t().stock.location}</th>
                <th class="num">{t().stock.onHand}</th>
                <th class="num" title={t().stock.pendingHint}>{t().stock.pending}</th>
                <th class="num">{t().stock.available}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows.value()}>
                {(r) => (
                  <tr data-testid="stock-row" data-sku={r.sku} data-location={r.location} classList={{ untracked: !r.stockTracked }}>
                    <td class="mono">{r.sku}</td>
                    <td>
                      {r.name}
                      <Show when={!r.stockTracked}> <span class="pill">{t().stock.notTracked}</span></Show>
                      <PlatformBadges figures={webFigures(r.sku)} />
                    </td>
                    <td>{locationName(r.location)}</td>
                    <Figure value={r.onHand} testId="stock-onhand" tone={r.onHand < 0 ? 'bad' : null} fresh={fresh()} />
                    <Figure value={r.pending} testId="stock-pending" tone={r.pending > 0 ? 'warn' : null} fresh={fresh()} />
                    <Figure value={r.available} testId="stock-available" tone={r.available < 0 ? 'bad' : r.available === 0 ? 'warn' : null} fresh={fresh()} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <OversellTasks />
      <PlatformStockDifferences />
    </StockPage>
  );
}
