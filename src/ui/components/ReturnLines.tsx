/**
 * The lines of an original sale as a return form: per line what was sold, what was already returned
 * (by later sales, or already in the cart), the quantity to return now and whether it goes back on
 * the shelf; what each gives back (its discount share included) and where the money goes.
 */
import { createMemo, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { addReturnLine, cartSummary, emptyCart } from '../../domain/cart.ts';
import type { SaleDoc, SaleLine } from '../../domain/documents.ts';
import { money, sum, type Money } from '../../domain/money.ts';
import { refundTenders, type ReturnableLine } from '../../domain/refund.ts';
import { fmtMoney, t } from '../i18n/index.ts';

export interface ReturnChoice {
  quantity: number;
  restock: boolean;
}

/** A returnable line and what is left of it to return from (remainingLine). */
export type ReturnRow = ReturnableLine & { rest: SaleLine | null };

/** What returning `quantity` units gives back, computed exactly as the cart will (positive). */
export function refundFor(saleId: string, row: ReturnRow, quantity: number): Money {
  if (row.rest === null || quantity <= 0) return money(0);
  const q = Math.min(quantity, row.rest.quantity);
  const s = cartSummary(addReturnLine(emptyCart(), { saleId, line: row.rest, lineIndex: row.lineIndex, quantity: q, restock: true }));
  return s.ok ? money(-s.value.gross) : money(0);
}

export interface ReturnLinesProps {
  sale: SaleDoc;
  lines: readonly ReturnRow[];
  choices: Record<number, ReturnChoice>;
  onChange: (lineIndex: number, choice: ReturnChoice) => void;
}

export function choiceOf(choices: Record<number, ReturnChoice>, lineIndex: number): ReturnChoice {
  return choices[lineIndex] ?? { quantity: 0, restock: true };
}

export function ReturnLines(props: ReturnLinesProps): JSX.Element {
  const refundOf = (l: ReturnRow): Money => refundFor(props.sale._id, l, Math.min(choiceOf(props.choices, l.lineIndex).quantity, l.returnable));
  const total = createMemo(() => sum(props.lines.map(refundOf)));
  const tenders = createMemo(() => refundTenders(props.sale, total()));
  const kindLabel = (kind: 'cash' | 'card' | 'voucher' | 'other', label?: string): string => (kind === 'other' && label ? label : t().shift.report.tenderKinds[kind]);

  return (
    <div class="card">
      <h2>{t().returns.lines}</h2>
      <div class="table-wrap">
        <table class="data-table return-lines">
          <thead>
            <tr>
              <th>{t().returns.item}</th>
              <th class="num">{t().returns.sold}</th>
              <th class="num">{t().returns.returned}</th>
              <th class="num">{t().returns.qty}</th>
              <th>{t().returns.restock}</th>
              <th class="num">{t().returns.refund}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.lines}>
              {(l) => {
                const choice = (): ReturnChoice => choiceOf(props.choices, l.lineIndex);
                return (
                  <tr data-testid="return-line" data-sku={l.line.sku} classList={{ muted: l.returnable === 0 }}>
                    <td>
                      {l.line.name}
                      <Show when={l.line.discount}>
                        {(d) => <small class="muted"> (−{fmtMoney(d().amount)})</small>}
                      </Show>
                    </td>
                    <td class="num">{l.sold}</td>
                    <td class="num">{l.returned}</td>
                    <td class="num">
                      <input
                        class="return-qty"
                        type="number"
                        min="0"
                        max={l.returnable}
                        step="1"
                        inputmode="numeric"
                        data-testid="return-qty"
                        disabled={l.returnable === 0}
                        aria-label={`${t().returns.qty} · ${l.line.name}`}
                        value={choice().quantity}
                        onInput={(e) => {
                          const n = Number(e.currentTarget.value);
                          const q = Number.isSafeInteger(n) ? Math.max(0, Math.min(n, l.returnable)) : 0;
                          props.onChange(l.lineIndex, { ...choice(), quantity: q });
                        }}
                      />
                    </td>
                    <td>
                      <input
                        class="return-restock"
                        type="checkbox"
                        data-testid="return-restock"
                        aria-label={`${t().returns.restock} · ${l.line.name}`}
                        disabled={l.returnable === 0}
                        checked={choice().restock}
                        onChange={(e) => props.onChange(l.lineIndex, { ...choice(), restock: e.currentTarget.checked })}
                      />
                    </td>
                    <td class="num">{fmtMoney(refundOf(l))}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <div class="totals-row grand">
        <span>{t().returns.total}</span>
        <span data-testid="return-total">{fmtMoney(total())}</span>
      </div>
      <Show when={tenders().length > 0}>
        <p class="muted" data-testid="return-tenders">
          {t().returns.refundTo} : {tenders().map((x) => `${kindLabel(x.kind, x.label)} ${fmtMoney(money(-x.amount))}`).join(' · ')}
        </p>
      </Show>
    </div>
  );
}
