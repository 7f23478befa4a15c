/// <reference types="w3c-web-usb" />
/// <reference types="w3c-web-serial" />
/**
 * Devices screen section for the label printer: pair it (USB, serial, network relay, or the browser's
 * dialog) through the printers' device manager, then mark it as the label printer; print test labels.
 */
import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { labelPrinter, markAsLabelPrinter, printShelfLabels, printShippingLabel } from '../../hardware/label-printing.ts';
import { printing } from '../../hardware/printing.ts';
import { money } from '../../domain/money.ts';
import { watchDevices, type DeviceRow } from '../../store/hardware-queries.ts';
import { deviceStatus } from '../hardware-session.ts';
import { t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import '../styles/peripherals.css';

const SAMPLE_ORDER = {
  _id: 'weborder:test:label',
  orderNumber: '#TEST-1042',
  customer: { name: 'Zoé Lefèvre' },
  shippingAddress: { name: 'Zoé Lefèvre', address1: '3 allée des Châtaigniers', city: 'Besançon', postcode: '25000', country: 'FR' },
  shippingMethod: { name: 'Colissimo', price: money(690) },
};

const SAMPLE_PRODUCT = {
  _id: 'product:TEST-ETIQ', type: 'product' as const, sku: 'TEST-ETIQ', name: 'Crème de marrons d’Ardèche 250 g', barcodes: ['4006381333931'],
  price: money(450), priceIncludesTax: true, vatRate: 550, currency: 'EUR', category: 'test', stockTracked: false, updatedAt: new Date(0).toISOString(),
};

export function LabelPrinterSettings(): JSX.Element {
  const l = (): ReturnType<typeof t>['peripherals']['labels'] => t().peripherals.labels;
  const devices = live(() => watchDevices(), [] as DeviceRow[]);
  const printer = (): DeviceRow | undefined => devices.value().find((d) => d.role === 'label_printer');
  const [message, setMessage] = createSignal<string | null>(null);
  const [networkId, setNetworkId] = createSignal('');
  const nav = navigator as Navigator & { usb?: USB; serial?: Serial };

  const run = (task: () => Promise<unknown>, done?: string): void => {
    setMessage(null);
    task().then(
      () => done && setMessage(done),
      (e: unknown) => (e as { name?: string }).name !== 'NotFoundError' && setMessage(l().failed(errorMessage(e))),
    );
  };
  const pairWith = (pair: () => Promise<DeviceRow>) => async (): Promise<void> => {
    const previous = await labelPrinter();
    if (previous) await printing().devices.forget(previous.id);
    await markAsLabelPrinter(await pair());
  };

  return (
    <section class="peripheral-card" data-testid="label-printer-settings" aria-labelledby="labels-title">
      <h2 id="labels-title">{l().title}</h2>
      <p class="muted small">{l().help}</p>
      <Show when={printer()} fallback={<p data-testid="label-printer-none">{l().none}</p>}>
        {(p) => (
          <p class="row" data-testid="label-printer">
            <strong>{p().name}</strong> <span class="muted">{p().kind}</span> <span>{deviceStatus(p().id).state}</span>
            <button type="button" class="btn secondary" onClick={() => run(() => printing().devices.forget(p().id))}>{l().forget}</button>
          </p>
        )}
      </Show>
      <div class="row">
        <button type="button" class="btn" data-testid="label-pair-usb" disabled={!nav.usb} onClick={() => run(pairWith(() => printing().devices.pairUsb()))}>{l().pairUsb}</button>
        <button type="button" class="btn" data-testid="label-pair-serial" disabled={!nav.serial} onClick={() => run(pairWith(() => printing().devices.pairSerial({ baudRate: 9600, flowControl: 'hardware' })))}>{l().pairSerial}</button>
        <button type="button" class="btn" data-testid="label-use-browser" onClick={() => run(pairWith(() => printing().devices.addBrowser(l().useBrowser)))}>{l().useBrowser}</button>
      </div>
      <form class="row" onSubmit={(e) => { e.preventDefault(); if (networkId().trim()) run(pairWith(() => printing().devices.addNetwork(networkId().trim(), networkId().trim()))); }}>
        <label class="field">{l().networkId}<input data-testid="label-network-id" value={networkId()} onInput={(e) => setNetworkId(e.currentTarget.value)} /></label>
        <button type="submit" class="btn">{l().addNetwork}</button>
      </form>
      <div class="row">
        <button type="button" class="btn primary" data-testid="label-test-shipping" onClick={() => run(() => printShippingLabel(SAMPLE_ORDER), l().queued)}>{l().testShipping}</button>
        <button type="button" class="btn primary" data-testid="label-test-shelf" onClick={() => run(() => printShelfLabels([{ product: SAMPLE_PRODUCT, unit: { quantity: 0.25, unit: 'kg' } }]), l().queued)}>{l().testShelf}</button>
      </div>
      <Show when={message()}><p role="status" data-testid="label-message">{message()}</p></Show>
    </section>
  );
}
