/**
 * Check and correct the customer and the shipping address before the label is printed. Only what
 * changed is recorded (one address_corrected event); the platform's own document is never edited.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { WebOrderAddress } from '../../domain/documents.ts';
import type { OrderState } from '../../domain/web-order-types.ts';
import { correctOrderAddress } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { DialogActions, OrderDialog, orderRefusalText } from './OrderShared.tsx';

type AddressField = 'name' | 'address1' | 'address2' | 'postcode' | 'city' | 'region' | 'country' | 'phone';
type CustomerField = 'name' | 'email' | 'phone';

const ADDRESS_FIELDS: AddressField[] = ['name', 'address1', 'address2', 'postcode', 'city', 'region', 'country', 'phone'];
const CUSTOMER_FIELDS: CustomerField[] = ['name', 'email', 'phone'];

function clean<T extends Record<string, string>>(o: T): T {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v.trim() !== '') out[k] = v.trim();
  return out as T;
}

export function OrderAddressForm(props: { state: OrderState; onDone: () => void; onClose: () => void }): JSX.Element {
  const a = props.state.shippingAddress;
  const c = props.state.customer;
  const [customer, setCustomer] = createSignal<Record<CustomerField, string>>({ name: c.name, email: c.email ?? '', phone: c.phone ?? '' });
  const [address, setAddress] = createSignal<Record<AddressField, string>>({
    name: a?.name ?? c.name, address1: a?.address1 ?? '', address2: a?.address2 ?? '', postcode: a?.postcode ?? '', city: a?.city ?? '',
    region: a?.region ?? '', country: a?.country ?? 'FR', phone: a?.phone ?? '',
  });
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const shipping = (): boolean => props.state.delivery === 'shipping';
  const labels = (): Record<AddressField | CustomerField, string> => {
    const d = t().orderDetail.address;
    return { name: d.name, email: d.email, phone: d.phone, address1: d.address1, address2: d.address2, postcode: d.postcode, city: d.city, region: d.region, country: d.country };
  };

  async function confirm(): Promise<void> {
    if (busy()) return;
    const nextCustomer = clean(customer());
    const nextAddress = clean(address());
    const customerChanged = CUSTOMER_FIELDS.some((f) => (nextCustomer[f] ?? '') !== ((c as Record<string, string | undefined>)[f] ?? ''));
    const addressChanged = shipping() && ADDRESS_FIELDS.some((f) => (nextAddress[f] ?? '') !== ((a as Record<string, string | undefined> | undefined)?.[f] ?? ''));
    if (!customerChanged && !addressChanged) return void setError(t().orderDetail.address.unchanged);
    if (addressChanged && ['name', 'address1', 'postcode', 'city', 'country'].some((f) => !nextAddress[f as AddressField])) return void setError(t().orderDetail.address.required);
    if (customerChanged && !nextCustomer.name) return void setError(t().orderDetail.address.required);
    const correction: { address?: WebOrderAddress; customer?: OrderState['customer'] } = {};
    if (addressChanged) correction.address = nextAddress as unknown as WebOrderAddress;
    if (customerChanged) correction.customer = nextCustomer as OrderState['customer'];
    setBusy(true);
    try {
      const r = await correctOrderAddress(props.state.orderId, correction);
      if (r.ok) props.onDone();
      else setError(orderRefusalText(r.error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <OrderDialog title={t().orderDetail.address.title} testId="address-dialog" wide onSubmit={() => void confirm()} onClose={props.onClose}>
      <fieldset>
        <legend>{t().orderDetail.address.customer}</legend>
        <div class="order-form-grid">
          <For each={CUSTOMER_FIELDS}>
            {(f) => (
              <label class="field">
                <span>{labels()[f]}</span>
                <input data-testid={`customer-${f}`} autocomplete="off" value={customer()[f]} onInput={(e) => { setCustomer({ ...customer(), [f]: e.currentTarget.value }); setError(null); }} />
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={shipping()}>
        <fieldset>
          <legend>{t().orderDetail.address.shipTo}</legend>
          <div class="order-form-grid">
            <For each={ADDRESS_FIELDS}>
              {(f) => (
                <label class="field">
                  <span>{labels()[f]}</span>
                  <input data-testid={`address-${f}`} autocomplete="off" maxlength={f === 'country' ? 2 : 120} value={address()[f]}
                    onInput={(e) => { setAddress({ ...address(), [f]: f === 'country' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value }); setError(null); }} />
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </Show>
      <DialogActions error={error()} busy={busy()} confirm={t().orderDetail.address.confirm} confirmTestId="address-confirm" onClose={props.onClose} />
    </OrderDialog>
  );
}
