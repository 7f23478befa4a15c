/**
 * The lines of a receipt or a transfer: one row per product, its quantity typed over the scans
 * (a number field, big enough to touch; ↑/↓ on the keyboard), removable. An optional extra column
 * shows a figure beside the quantity (what the origin holds, for a transfer).
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

export interface StockLine {
  sku: string;
  name: string;
  quantity: number;
}

export function StockLines(props: {
  lines: readonly StockLine[];
  testId: string;
  onQuantity: (sku: string, quantity: number) => void;
  onRemove: (sku: string) => void;
  aside?: { label: string; value: (sku: string) => JSX.Element };
  disabled?: boolean;
}): JSX.Element {
  return (
    <Show when={props.lines.length > 0} fallback={<p class="muted empty">{t().stock.noLines}</p>}>
      <div class="table-wrap">
        <table class="data-table stock-lines">
          <thead>
            <tr>
              <th>{t().stock.sku}</th>
              <th>{t().stock.product}</th>
              <Show when={props.aside}>{(a) => <th class="num">{a().label}</th>}</Show>
              <th class="num">{t().stock.quantity}</th>
              <th><span class="visually-hidden">{t().stock.remove}</span></th>
            </tr>
          </thead>
          <tbody>
            <For each={props.lines}>
              {(line) => (
                <tr data-testid={`${props.testId}-line`} data-sku={line.sku}>
                  <td class="mono">{line.sku}</td>
                  <td>{line.name}</td>
                  <Show when={props.aside}>{(a) => <td class="num">{a().value(line.sku)}</td>}</Show>
                  <td class="num">
                    <input class="qty-input" type="number" min="0" step="1" inputmode="numeric" data-testid={`${props.testId}-qty`}
                      aria-label={t().stock.quantityOf(line.name)} value={line.quantity} disabled={props.disabled}
                      onChange={(e) => {
                        const n = Number(e.currentTarget.value);
                        if (Number.isSafeInteger(n) && n >= 0) props.onQuantity(line.sku, n);
                        else e.currentTarget.value = String(line.quantity);
                      }} />
                  </td>
                  <td>
                    <button type="button" class="btn icon danger" aria-label={t().stock.removeLine(line.name)} title={t().stock.remove}
                      data-testid={`${props.testId}-remove`} disabled={props.disabled} onClick={() => props.onRemove(line.sku)}>×</button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/** Adds `by` units of a product to a list of lines (a scan), keeping the order products were first scanned. */
export function addToLines(lines: readonly StockLine[], p: { sku: string; name: string }, by = 1): StockLine[] {
  return lines.some((l) => l.sku === p.sku)
    ? lines.map((l) => (l.sku === p.sku ? { ...l, quantity: l.quantity + by } : l))
    : [...lines, { sku: p.sku, name: p.name, quantity: by }];
}
