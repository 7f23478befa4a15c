/**
 * Everything done to the order and by whom, in the order every register folds it. A step refused
 * at its place in the merged order (two registers picking the same last unit) changed nothing: it
 * stays listed, marked refused, with why.
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { CurrencyCode } from '../../domain/money.ts';
import type { HistoryEntry } from '../../domain/web-order-types.ts';
import type { EventDetail } from '../i18n/order-detail-history.fr.ts';
import { fmtDateTime, fmtMoney, t } from '../i18n/index.ts';
import type { StoreSettingsRow } from '../types.ts';
import { orderRefusalText, placeName } from './OrderShared.tsx';

/** A history entry as the catalogue's sentence needs it: names instead of ids, money formatted. */
export function eventDetail(h: HistoryEntry, currency: CurrencyCode, settings: StoreSettingsRow | undefined): EventDetail {
  const d: EventDetail = {};
  if (h.sku !== undefined) d.sku = h.sku;
  if (h.quantity !== undefined) d.quantity = h.quantity;
  if (h.all === true) d.all = true;
  if (h.text !== undefined) d.text = h.text;
  if (h.override !== undefined) d.override = h.override;
  if (h.location !== undefined) d.place = placeName(h.location, settings);
  if (h.tracking !== undefined) d.tracking = h.tracking;
  if (h.lines !== undefined) d.lines = h.lines;
  if (h.allocation !== undefined) d.allocation = h.allocation.map((a) => ({ ...a, location: placeName(a.location, settings) }));
  if (h.payment !== undefined) {
    d.amount = fmtMoney(h.payment.amount, currency);
    // The command writes tender kinds ("cash + card") or a label ("Chèque", "virement"): kinds are translated.
    const names: Record<string, string> = { cash: t().counter.pay.cash, card: t().counter.pay.card, voucher: t().counter.pay.voucher };
    d.method = h.payment.method
      .split(' + ')
      .map((m) => names[m] ?? m)
      .join(' + ');
  }
  if (h.refund !== undefined) {
    d.amount = fmtMoney(h.refund.amount, currency);
    d.refundTo = h.refund.to;
    if (h.refund.voucher !== undefined) d.voucher = h.refund.voucher;
    if (h.refund.surcharge !== undefined && h.refund.surcharge > 0) d.surcharge = fmtMoney(h.refund.surcharge, currency);
  }
  if (h.change !== undefined) {
    const c: NonNullable<EventDetail['change']> = {};
    if (h.change.sku !== undefined) c.sku = h.change.sku;
    if (h.change.remove !== undefined) c.remove = h.change.remove;
    if (h.change.add !== undefined) c.add = { sku: h.change.add.sku, quantity: h.change.add.quantity };
    d.change = c;
  }
  if (h.restock !== undefined) d.restock = h.restock;
  if (h.reason !== undefined) d.reason = h.reason;
  if (h.assignee !== undefined) d.assignee = h.assignee?.name ?? null;
  if (h.printed !== undefined) d.printed = h.printed;
  return d;
}

export function OrderHistory(props: { history: readonly HistoryEntry[]; currency: CurrencyCode; settings: StoreSettingsRow | undefined }): JSX.Element {
  return (
    <section class="order-history">
      <h2>{t().orderDetail.history}</h2>
      <Show when={props.history.length > 0} fallback={<p class="muted">{t().orderDetail.noHistory}</p>}>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t().orderDetail.when}</th>
                <th scope="col">{t().orderDetail.who}</th>
                <th scope="col">{t().orderDetail.what}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.history}>
                {(h) => (
                  <tr data-testid="order-history-row" data-kind={h.kind} data-refused={h.refused ? 'true' : 'false'} classList={{ refused: h.refused !== undefined }}>
                    <td>{fmtDateTime(h.at)}</td>
                    <td>{h.by}</td>
                    <td>
                      {t().orderDetail.event(h.kind, eventDetail(h, props.currency, props.settings))}
                      <Show when={h.refused}>
                        {(why) => (
                          <>
                            {' '}
                            <span class="refused-tag" data-testid="order-history-refused">
                              ({t().orderDetail.refusedTag(orderRefusalText(why()))})
                            </span>
                          </>
                        )}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
