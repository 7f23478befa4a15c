/**
 * Transfer between locations (issue 7): choose where from and where to, scan what moves (one scan =
 * one unit), transfer: per SKU one 'transfer' movement out and one in, same instant, one ref
 * (commands/stock-ops.ts). Moving more than the origin shows is allowed (its figure may be stale)
 * but said beside the button.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { planStockTransfer } from '../../commands/stock-ops.ts';
import { shortLines } from '../../domain/stock-ops.ts';
import { watchOnHandAt } from '../../store/stock-queries.ts';
import { LocationSelect, StockPage, runPlan, useStockLocations } from '../components/StockCommon.tsx';
import { addToLines, StockLines, type StockLine } from '../components/StockLines.tsx';
import { StockScanBox } from '../components/StockScanBox.tsx';
import { t } from '../i18n/index.ts';
import { live } from '../reactive.ts';
import '../styles/stock.css';

export default function TransferScreen(): JSX.Element {
  const locations = useStockLocations();
  const [fromChosen, setFrom] = createSignal('');
  const [toChosen, setTo] = createSignal('');
  const [lines, setLines] = createSignal<StockLine[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const from = (): string => fromChosen() || locations()[0]?.id || '';
  const to = (): string => toChosen() || locations().find((l) => l.id !== from())?.id || '';
  const nameOf = (id: string): string => locations().find((l) => l.id === id)?.name ?? id;
  const skus = createMemo(() => lines().map((l) => l.sku));
  const atFrom = live<Map<string, number>>(() => watchOnHandAt(from(), skus()), new Map());
  const short = createMemo(() => shortLines(lines(), (sku) => atFrom.value().get(sku) ?? 0));
  const units = createMemo(() => lines().reduce((s, l) => s + l.quantity, 0));

  async function transfer(): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    const kept = lines().filter((l) => l.quantity > 0);
    const [origin, target] = [from(), to()];
    const r = await runPlan(() => planStockTransfer({ from: origin, to: target, lines: kept.map(({ sku, quantity }) => ({ sku, quantity })) }));
    setBusy(false);
    if (!r.ok) return void setError(r.error);
    setDone(t().stock.transferScreen.done(kept.reduce((s, l) => s + l.quantity, 0), nameOf(origin), nameOf(target)));
    setLines([]);
  }

  const w = (): ReturnType<typeof t>['stock']['transferScreen'] => t().stock.transferScreen;
  return (
    <StockPage testId="transfer-screen" title={w().title} intro={w().intro}>
      <Show when={locations().length < 2}>
        <p class="banner warning" data-testid="transfer-one-location">{w().oneLocation}</p>
      </Show>
      <div class="stock-filters">
        <LocationSelect label={w().from} testId="transfer-from" value={from()} onChange={setFrom} disabled={busy()} />
        <span class="stock-arrow" aria-hidden="true">→</span>
        <LocationSelect label={w().to} testId="transfer-to" value={to()} onChange={setTo} disabled={busy()} />
      </div>
      <StockScanBox testId="transfer-scan" disabled={busy()} onProduct={(p) => { setDone(null); setLines(addToLines(lines(), p)); }} />
      <Show when={done()}>{(m) => <p class="notice ok" role="status" data-testid="transfer-done">{m()}</p>}</Show>
      <Show when={error()}>{(m) => <p class="banner error" role="alert" data-testid="transfer-error">{m()}</p>}</Show>
      <StockLines lines={lines()} testId="transfer" disabled={busy()}
        aside={{ label: w().atFrom, value: (sku) => <span data-testid="transfer-at-from">{atFrom.value().get(sku) ?? 0}</span> }}
        onQuantity={(sku, q) => setLines(lines().map((l) => (l.sku === sku ? { ...l, quantity: q } : l)))}
        onRemove={(sku) => setLines(lines().filter((l) => l.sku !== sku))} />
      <Show when={lines().length > 0}>
        <Show when={short().length > 0}>
          <p class="notice warn" data-testid="transfer-short">{w().short(short().join(', '))}</p>
        </Show>
        <div class="panel-actions">
          <button type="button" class="btn big primary" data-testid="transfer-apply" disabled={busy() || units() === 0 || from() === to()} onClick={() => void transfer()}>
            {busy() ? w().applying : w().apply}
          </button>
        </div>
      </Show>
    </StockPage>
  );
}
