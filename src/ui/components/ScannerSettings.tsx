/// <reference types="w3c-web-serial" />
/// <reference types="w3c-web-hid" />
/**
 * Devices screen section for scanners: the keyboard-wedge thresholds (this device), a field to try a
 * scan (shows what was read and by which scanner), and paired serial / HID scanners.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { scannerManager } from '../../hardware/scanners.ts';
import type { SerialTerminator } from '../../hardware/serial-scanner.ts';
import { watchDevices, type DeviceRow } from '../../store/hardware-queries.ts';
import { t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { saveWedgeSettings, useScans, wedgeSettings } from '../scanning.ts';
import '../styles/peripherals.css';

export function ScannerSettings(): JSX.Element {
  const s = (): ReturnType<typeof t>['peripherals']['scanner'] => t().peripherals.scanner;
  const initial = wedgeSettings();
  const [maxGap, setMaxGap] = createSignal(initial.maxInterKeyMs);
  const [minLength, setMinLength] = createSignal(initial.minLength);
  const [noSuffix, setNoSuffix] = createSignal(initial.endWithoutTerminator);
  const [saved, setSaved] = createSignal(false);
  const [last, setLast] = createSignal<{ code: string; source: string } | null>(null);
  const [baud, setBaud] = createSignal(9600);
  const [terminator, setTerminator] = createSignal<SerialTerminator>('auto');
  const [error, setError] = createSignal<string | null>(null);
  const [tick, setTick] = createSignal(0);
  const manager = scannerManager();
  onCleanup(manager.onChange(() => setTick((n) => n + 1)));
  const connected = (id: string): boolean => (tick(), manager.state(id) === 'connected');
  const scanners = live(() => watchDevices(), [] as DeviceRow[]);
  const nav = navigator as Navigator & { serial?: Serial; hid?: HID };
  useScans((scan) => setLast({ code: scan.code, source: s().sources[scan.source] ?? scan.source }));

  const run = (task: () => Promise<unknown>): void => {
    setError(null);
    task().catch((e: unknown) => {
      if ((e as { name?: string }).name !== 'NotFoundError') setError(errorMessage(e));
    });
  };

  return (
    <section class="peripheral-card" data-testid="scanner-settings" aria-labelledby="scanner-title">
      <h2 id="scanner-title">{s().title}</h2>
      <h3>{s().wedge}</h3>
      <p class="muted small">{s().wedgeHelp}</p>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        saveWedgeSettings({ maxInterKeyMs: maxGap(), minLength: minLength(), endWithoutTerminator: noSuffix() });
        setSaved(true);
      }}>
        <label class="field">{s().maxGap}
          <input type="number" min="5" max="150" data-testid="wedge-max-gap" value={maxGap()} onInput={(e) => { setMaxGap(Number(e.currentTarget.value)); setSaved(false); }} />
        </label>
        <label class="field">{s().minLength}
          <input type="number" min="2" max="20" data-testid="wedge-min-length" value={minLength()} onInput={(e) => { setMinLength(Number(e.currentTarget.value)); setSaved(false); }} />
        </label>
        <label class="row"><input type="checkbox" checked={noSuffix()} onChange={(e) => setNoSuffix(e.currentTarget.checked)} /> {s().noSuffix}</label>
        <button type="submit" class="btn primary" data-testid="wedge-save">{s().save}</button>
        <Show when={saved()}><span role="status">{s().saved}</span></Show>
      </form>
      <p class="muted small">{s().maxGapHelp}</p>
      <label class="field">{s().testArea}
        <input class="scan-try" data-testid="scan-try" autocomplete="off" />
      </label>
      <p aria-live="polite" data-testid="scan-last">{last() ? s().lastScan(last()!.code, last()!.source) : s().noScanYet}</p>

      <div class="row">
        <label class="field">{s().baudRate}
          <select value={baud()} onChange={(e) => setBaud(Number(e.currentTarget.value))}>
            <For each={[9600, 19200, 38400, 57600, 115200]}>{(b) => <option value={b}>{b}</option>}</For>
          </select>
        </label>
        <label class="field">{s().terminator}
          <select value={terminator()} onChange={(e) => setTerminator(e.currentTarget.value as SerialTerminator)}>
            <option value="auto">{s().terminatorAuto}</option>
            <option value="tab">Tab</option>
            <option value="etx">ETX</option>
          </select>
        </label>
        <button type="button" class="btn" data-testid="pair-serial-scanner" disabled={!nav.serial} onClick={() => run(() => manager.pairSerial({ baudRate: baud(), terminator: terminator(), silenceMs: null }))}>{s().pairSerial}</button>
        <button type="button" class="btn" data-testid="pair-hid-scanner" disabled={!nav.hid} onClick={() => run(() => manager.pairHid())}>{s().pairHid}</button>
      </div>
      <Show when={!nav.hid}><p class="muted small">{s().unsupported('WebHID')}</p></Show>
      <Show when={error()}><p class="device-error" role="alert">{error()}</p></Show>
      <ul class="device-list">
        <For each={scanners.value().filter((d) => d.role === 'scanner')}>
          {(d) => (
            <li class="row" data-testid="scanner-row">
              <strong>{d.name}</strong> <span class="muted">{d.kind}</span>
              <span>{connected(d.id) ? s().connected : s().disconnected}</span>
              <button type="button" class="btn secondary" onClick={() => run(() => manager.forget(d.id))}>{s().forget}</button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
