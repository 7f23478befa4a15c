/**
 * Print the shipping label: the address (with a way to correct it first), weight and size, the
 * carrier and its service — preselected from the shipping method the customer chose on the web
 * store. An integrated carrier gives back a tracking number; the built-in one prints a generic
 * address label and the number is typed or scanned when the parcel is marked shipped.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { ParcelSpec, Shipment } from '../../domain/courier.ts';
import type { WebOrderEventDoc } from '../../domain/documents.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { labelChoicesFor, printLabelFor } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { addressLines } from './OrderCustomer.tsx';
import { DialogActions, OrderDialog, orderRefusalText } from './OrderShared.tsx';

export interface LabelOutcome {
  carrier: string;
  tracking?: { carrier: string; number: string; url?: string };
  parcel: WebOrderEventDoc['parcel'];
}

/** "1,25" kg → 1250 g; "" → undefined; null when not a positive number. */
function grams(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const kg = Number(text.replace(',', '.'));
  return Number.isFinite(kg) && kg > 0 ? Math.round(kg * 1000) : null;
}

function cm(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : null;
}

const asText = (n: number | undefined, scale = 1): string => (n === undefined ? '' : String(n / scale).replace('.', ','));

export function OrderLabelDialog(props: { state: OrderState; onCorrect: () => void; onShip: (outcome: LabelOutcome) => void; onClose: () => void }): JSX.Element {
  const [courierId, setCourierId] = createSignal<string | undefined>(undefined);
  // Re-read when another courier is chosen (its services differ); the first read takes the default one.
  const [choices] = createResource(() => ({ id: courierId() }), ({ id }) => labelChoicesFor(props.state.orderId, id));
  const current = () => {
    const r = choices.latest;
    return r?.ok ? r.value : undefined;
  };
  const [service, setService] = createSignal<string | null>(null);
  const [weight, setWeight] = createSignal<string | null>(null);
  const [size, setSize] = createSignal<Record<'lengthCm' | 'widthCm' | 'heightCm', string> | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<{ shipment: Shipment; parcel: ParcelSpec } | null>(null);
  const serviceCode = (): string => service() ?? current()?.preselected?.code ?? current()?.services[0]?.code ?? '';
  const weightText = (): string => weight() ?? asText(current()?.parcel.weightGrams, 1000);
  const sizeText = (f: 'lengthCm' | 'widthCm' | 'heightCm'): string => size()?.[f] ?? asText(current()?.parcel[f]);
  const setSizeField = (f: 'lengthCm' | 'widthCm' | 'heightCm', v: string): void => {
    setSize({ lengthCm: sizeText('lengthCm'), widthCm: sizeText('widthCm'), heightCm: sizeText('heightCm'), [f]: v });
  };
  const loadError = (): string | null => {
    const r = choices.latest;
    return r && !r.ok ? orderRefusalText(r.error) : null;
  };

  async function print(): Promise<void> {
    if (busy()) return;
    const w = grams(weightText());
    if (w === null) return void setError(t().orderDetail.label.errWeight);
    const dims = { lengthCm: cm(sizeText('lengthCm')), widthCm: cm(sizeText('widthCm')), heightCm: cm(sizeText('heightCm')) };
    if (Object.values(dims).some((v) => v === null)) return void setError(t().orderDetail.label.errSize);
    const parcel: ParcelSpec = {};
    if (w !== undefined) parcel.weightGrams = w;
    for (const [k, v] of Object.entries(dims) as Array<[keyof typeof dims, number | undefined | null]>) if (typeof v === 'number') parcel[k] = v;
    setBusy(true);
    setError(null);
    try {
      const id = current()?.courierId;
      const r = await printLabelFor(props.state.orderId, { parcel, ...(serviceCode() ? { serviceCode: serviceCode() } : {}), ...(id ? { courierId: id } : {}) });
      if (r.ok) setDone({ shipment: r.value.shipment, parcel: r.value.parcel });
      else setError(orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  }

  function ship(): void {
    const d = done();
    if (d === null) return;
    const s = d.shipment;
    props.onShip({
      carrier: s.carrier,
      ...(s.needsManualTracking ? {} : { tracking: { carrier: s.carrier, number: s.trackingNumber, ...(s.trackingUrl ? { url: s.trackingUrl } : {}) } }),
      parcel: { ...d.parcel, service: s.service.name },
    });
  }

  return (
    <OrderDialog title={t().orderDetail.label.title} testId="label-dialog" wide onSubmit={() => (done() ? ship() : void print())} onClose={props.onClose}>
      <h3>{t().orderDetail.label.address}</h3>
      <Show when={props.state.shippingAddress} fallback={<p class="banner warning">{t().orderDetail.label.noAddress}</p>}>
        <address data-testid="label-address">
          <For each={addressLines(props.state.shippingAddress)}>{(l) => <>{l}<br /></>}</For>
        </address>
      </Show>
      <button type="button" class="btn" data-testid="label-correct" onClick={() => props.onCorrect()}>
        {t().orderDetail.label.correct}
      </button>
      <Show when={(current()?.couriers.length ?? 0) > 1}>
        <label class="field">
          <span>{t().orderDetail.ship.carrier}</span>
          <select data-testid="label-courier" value={current()?.courierId ?? ''} onChange={(e) => { setCourierId(e.currentTarget.value); setService(null); }}>
            <For each={current()?.couriers ?? []}>{(c) => <option value={c.id}>{c.name}</option>}</For>
          </select>
        </label>
      </Show>
      <label class="field">
        <span>{t().orderDetail.label.service}</span>
        <select data-testid="label-service" value={serviceCode()} onChange={(e) => setService(e.currentTarget.value)}>
          <For each={current()?.services ?? []}>{(s) => <option value={s.code}>{s.name}</option>}</For>
        </select>
      </label>
      <Show when={current()?.preselected}>{(p) => <p class="muted small" data-testid="label-preselected">{t().orderDetail.label.chosen(p().name)}</p>}</Show>
      <div class="order-form-grid">
        <label class="field">
          <span>{t().orderDetail.label.weight}</span>
          <input data-testid="label-weight" inputmode="decimal" autocomplete="off" value={weightText()} ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => { setWeight(e.currentTarget.value); setError(null); }} />
        </label>
        <For each={['lengthCm', 'widthCm', 'heightCm'] as const}>
          {(f) => (
            <label class="field">
              <span>{t().orderDetail.label[f === 'lengthCm' ? 'length' : f === 'widthCm' ? 'width' : 'height']}</span>
              <input data-testid={`label-${f}`} inputmode="decimal" autocomplete="off" value={sizeText(f)} onInput={(e) => { setSizeField(f, e.currentTarget.value); setError(null); }} />
            </label>
          )}
        </For>
      </div>
      <Show when={done()}>
        {(d) => (
          <p class="banner ok" role="status" data-testid="label-done" data-tracking={d().shipment.trackingNumber ?? ''}>
            {d().shipment.needsManualTracking ? t().orderDetail.label.manual : t().orderDetail.label.withTracking(d().shipment.trackingNumber ?? '')}
          </p>
        )}
      </Show>
      <Show when={done()} fallback={<DialogActions error={error() ?? loadError()} busy={busy() || current() === undefined} confirm={busy() ? t().orderDetail.label.printing : t().orderDetail.label.print} confirmTestId="label-print" onClose={props.onClose} />}>
        <DialogActions error={error()} busy={false} confirm={t().orderDetail.label.ship} confirmTestId="label-ship" onClose={props.onClose} />
      </Show>
    </OrderDialog>
  );
}
