import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { TenderKind } from '../../domain/documents.ts';
import type { Money } from '../../domain/money.ts';
import type { SalesFilter } from '../../store/sales-queries.ts';
import { readMoney, t } from '../i18n/index.ts';

const TENDERS: TenderKind[] = ['cash', 'card', 'voucher', 'other'];

/** Local calendar day "2026-03-01" → the ISO instant of its midnight on this device. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** "12,50" → exactly 12,50; "10-20" (or "10 – 20", "10..20") → that range; '' → none; null when unreadable. */
export function parseAmountFilter(text: string): { min: Money; max: Money } | undefined | null {
  const q = text.trim();
  if (q === '') return undefined;
  const parts = q.split(/\s*(?:\.\.|–|—|\s-\s|(?<=\d)-(?=\d))\s*/);
  if (parts.length > 2) return null;
  const values: Money[] = [];
  for (const p of parts) {
    const r = readMoney(p);
    if (!r.ok) return null;
    values.push(r.value);
  }
  const [a, b] = [values[0]!, values[1] ?? values[0]!];
  return a <= b ? { min: a, max: b } : { min: b, max: a };
}

export interface HistoryFilterState {
  text: string;
  from: string;
  to: string;
  amount: string;
  tender: TenderKind | '';
}

export const EMPTY_FILTERS: HistoryFilterState = { text: '', from: '', to: '', amount: '', tender: '' };

/** The query filter of what the fields hold; null when the amount cannot be read. */
export function toSalesFilter(s: HistoryFilterState): SalesFilter | null {
  const amount = parseAmountFilter(s.amount);
  if (amount === null) return null;
  const filter: SalesFilter = {};
  if (s.text.trim() !== '') filter.text = s.text.trim();
  const from = dayStart(s.from);
  const until = dayStart(s.to, 1);
  if (from) filter.from = from;
  if (until) filter.until = until;
  if (amount) filter.amount = amount;
  if (s.tender) filter.tender = s.tender;
  return filter;
}

/** Search and filters of the sales history; text fields apply as one types (debounced by the caller). */
export function HistoryFilters(props: {
  value: HistoryFilterState;
  onChange: (next: HistoryFilterState) => void;
  searchRef?: (el: HTMLInputElement) => void;
}): JSX.Element {
  const [amountInvalid, setAmountInvalid] = createSignal(false);
  const set = <K extends keyof HistoryFilterState>(key: K, v: HistoryFilterState[K]): void => props.onChange({ ...props.value, [key]: v });
  return (
    <div class="history-filters" role="search">
      <label class="field grow">
        <span>{t().history.search}</span>
        <input
          type="search"
          data-testid="history-search"
          ref={(el) => props.searchRef?.(el)}
          placeholder={t().history.searchPlaceholder}
          value={props.value.text}
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t().history.from}</span>
        <input type="date" data-testid="history-from" value={props.value.from} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t().history.to}</span>
        <input type="date" data-testid="history-to" value={props.value.to} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t().history.amount}</span>
        <input
          type="text"
          inputmode="decimal"
          data-testid="history-amount"
          placeholder={t().history.amountPlaceholder}
          aria-invalid={amountInvalid()}
          value={props.value.amount}
          onInput={(e) => {
            setAmountInvalid(parseAmountFilter(e.currentTarget.value) === null);
            set('amount', e.currentTarget.value);
          }}
        />
      </label>
      <label class="field">
        <span>{t().history.tender}</span>
        <select data-testid="history-tender" value={props.value.tender} onChange={(e) => set('tender', e.currentTarget.value as TenderKind | '')}>
          <option value="">{t().history.allTenders}</option>
          {TENDERS.map((k) => (
            <option value={k}>{t().receipt.tender[k]}</option>
          ))}
        </select>
      </label>
      <button type="button" class="btn secondary" data-testid="history-clear" onClick={() => props.onChange(EMPTY_FILTERS)}>
        {t().history.clear}
      </button>
      <Show when={amountInvalid()}>
        <p class="field-error" role="alert">
          {t().history.amountInvalid}
        </p>
      </Show>
    </div>
  );
}
