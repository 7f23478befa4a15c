/**
 * Receiving goods (issue 7): scan the delivered items (one scan = one unit) or type quantities, give
 * the delivery note's number if there is one, record: one 'receipt' movement per SKU, all under one
 * ref (commands/stock-ops.ts), written idempotently.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { planReceiving } from '../../commands/stock-ops.ts';
import { LocationSelect, StockPage, runPlan, useStockLocations } from '../components/StockCommon.tsx';
import { addToLines, StockLines, type StockLine } from '../components/StockLines.tsx';
import { StockScanBox } from '../components/StockScanBox.tsx';
import { t } from '../i18n/index.ts';
import '../styles/stock.css';

export default function ReceivingScreen(): JSX.Element {
  const locations = useStockLocations();
  const [chosen, setChosen] = createSignal('');
  const [note, setNote] = createSignal('');
  const [lines, setLines] = createSignal<StockLine[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const location = (): string => chosen() || locations()[0]?.id || '';
  const units = createMemo(() => lines().reduce((s, l) => s + l.quantity, 0));

  async function record(): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    const kept = lines().filter((l) => l.quantity > 0);
    const r = await runPlan(() => planReceiving({ location: location(), lines: kept.map(({ sku, quantity }) => ({ sku, quantity })), note: note() }));
    setBusy(false);
    if (!r.ok) return void setError(r.error);
    setDone(t().stock.receiveScreen.done(kept.reduce((s, l) => s + l.quantity, 0), r.value.plan.movements.length));
    setLines([]);
    setNote('');
  }

  const w = (): ReturnType<typeof t>['stock']['receiveScreen'] => t().stock.receiveScreen;
  return (
    <StockPage testId="receive-screen" title={w().title} intro={w().intro}>
      <div class="stock-filters">
        <LocationSelect label={t().stock.location} testId="receive-location" value={location()} onChange={setChosen} disabled={busy()} />
        <label class="field grow">
          <span>{w().note}</span>
          <input data-testid="receive-note" autocomplete="off" maxlength={40} value={note()} onInput={(e) => setNote(e.currentTarget.value)} data-no-scan />
        </label>
      </div>
      <StockScanBox testId="receive-scan" disabled={busy()} onProduct={(p) => { setDone(null); setLines(addToLines(lines(), p)); }} />
      <Show when={done()}>{(m) => <p class="notice ok" role="status" data-testid="receive-done">{m()}</p>}</Show>
      <Show when={error()}>{(m) => <p class="banner error" role="alert" data-testid="receive-error">{m()}</p>}</Show>
      <StockLines lines={lines()} testId="receive" disabled={busy()}
        onQuantity={(sku, q) => setLines(lines().map((l) => (l.sku === sku ? { ...l, quantity: q } : l)))}
        onRemove={(sku) => setLines(lines().filter((l) => l.sku !== sku))} />
      <Show when={lines().length > 0}>
        <p class="stock-totals">{t().stock.lines(lines().length)} · {units()}</p>
        <div class="panel-actions">
          <button type="button" class="btn big primary" data-testid="receive-apply" disabled={busy() || units() === 0} onClick={() => void record()}>
            {busy() ? w().applying : w().apply}
          </button>
        </div>
      </Show>
    </StockPage>
  );
}
