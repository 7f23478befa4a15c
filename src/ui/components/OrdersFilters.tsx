import { For } from 'solid-js';
import type { JSX } from 'solid-js';
import type { Platform } from '../../domain/documents.ts';
import type { FulfilmentStatus } from '../../domain/web-order-types.ts';
import { dayBounds, type ChannelFilter, type OrdersFilter } from '../../store/orders-filter.ts';
import { t } from '../i18n/index.ts';

type StatusChoice = NonNullable<OrdersFilter['status']>;

/** What the filter fields hold (strings as typed; '' = no filter). */
export interface OrdersFilterState {
  text: string;
  channel: ChannelFilter;
  platform: Platform | '';
  status: StatusChoice;
  delivery: '' | 'shipping' | 'pickup';
  payment: '' | 'paid' | 'to_pay';
  location: string;
  from: string;
  to: string;
}

export const EMPTY_ORDER_FILTERS: OrdersFilterState = {
  text: '',
  channel: 'all',
  platform: '',
  status: 'open',
  delivery: '',
  payment: '',
  location: '',
  from: '',
  to: '',
};

/** The query of what the fields hold: the "to" day is included whole. */
export function toOrdersFilter(s: OrdersFilterState): OrdersFilter {
  const f: OrdersFilter = { channel: s.channel, status: s.status };
  if (s.text.trim() !== '') f.text = s.text.trim();
  if (s.platform !== '') f.platform = s.platform;
  if (s.delivery !== '') f.delivery = s.delivery;
  if (s.payment !== '') f.payment = s.payment;
  if (s.location !== '') f.location = s.location;
  return { ...f, ...dayBounds(s.from, s.to) };
}

const STATUSES: Array<FulfilmentStatus | 'parked'> = ['new', 'picking', 'picked', 'packed', 'partially_shipped', 'ready_for_pickup', 'shipped', 'picked_up', 'cancelled', 'parked'];

/** Search, the "Web" quick filter and the filters of the orders screen; every change applies at once. */
export function OrdersFilters(props: {
  value: OrdersFilterState;
  onChange: (next: OrdersFilterState) => void;
  platforms: Platform[];
  locations: Array<{ id: string; name: string }>;
  searchRef?: (el: HTMLInputElement) => void;
  onSearchKeyDown?: (e: KeyboardEvent) => void;
}): JSX.Element {
  const set = <K extends keyof OrdersFilterState>(key: K, v: OrdersFilterState[K]): void => props.onChange({ ...props.value, [key]: v });
  const webOnly = (): boolean => props.value.channel === 'web';
  const o = () => t().orders;
  return (
    <div class="orders-filters" role="search">
      <div class="orders-search-row">
        <label class="field grow">
          <span>{o().filters.search}</span>
          <input
            type="search"
            data-testid="orders-search"
            ref={(el) => props.searchRef?.(el)}
            placeholder={o().filters.searchPlaceholder}
            value={props.value.text}
            onInput={(e) => set('text', e.currentTarget.value)}
            onKeyDown={(e) => props.onSearchKeyDown?.(e)}
          />
        </label>
        <button
          type="button"
          class="btn orders-web-toggle"
          classList={{ active: webOnly() }}
          data-testid="orders-web-only"
          aria-pressed={webOnly()}
          title={o().filters.webTitle}
          onClick={() => set('channel', webOnly() ? 'all' : 'web')}
        >
          {o().filters.web}
        </button>
        <button type="button" class="btn secondary" data-testid="orders-clear" onClick={() => props.onChange(EMPTY_ORDER_FILTERS)}>
          {o().filters.clear}
        </button>
      </div>
      <div class="orders-filter-grid">
        <label class="field">
          <span>{o().filters.channel}</span>
          <select data-testid="orders-channel" value={props.value.channel} onChange={(e) => set('channel', e.currentTarget.value as ChannelFilter)}>
            <For each={['all', 'web', 'parked'] as const}>{(c) => <option value={c}>{o().filters.channels[c]}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.platform}</span>
          <select data-testid="orders-platform" value={props.value.platform} onChange={(e) => set('platform', e.currentTarget.value as Platform | '')}>
            <option value="">{o().filters.allPlatforms}</option>
            <For each={props.platforms}>{(p) => <option value={p}>{o().platforms[p]}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.status}</span>
          <select data-testid="orders-status" value={props.value.status} onChange={(e) => set('status', e.currentTarget.value as StatusChoice)}>
            <option value="open">{o().filters.openStatuses}</option>
            <option value="any">{o().filters.anyStatus}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{o().statuses[s]}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.delivery}</span>
          <select data-testid="orders-delivery" value={props.value.delivery} onChange={(e) => set('delivery', e.currentTarget.value as OrdersFilterState['delivery'])}>
            <option value="">{o().filters.anyDelivery}</option>
            <option value="shipping">{o().deliveries.shipping}</option>
            <option value="pickup">{o().deliveries.pickup}</option>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.payment}</span>
          <select data-testid="orders-payment" value={props.value.payment} onChange={(e) => set('payment', e.currentTarget.value as OrdersFilterState['payment'])}>
            <option value="">{o().filters.anyPayment}</option>
            <option value="paid">{o().payments.paid}</option>
            <option value="to_pay">{o().payments.to_pay}</option>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.location}</span>
          <select data-testid="orders-location" value={props.value.location} onChange={(e) => set('location', e.currentTarget.value)}>
            <option value="">{o().filters.anyLocation}</option>
            <For each={props.locations}>{(l) => <option value={l.id}>{l.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{o().filters.from}</span>
          <input type="date" data-testid="orders-from" value={props.value.from} onInput={(e) => set('from', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{o().filters.to}</span>
          <input type="date" data-testid="orders-to" value={props.value.to} onInput={(e) => set('to', e.currentTarget.value)} />
        </label>
      </div>
    </div>
  );
}
