/**
 * The drawer count at close: one field per note and coin (counts, not amounts), the live total, the
 * expected cash and the difference, highlighted when the drawer is over or short.
 */
import { createMemo, For } from 'solid-js';
import type { JSX } from 'solid-js';
import { countedCash, isValidCount, type CashCounts } from '../../domain/cash-count.ts';
import { money, type Money } from '../../domain/money.ts';
import { fmtMoney, t } from '../i18n/index.ts';

export interface CashCountProps {
  denominations: readonly number[];
  counts: CashCounts;
  onChange: (counts: CashCounts) => void;
  expected: Money;
}

/** Counts typed so far; null when one of them is not a whole number ≥ 0. */
export function validCounts(counts: CashCounts): CashCounts | null {
  return Object.values(counts).every(isValidCount) ? counts : null;
}

export function CashCount(props: CashCountProps): JSX.Element {
  const total = createMemo((): Money | null => {
    const valid = validCounts(props.counts);
    return valid === null ? null : countedCash(valid);
  });
  const difference = (): Money | null => {
    const counted = total();
    return counted === null ? null : money(counted - props.expected);
  };
  const set = (denomination: number, text: string): void => {
    const trimmed = text.trim();
    const next = { ...props.counts };
    if (trimmed === '') delete next[String(denomination)];
    else next[String(denomination)] = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    props.onChange(next);
  };
  const label = (d: number): string => fmtMoney(money(d));

  return (
    <div class="cash-count">
      <div class="count-grid" role="group" aria-label={t().shift.countTitle}>
        <For each={props.denominations}>
          {(d) => {
            const value = (): string => {
              const c = props.counts[String(d)];
              return c === undefined || Number.isNaN(c) ? '' : String(c);
            };
            const invalid = (): boolean => {
              const c = props.counts[String(d)];
              return c !== undefined && !isValidCount(c);
            };
            return (
              <label class="count-cell" classList={{ coin: d < 500 }}>
                <span class="count-label">{label(d)}</span>
                <input
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  class="count-input"
                  data-testid={`count-${d}`}
                  aria-invalid={invalid()}
                  value={value()}
                  placeholder="0"
                  onInput={(e) => set(d, e.currentTarget.value)}
                />
                <span class="count-sub muted small">
                  {isValidCount(props.counts[String(d)] ?? 0) ? fmtMoney(money(d * (props.counts[String(d)] ?? 0))) : '—'}
                </span>
              </label>
            );
          }}
        </For>
      </div>
      <dl class="count-summary">
        <div>
          <dt>{t().shift.counted}</dt>
          <dd class="num strong" data-testid="count-total">
            {total() === null ? '—' : fmtMoney(total() ?? money(0))}
          </dd>
        </div>
        <div>
          <dt>{t().shift.expected}</dt>
          <dd class="num" data-testid="cash-expected">
            {fmtMoney(props.expected)}
          </dd>
        </div>
        <div
          class="difference"
          classList={{ over: (difference() ?? 0) > 0, short: (difference() ?? 0) < 0, even: difference() === 0 }}
        >
          <dt>{t().shift.difference}</dt>
          <dd class="num strong" data-testid="cash-difference" data-amount={difference() ?? ''}>
            {difference() === null ? '—' : fmtMoney(difference() ?? money(0))}
            {(difference() ?? 0) > 0 ? ` (${t().shift.over})` : (difference() ?? 0) < 0 ? ` (${t().shift.short})` : ''}
          </dd>
        </div>
      </dl>
    </div>
  );
}
