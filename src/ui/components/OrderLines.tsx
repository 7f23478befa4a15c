/**
 * The order's lines with ordered / picked / packed / shipped quantities, grouped by the location that
 * prepares them (one group when the order is not split). A completed line turns green; lines that
 * are not stock (shipping, fees, unknown SKUs) are listed apart and never picked. Then the parcels
 * that already left, each with its own tracking.
 */
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { LocationPart, OrderLineState, OrderState } from '../../domain/web-order-types.ts';
import { fmtDateTime, fmtMoney, t } from '../i18n/index.ts';
import type { StoreSettingsRow, WebOrderRow } from '../types.ts';
import { placeName } from './OrderShared.tsx';

export type LineProgress = 'done' | 'partial' | 'todo' | 'removed';

export function lineProgress(l: Pick<OrderLineState, 'picked' | 'ordered'>): LineProgress {
  if (l.ordered <= 0) return 'removed';
  return l.picked >= l.ordered ? 'done' : l.picked > 0 ? 'partial' : 'todo';
}

export function unitsPicked(lines: readonly OrderLineState[]): { picked: number; ordered: number } {
  return lines.reduce((acc, l) => ({ picked: acc.picked + Math.min(l.picked, l.ordered), ordered: acc.ordered + l.ordered }), { picked: 0, ordered: 0 });
}

function PartTable(props: { part: LocationPart; split: boolean; working: boolean; settings: StoreSettingsRow | undefined }): JSX.Element {
  const progress = (): { picked: number; ordered: number } => unitsPicked(props.part.lines);
  const anyReturned = (): boolean => props.part.lines.some((l) => l.returned > 0);
  return (
    <div class="order-part" classList={{ working: props.working && props.split }} data-testid="order-part" data-location={props.part.location} data-state={props.part.status}>
      <Show when={props.split}>
        <h3>
          {t().orderDetail.part(placeName(props.part.location, props.settings))}{' '}
          <span class={`pill status-${props.part.status}`} data-testid="order-part-status">
            {t().orderDetail.statuses[props.part.status]}
          </span>{' '}
          <span class="muted" data-testid="order-part-progress">
            {progress().picked}/{progress().ordered}
          </span>
        </h3>
      </Show>
      <div class="table-wrap">
        <table class="data-table order-lines">
          <thead>
            <tr>
              <th scope="col">{t().orderDetail.sku}</th>
              <th scope="col">{t().orderDetail.item}</th>
              <th scope="col" class="num">{t().orderDetail.ordered}</th>
              <th scope="col" class="num">{t().orderDetail.picked}</th>
              <th scope="col" class="num">{t().orderDetail.packed}</th>
              <th scope="col" class="num">{t().orderDetail.shipped}</th>
              <Show when={anyReturned()}>
                <th scope="col" class="num">{t().orderDetail.returned}</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.part.lines}>
              {(l) => (
                <tr data-testid="order-line" data-sku={l.sku} data-location={l.location} data-state={lineProgress(l)} class={`pick-${lineProgress(l)}`}>
                  <td class="mono">{l.sku}</td>
                  <td>{l.name}</td>
                  <td class="num" data-testid="order-ordered">{l.ordered}</td>
                  <td class="num strong" data-testid="order-picked">{l.picked}</td>
                  <td class="num" data-testid="order-packed-qty">{l.packed}</td>
                  <td class="num" data-testid="order-shipped">{l.shipped}</td>
                  <Show when={anyReturned()}>
                    <td class="num" data-testid="order-returned">{l.returned}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function OrderLines(props: { state: OrderState; order: WebOrderRow; settings: StoreSettingsRow | undefined; working: string | undefined }): JSX.Element {
  const extras = (): WebOrderRow['lines'] => props.order.lines.filter((l) => l.sku === null);
  const split = (): boolean => props.state.parts.length > 1;
  return (
    <>
      <For each={props.state.parts}>{(part) => <PartTable part={part} split={split()} working={part.location === props.working} settings={props.settings} />}</For>
      <Show when={extras().length > 0}>
        <table class="data-table order-extras">
          <caption class="muted small">{t().orderDetail.notStock}</caption>
          <tbody>
            <For each={extras()}>
              {(l) => (
                <tr data-testid="order-line-extra" class="muted">
                  <td class="mono">{l.platformSku ?? '—'}</td>
                  <td>{l.name}</td>
                  <td class="num">{l.quantity}</td>
                  <td class="num">{fmtMoney(l.unitPrice, props.order.currency)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={props.state.parcels.length > 0}>
        <h3>{t().orderDetail.parcels}</h3>
        <ul class="order-parcels">
          <For each={props.state.parcels}>
            {(p) => (
              <li data-testid="order-parcel" data-tracking={p.tracking?.number ?? ''}>
                <strong>{p.tracking ? `${p.tracking.carrier} ${p.tracking.number}` : t().orderDetail.noTracking}</strong>{' '}
                <span class="muted">
                  {fmtDateTime(p.at)} · {p.by}
                  <Show when={split() && p.location}> · {placeName(p.location, props.settings)}</Show>
                </span>
                <div class="small">{p.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
