/**
 * What the sell screen mounts for H5b's hardware, in one place:
 * - scans from every scanner (wedge, serial, HID, camera) go into the cart: a known code adds its
 *   product; an unknown one goes through the search box's own flow (its "unknown barcode" notice and
 *   quick-product offer), exactly as if it had been typed and entered there;
 * - the customer display (second window, and the 2 × 20 pole when one is paired) follows the cart,
 *   then shows the change and a thank-you once the sale is committed;
 * - two buttons: the camera scanner and "open the customer screen".
 */
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { cartSummary } from '../../domain/cart.ts';
import type { SaleDoc } from '../../domain/documents.ts';
import { customerDisplay } from '../../hardware/customer-display-channel.ts';
import type { DisplayState } from '../../hardware/customer-display-state.ts';
import { createPoleDisplay, DEFAULT_POLE, type PoleOptions } from '../../hardware/pole-display.ts';
import { printing } from '../../hardware/printing.ts';
import { listDevices } from '../../store/hardware-queries.ts';
import { findProductByCode } from '../../store/queries.ts';
import { cartStore } from '../cart-store.ts';
import { currency, lang, t } from '../i18n/index.ts';
import { useScans } from '../scanning.ts';
import { session } from '../session.ts';
import type { ProductRow } from '../types.ts';
import { CameraScanner } from './CameraScanner.tsx';
import '../styles/peripherals.css';

/** An unknown code is handed to the search box as if typed there and entered. */
function submitToSearch(code: string): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid="search"]');
  if (!input) return;
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: code }));
  input.form?.requestSubmit();
}

async function poleShow(state: DisplayState): Promise<void> {
  const row = (await listDevices()).find((d) => d.role === 'pole_display');
  const transport = row ? printing().devices.transportFor(row.id) : null;
  if (!row || !transport) return;
  const options: PoleOptions = { ...DEFAULT_POLE, ...(row.options as Partial<PoleOptions>), lang: lang() };
  await createPoleDisplay(transport, options).show(state);
}

export function openCustomerDisplay(): boolean {
  const win = window.open('/display', 'comptoir-customer-display', 'popup,width=1024,height=768');
  return win !== null;
}

export function CounterPeripherals(props: { onProduct: (product: ProductRow) => void; enabled: () => boolean; sale: () => SaleDoc | null }): JSX.Element {
  const [camera, setCamera] = createSignal(false);
  const [blocked, setBlocked] = createSignal(false);

  useScans((scan) => {
    if (!props.enabled()) return;
    void findProductByCode(scan.code).then((product) => (product ? props.onProduct(product) : submitToSearch(scan.code)));
  });

  const publish = (state: DisplayState): void => void poleShow(state).catch(() => undefined);
  createEffect(() => publish(customerDisplay().dispatch({ kind: 'shop', name: session.settings.value()?.name ?? null })));
  createEffect(() => {
    const summary = cartSummary(cartStore.currentCart(), { currency: currency() });
    if (!summary.ok) return;
    const lines = summary.value.lines.map((l) => ({ name: l.name, quantity: l.quantity, total: l.total }));
    publish(customerDisplay().dispatch({ kind: 'cart', lines, total: summary.value.gross, currency: currency() }));
  });
  createEffect(
    on(props.sale, (sale) => {
      if (sale) publish(customerDisplay().dispatch({ kind: 'sale', sale }));
    }),
  );

  return (
    <span class="counter-tools">
      <button type="button" class="btn secondary" data-testid="camera-scan" title={t().peripherals.camera.title} onClick={() => setCamera(true)}>
        📷 {t().peripherals.camera.open}
      </button>
      <button type="button" class="btn secondary" data-testid="open-customer-display" title={t().peripherals.display.openHelp} onClick={() => setBlocked(!openCustomerDisplay())}>
        🖥 {t().peripherals.display.open}
      </button>
      <Show when={blocked()}>
        <span class="banner warning" role="alert">{t().peripherals.display.blocked}</span>
      </Show>
      <Show when={camera()}>
        <CameraScanner onClose={() => setCamera(false)} />
      </Show>
    </span>
  );
}
