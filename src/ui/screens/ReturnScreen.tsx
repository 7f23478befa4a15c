/**
 * /returns: find the original sale (scan the receipt's barcode = its label, or search by label and
 * date), pick lines and quantities (never more than is still returnable, counting what the cart
 * already holds), restock or not, and put the return lines into the cart: the sell screen then
 * refunds them to the original tender, or settles an exchange with new items in the same sale.
 * Without a receipt, a manager authorises and the returned products are picked from the catalogue.
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { addReturnLine, type Cart } from '../../domain/cart.ts';
import type { SaleDoc } from '../../domain/documents.ts';
import { remainingLine, returnableLines } from '../../domain/refund.ts';
import { findSalesForReturn, watchReturnsOf } from '../../store/shift-queries.ts';
import { cartStore } from '../cart-store.ts';
import { NoReceiptReturn } from '../components/NoReceiptReturn.tsx';
import { choiceOf, ReturnLines, type ReturnChoice, type ReturnRow } from '../components/ReturnLines.tsx';
import { fmtDateTime, fmtMoney, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import '../styles/shift.css';

/** Units of each line of `saleId` already waiting in the cart as returns. */
function inCart(cart: Cart, saleId: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const item of cart.items) {
    if (item.returnOf?.saleId === saleId) out.set(item.returnOf.line, (out.get(item.returnOf.line) ?? 0) - item.quantity);
  }
  return out;
}

/** [from, to) of a local calendar day as ISO instants (sales store UTC instants). */
function dayRange(date: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

export default function ReturnScreen(): JSX.Element {
  const navigate = useNavigate();
  let searchInput!: HTMLInputElement;
  const [text, setText] = createSignal('');
  const [date, setDate] = createSignal('');
  const [results, setResults] = createSignal<SaleDoc[] | null>(null);
  const [sale, setSale] = createSignal<SaleDoc | null>(null);
  const [choices, setChoices] = createSignal<Record<number, ReturnChoice>>({});
  const [noReceipt, setNoReceipt] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const returns = live<SaleDoc[]>(() => {
    const s = sale();
    return watchReturnsOf(s ?? { _id: '', createdAt: '9999' });
  }, []);
  const lines = createMemo((): ReturnRow[] => {
    const s = sale();
    if (s === null) return [];
    const pending = inCart(cartStore.currentCart(), s._id);
    return returnableLines(s, returns.value()).map((l) => {
      const waiting = pending.get(l.lineIndex) ?? 0;
      const rest = remainingLine(s, l.lineIndex, returns.value());
      return { ...l, rest, returned: l.returned + waiting, returnable: Math.max(0, l.returnable - waiting) };
    });
  });
  const anyChosen = (): boolean => lines().some((l) => Math.min(choiceOf(choices(), l.lineIndex).quantity, l.returnable) > 0);

  onMount(() => searchInput.focus());

  function pick(s: SaleDoc): void {
    setSale(s);
    setChoices({});
    setResults(null);
    setError(null);
  }

  async function search(): Promise<void> {
    setError(null);
    const label = text().trim();
    const range = dayRange(date());
    try {
      const found = await findSalesForReturn({ label, ...(range ?? {}) });
      const exact = found.filter((s) => s.receiptLabel === label.toUpperCase());
      if (exact.length === 1 && exact[0]) pick(exact[0]);
      else {
        setSale(null);
        setResults(found);
      }
    } catch (e) {
      setError(t().errors.unexpected(errorMessage(e)));
    }
  }

  function toCart(): void {
    const s = sale();
    if (s === null) return;
    if (!anyChosen()) {
      setError(t().returns.nothingSelected);
      return;
    }
    try {
      cartStore.update((cart) => {
        let next = cart;
        for (const l of lines()) {
          const choice = choiceOf(choices(), l.lineIndex);
          const quantity = Math.min(choice.quantity, l.returnable);
          // From what is left of the line, so that successive returns add up to its total exactly.
          if (quantity > 0) next = addReturnLine(next, { saleId: s._id, line: l.rest ?? l.line, lineIndex: l.lineIndex, quantity, restock: choice.restock });
        }
        return next;
      });
      navigate('/');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <main class="page return-page">
      <h1>{t().returns.title}</h1>
      <form
        class="card search-bar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label class="field grow">
          <span>{t().returns.search}</span>
          <input ref={searchInput} class="input-xl" type="search" data-testid="return-search" autocomplete="off" spellcheck={false} placeholder={t().returns.searchPlaceholder} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t().returns.date}</span>
          <input type="date" data-testid="return-date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary" data-testid="return-find">
          {t().returns.find} <kbd>{t().keys.enter}</kbd>
        </button>
        <button type="button" class="btn secondary" data-testid="return-no-receipt" onClick={() => { setSale(null); setResults(null); setNoReceipt(true); }}>
          {t().returns.noReceipt}
        </button>
      </form>

      <Show when={error()}>
        {(msg) => (
          <p class="banner error" role="alert" data-testid="return-error">
            {msg()}
          </p>
        )}
      </Show>

      <Show when={results()}>
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="empty muted">{t().returns.noResults}</p>}>
            <ul class="list" role="list">
              <For each={rows()}>
                {(s) => (
                  <li>
                    <button type="button" class="list-row" data-testid="return-sale" onClick={() => pick(s)}>
                      <span class="mono">{s.receiptLabel}</span>
                      <span>{fmtDateTime(s.createdAt)}</span>
                      <span class="muted">{s.lines.map((l) => l.name).join(', ')}</span>
                      <span class="num strong">{fmtMoney(s.totals.gross, s.currency)}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>

      <Show when={sale()}>
        {(s) => (
          <section data-testid="return-selected" data-sale-id={s()._id}>
            <h2 class="section-title">
              {s().receiptLabel} · {fmtDateTime(s().createdAt)}
            </h2>
            <ReturnLines sale={s()} lines={lines()} choices={choices()} onChange={(i, c) => setChoices({ ...choices(), [i]: c })} />
            <Show when={lines().every((l) => l.returnable === 0)}>
              <p class="banner warning">{t().returns.fullyReturned}</p>
            </Show>
            <p class="muted">{t().returns.toCartHint}</p>
            <div class="panel-actions">
              <button type="button" class="btn secondary" onClick={() => { setSale(null); searchInput.focus(); }}>
                {t().returns.otherSale}
              </button>
              <button type="button" class="btn primary big" data-testid="return-to-cart" disabled={!anyChosen()} onClick={toCart}>
                {t().returns.toCart}
              </button>
            </div>
          </section>
        )}
      </Show>

      <Show when={noReceipt()}>
        <NoReceiptReturn onDone={() => navigate('/')} onCancel={() => setNoReceipt(false)} />
      </Show>
    </main>
  );
}
