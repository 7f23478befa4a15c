/// <reference types="w3c-web-usb" />
/// <reference types="w3c-web-serial" />
/**
 * /devices: pair and forget receipt printers (USB, serial, network through the server, the browser's
 * dialog), their settings and live status, test print and test drawer, the print queue, and help for
 * the known failures. Pairing calls requestDevice/requestPort straight from the click handler: the
 * browser's chooser needs the user's gesture.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { printing } from '../../hardware/printing.ts';
import { watchDevices, type DeviceRow } from '../../store/hardware-queries.ts';
import { DeviceCard } from '../components/DeviceCard.tsx';
import { PrintQueueList } from '../components/PrintQueueList.tsx';
import { DisplaySettings } from '../components/DisplaySettings.tsx';
import { LabelPrinterSettings } from '../components/LabelPrinterSettings.tsx';
import { ScannerSettings } from '../components/ScannerSettings.tsx';
import { t } from '../i18n/index.ts';
import { live, errorMessage } from '../reactive.ts';
import '../styles/devices.css';

/** Devices listed in H5b's own sections (scanners, label printer, pole display), not as receipt printers. */
const H5B_ROLES = new Set<string>(['scanner', 'label_printer', 'pole_display']);

export default function DevicesScreen(): JSX.Element {
  const devices = live(() => watchDevices(), [] as DeviceRow[]);
  const [error, setError] = createSignal<string | null>(null);
  const [networkId, setNetworkId] = createSignal('');
  const [networkName, setNetworkName] = createSignal('');
  const nav = navigator as Navigator & { usb?: USB; serial?: Serial };
  const onError = (e: unknown): void => {
    // The user closing the chooser is not an error worth showing.
    if ((e as { name?: string } | null)?.name === 'NotFoundError') return;
    setError(errorMessage(e));
  };
  const run = (task: () => Promise<unknown>): void => {
    setError(null);
    task().catch(onError);
  };

  return (
    <main class="devices-screen" data-testid="devices-screen">
      <h1>{t().devices.title}</h1>
      <div class="pair-actions">
        <button type="button" class="btn primary big" data-testid="pair-usb" disabled={!nav.usb} onClick={() => run(() => printing().devices.pairUsb())}>
          {t().devices.pairUsb}
        </button>
        <button type="button" class="btn big" data-testid="pair-serial" disabled={!nav.serial} onClick={() => run(() => printing().devices.pairSerial({ baudRate: 9600, flowControl: 'hardware' }))}>
          {t().devices.pairSerial}
        </button>
        <button type="button" class="btn big" data-testid="add-browser" onClick={() => run(() => printing().devices.addBrowser(t().devices.kind.browser ?? 'Browser'))}>
          {t().devices.addBrowser}
        </button>
      </div>
      <Show when={!nav.usb}>
        <p class="muted">{t().devices.unsupported('WebUSB')}</p>
      </Show>
      <Show when={!nav.serial}>
        <p class="muted">{t().devices.unsupported('Web Serial')}</p>
      </Show>
      <form
        class="network-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (networkId().trim()) run(() => printing().devices.addNetwork(networkId().trim(), networkName().trim()));
        }}
      >
        <label>
          {t().devices.networkId}
          <input data-testid="network-id" value={networkId()} onInput={(e) => setNetworkId(e.currentTarget.value)} pattern="[A-Za-z0-9_-]+" />
        </label>
        <label>
          {t().devices.networkName}
          <input data-testid="network-name" value={networkName()} onInput={(e) => setNetworkName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn" data-testid="add-network">
          {t().devices.addNetwork}
        </button>
      </form>
      <Show when={error()}>
        <p class="device-error" role="alert" data-testid="devices-error">
          {error()}
        </p>
      </Show>
      <Show when={devices.value().length > 0} fallback={<p class="muted" data-testid="devices-none">{t().devices.none}</p>}>
        <ul class="device-list">
          <For each={devices.value().filter((d) => !H5B_ROLES.has(d.role))}>{(device) => <DeviceCard device={device} onError={onError} />}</For>
        </ul>
      </Show>
      {/* H5b: scanners, label printer, customer display. */}
      <ScannerSettings />
      <LabelPrinterSettings />
      <DisplaySettings />
      <PrintQueueList />
      <details class="devices-help" data-testid="devices-help">
        <summary>{t().devices.help}</summary>
        <ul>
          <For each={t().devices.helpItems}>{(item) => <li>{item}</li>}</For>
        </ul>
      </details>
    </main>
  );
}
