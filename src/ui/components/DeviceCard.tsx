import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { CODE_PAGES, printerOptions } from '../../hardware/printer-options.ts';
import { kickDrawer, printing, printTestPage } from '../../hardware/printing.ts';
import type { DeviceRow } from '../../store/hardware-queries.ts';
import { deviceStatus } from '../hardware-session.ts';
import { lang, t } from '../i18n/index.ts';

/** One paired printer: live status, settings, test print, test drawer, re-pair, forget. */
export function DeviceCard(props: { device: DeviceRow; onError: (e: unknown) => void }): JSX.Element {
  const o = () => printerOptions(props.device.options);
  const status = () => deviceStatus(props.device.id);
  const set = (change: Record<string, unknown>): void => void printing().devices.updateOptions(props.device.id, change).catch(props.onError);
  const num = (e: Event): number => Number((e.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  const val = (e: Event): string => (e.currentTarget as HTMLSelectElement).value;
  const repair = (): void => void (props.device.kind === 'usb' ? printing().devices.pairUsb() : printing().devices.pairSerial(o())).catch(props.onError);
  return (
    <li class="device-card" data-testid="device-card" data-device-id={props.device.id} data-kind={props.device.kind}>
      <div class="device-head">
        <strong data-testid="device-name">{props.device.name}</strong>
        <span class="muted">{t().devices.kind[props.device.kind] ?? props.device.kind}</span>
        <span class={`badge device-state state-${status().state}`} data-testid="device-status" data-state={status().state} role="status">
          {t().devices.state[status().state]}
        </span>
      </div>
      <Show when={status().message}>
        <p class="device-error" role="alert" data-testid="device-error">
          {status().message}
        </p>
      </Show>
      <Show when={status().needsRepair && (props.device.kind === 'usb' || props.device.kind === 'serial')}>
        <p class="device-repair">
          {t().devices.needsRepair}{' '}
          <button type="button" class="btn primary" data-testid="device-repair" onClick={repair}>
            {t().devices.repair}
          </button>
        </p>
      </Show>
      <details class="device-settings">
        <summary>{t().devices.settings}</summary>
        <div class="settings-grid">
          <label>
            {t().devices.columns}
            <select data-testid="device-columns" value={o().columns} onChange={(e) => set({ columns: num(e) })}>
              <For each={[32, 42, 48]}>{(n) => <option value={n}>{t().devices.columnsOption(n)}</option>}</For>
            </select>
          </label>
          <label>
            {t().devices.codePage}
            <select data-testid="device-codepage" value={o().codePage} onChange={(e) => set({ codePage: val(e) })}>
              <For each={[...CODE_PAGES]}>{(c) => <option value={c}>{c.toUpperCase()}</option>}</For>
            </select>
          </label>
          <label>
            {t().devices.language}
            <select data-testid="device-language" value={o().language} onChange={(e) => set({ language: val(e) })}>
              <option value="esc-pos">ESC/POS (Epson…)</option>
              <option value="star-prnt">StarPRNT (Star)</option>
            </select>
          </label>
          <label>
            {t().devices.drawerPin}
            <select data-testid="device-pin" value={o().drawerPin} onChange={(e) => set({ drawerPin: num(e) })}>
              <option value={2}>2</option>
              <option value={5}>5</option>
            </select>
          </label>
          <label>
            {t().devices.pulseOn}
            <input type="number" min="2" max="510" step="2" data-testid="device-pulse-on" value={o().pulseOnMs} onChange={(e) => set({ pulseOnMs: num(e) })} />
          </label>
          <label>
            {t().devices.pulseOff}
            <input type="number" min="2" max="510" step="2" data-testid="device-pulse-off" value={o().pulseOffMs} onChange={(e) => set({ pulseOffMs: num(e) })} />
          </label>
          <Show when={props.device.kind === 'serial'}>
            <label>
              {t().devices.baudRate}
              <select data-testid="device-baud" value={o().baudRate} onChange={(e) => set({ baudRate: num(e) })}>
                <For each={[9600, 19200, 38400, 57600, 115200]}>{(b) => <option value={b}>{b}</option>}</For>
              </select>
            </label>
            <label>
              {t().devices.flowControl}
              <select data-testid="device-flow" value={o().flowControl} onChange={(e) => set({ flowControl: val(e) })}>
                <option value="none">{t().devices.flowNone}</option>
                <option value="hardware">{t().devices.flowHardware}</option>
              </select>
            </label>
          </Show>
        </div>
      </details>
      <div class="device-actions">
        <button type="button" class="btn" data-testid="device-test-print" onClick={() => void printTestPage(props.device, lang()).catch(props.onError)}>
          {t().devices.testPrint}
        </button>
        <Show when={props.device.kind !== 'browser'}>
          <button type="button" class="btn" data-testid="device-test-drawer" onClick={() => void kickDrawer(props.device, `test:${Date.now()}`).catch(props.onError)}>
            {t().devices.testDrawer}
          </button>
        </Show>
        <button type="button" class="btn secondary" data-testid="device-forget" onClick={() => void printing().devices.forget(props.device.id).catch(props.onError)}>
          {t().devices.forget}
        </button>
      </div>
    </li>
  );
}
