/// <reference types="w3c-web-serial" />
/**
 * Devices screen section for the customer display: open the second window, and pair/test an optional
 * 2 × 20 serial pole display (CD5220 or ESC/POS commands, ASCII or CP858).
 */
import { createSignal, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { INITIAL_DISPLAY, nextDisplayState } from '../../hardware/customer-display-state.ts';
import { createPoleDisplay, DEFAULT_POLE, type PoleCodePage, type PoleProtocol } from '../../hardware/pole-display.ts';
import { printing } from '../../hardware/printing.ts';
import { money } from '../../domain/money.ts';
import { putDevice, watchDevices, type DeviceRow } from '../../store/hardware-queries.ts';
import { deviceStatus } from '../hardware-session.ts';
import { lang, t } from '../i18n/index.ts';
import { errorMessage, live } from '../reactive.ts';
import { openCustomerDisplay } from './CounterPeripherals.tsx';
import '../styles/peripherals.css';

export function DisplaySettings(): JSX.Element {
  const d = (): ReturnType<typeof t>['peripherals']['display'] => t().peripherals.display;
  const devices = live(() => watchDevices(), [] as DeviceRow[]);
  const pole = (): DeviceRow | undefined => devices.value().find((x) => x.role === 'pole_display');
  const [message, setMessage] = createSignal<string | null>(null);
  const nav = navigator as Navigator & { serial?: Serial };
  const option = <K extends 'protocol' | 'codePage'>(key: K): string => String(pole()?.options[key] ?? DEFAULT_POLE[key]);

  const run = (task: () => Promise<unknown>): void => {
    setMessage(null);
    task().catch((e: unknown) => (e as { name?: string }).name !== 'NotFoundError' && setMessage(errorMessage(e)));
  };
  const setOption = (key: 'protocol' | 'codePage', value: string): void => {
    const p = pole();
    if (p) run(() => putDevice({ ...p, options: { ...p.options, [key]: value } }));
  };
  async function test(): Promise<void> {
    const p = pole();
    const transport = p ? printing().devices.transportFor(p.id) : null;
    if (!p || !transport) return;
    const state = nextDisplayState(INITIAL_DISPLAY, { kind: 'cart', lines: [{ name: 'Crème brûlée', quantity: 1, total: money(450) }], total: money(450), currency: 'EUR' });
    await createPoleDisplay(transport, { protocol: option('protocol') as PoleProtocol, codePage: option('codePage') as PoleCodePage, lang: lang() }).show(state);
  }

  return (
    <section class="peripheral-card" data-testid="display-settings" aria-labelledby="display-title">
      <h2 id="display-title">{d().title}</h2>
      <div class="row">
        <button type="button" class="btn primary" data-testid="settings-open-display" onClick={() => !openCustomerDisplay() && setMessage(d().blocked)}>{d().open}</button>
        <span class="muted small">{d().openHelp}</span>
      </div>
      <h3>{d().pole}</h3>
      <Show when={pole()} fallback={
        <button type="button" class="btn" data-testid="pair-pole" disabled={!nav.serial} onClick={() => run(async () => {
          const row = await printing().devices.pairSerial({ baudRate: 9600, flowControl: 'none' });
          await putDevice({ ...row, role: 'pole_display', name: d().pole, options: { ...row.options, protocol: DEFAULT_POLE.protocol, codePage: DEFAULT_POLE.codePage } });
        })}>{d().pairPole}</button>
      }>
        {(p) => (
          <div class="row" data-testid="pole-display">
            <strong>{p().name}</strong> <span>{deviceStatus(p().id).state}</span>
            <label class="field">{d().protocol}
              <select value={option('protocol')} onChange={(e) => setOption('protocol', e.currentTarget.value)}>
                <option value="cd5220">CD5220</option>
                <option value="escpos">ESC/POS</option>
              </select>
            </label>
            <label class="field">{d().codePage}
              <select value={option('codePage')} onChange={(e) => setOption('codePage', e.currentTarget.value)}>
                <option value="ascii">{d().codePageAscii}</option>
                <option value="cp858">{d().codePageCp858}</option>
              </select>
            </label>
            <button type="button" class="btn" data-testid="pole-test" onClick={() => run(test)}>{d().testPole}</button>
            <button type="button" class="btn secondary" onClick={() => run(() => printing().devices.forget(p().id))}>{t().peripherals.labels.forget}</button>
          </div>
        )}
      </Show>
      <Show when={message()}><p role="alert">{message()}</p></Show>
    </section>
  );
}
