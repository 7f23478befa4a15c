/**
 * Mark a parcel shipped: carrier and tracking number (typed, or scanned straight into the dialog),
 * the location part it leaves from when the order is split, and — for a partial shipment — which
 * lines and how many units are in this parcel (default: everything left of that part).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { WebOrderEventDoc } from '../../domain/documents.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { t } from '../i18n/index.ts';
import { useScans } from '../scanning.ts';
import type { StoreSettingsRow } from '../types.ts';
import { DialogActions, OrderDialog, placeName } from './OrderShared.tsx';

export interface ShipInput {
  tracking?: { carrier: string; number: string; url?: string };
  lines?: Array<{ sku: string; quantity: number }>;
  location?: string;
  parcel?: WebOrderEventDoc['parcel'];
}

const CARRIERS = ['Colissimo', 'Chronopost', 'Mondial Relay', 'La Poste', 'DPD', 'GLS', 'DHL', 'UPS', 'Colis Privé'];

export function OrderShipDialog(props: {
  state: OrderState;
  settings: StoreSettingsRow | undefined;
  location: string | undefined;
  carrier: string;
  tracking?: { carrier: string; number: string; url?: string };
  parcel?: WebOrderEventDoc['parcel'];
  onConfirm: (input: ShipInput) => Promise<string | null>;
  onClose: () => void;
}): JSX.Element {
  const split = (): boolean => props.state.parts.length > 1;
  const open = (): OrderState['parts'] => props.state.parts.filter((p) => p.lines.some((l) => l.ordered > l.shipped));
  const [location, setLocation] = createSignal(props.location ?? open()[0]?.location ?? props.state.parts[0]?.location);
  const [carrier, setCarrier] = createSignal(props.tracking?.carrier ?? props.carrier);
  const [number, setNumber] = createSignal(props.tracking?.number ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const left = createMemo(() =>
    (props.state.parts.find((p) => p.location === location())?.lines ?? [])
      .map((l) => ({ sku: l.sku, name: l.name, left: l.ordered - l.shipped }))
      .filter((l) => l.left > 0),
  );
  const [quantities, setQuantities] = createSignal<Record<string, number>>({});
  const qty = (sku: string, max: number): number => Math.min(max, Math.max(0, quantities()[sku] ?? max));

  useScans((scan) => {
    setNumber(scan.code.trim());
    setError(null);
  });

  async function confirm(): Promise<void> {
    if (busy()) return;
    const trackingNumber = number().trim();
    if (trackingNumber !== '' && carrier().trim() === '') return void setError(t().orderDetail.ship.needCarrier);
    const lines = left().map((l) => ({ sku: l.sku, quantity: qty(l.sku, l.left) })).filter((l) => l.quantity > 0);
    if (lines.length === 0) return void setError(left().length === 0 ? t().orderDetail.ship.none : t().orderDetail.ship.empty);
    const everything = left().every((l) => qty(l.sku, l.left) === l.left);
    const input: ShipInput = {};
    if (trackingNumber !== '') {
      const url = props.tracking && props.tracking.number === trackingNumber ? props.tracking.url : undefined;
      input.tracking = { carrier: carrier().trim(), number: trackingNumber, ...(url ? { url } : {}) };
    }
    if (!everything) input.lines = lines;
    if (split()) {
      const loc = location();
      if (loc !== undefined) input.location = loc;
    }
    if (props.parcel) input.parcel = props.parcel;
    setBusy(true);
    try {
      setError(await props.onConfirm(input));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={t().orderDetail.ship.title} testId="ship-dialog" wide onSubmit={() => void confirm()} onClose={props.onClose}>
      <Show when={split()}>
        <label class="field">
          <span>{t().orderDetail.ship.location}</span>
          <select data-testid="ship-location" value={location() ?? ''} onChange={(e) => { setLocation(e.currentTarget.value); setQuantities({}); }}>
            <For each={open()}>{(p) => <option value={p.location}>{placeName(p.location, props.settings)}</option>}</For>
          </select>
        </label>
      </Show>
      <div class="field-row">
        <label class="field">
          <span>{t().orderDetail.ship.carrier}</span>
          <input data-testid="ship-carrier" list="ship-carriers" autocomplete="off" placeholder={t().orderDetail.ship.carrierPlaceholder} value={carrier()}
            onInput={(e) => { setCarrier(e.currentTarget.value); setError(null); }} />
          <datalist id="ship-carriers">
            <For each={CARRIERS}>{(c) => <option value={c} />}</For>
          </datalist>
        </label>
        <label class="field">
          <span>{t().orderDetail.ship.tracking}</span>
          <input data-testid="ship-tracking" class="mono" autocomplete="off" spellcheck={false} placeholder={t().orderDetail.ship.trackingPlaceholder} value={number()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => { setNumber(e.currentTarget.value); setError(null); }} />
        </label>
      </div>
      <h3>{t().orderDetail.ship.parcel}</h3>
      <Show when={left().length > 0} fallback={<p class="muted">{t().orderDetail.ship.none}</p>}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t().orderDetail.common.item}</th>
              <th scope="col" class="num">{t().orderDetail.ship.left}</th>
              <th scope="col" class="num">{t().orderDetail.common.quantity}</th>
            </tr>
          </thead>
          <tbody>
            <For each={left()}>
              {(l) => (
                <tr data-testid="ship-line" data-sku={l.sku}>
                  <td>
                    <span class="mono">{l.sku}</span> {l.name}
                  </td>
                  <td class="num">{l.left}</td>
                  <td class="num">
                    <input type="number" class="qty-input" data-testid="ship-qty" min={0} max={l.left} step={1} value={qty(l.sku, l.left)}
                      aria-label={`${t().orderDetail.common.quantity} ${l.sku}`}
                      onInput={(e) => setQuantities({ ...quantities(), [l.sku]: Math.floor(Number(e.currentTarget.value) || 0) })} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <button type="button" class="btn" data-testid="ship-everything" onClick={() => setQuantities({})}>
          {t().orderDetail.ship.everything}
        </button>
      </Show>
      <DialogActions error={error()} busy={busy()} confirm={t().orderDetail.ship.confirm} confirmTestId="ship-confirm" onClose={props.onClose} />
    </OrderDialog>
  );
}
