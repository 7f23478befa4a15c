/// <reference types="w3c-web-serial" />
/// <reference types="w3c-web-hid" />
/**
 * Paired serial and HID scanners of this device (devices table, role 'scanner'): pairing with the
 * user's gesture, reconnecting remembered ones without a prompt (getPorts/getDevices), reading them
 * into the scan stream while the app is open. Keyboard scanners need no pairing (wedge-binding.ts).
 */
import { deleteDevice, listDevices, putDevice, type DeviceRow } from '../store/hardware-queries.ts';
import { hidMatch, HID_SCANNER_FILTERS, runHidScanner, type RunningHidScanner } from './hid-scanner.ts';
import { DEFAULT_SERIAL_SCANNER, runSerialScanner, type RunningScanner, type SerialScannerSettings } from './serial-scanner.ts';

type Running = RunningScanner | RunningHidScanner;
export type ScannerState = 'connected' | 'disconnected';

function serialSettings(row: DeviceRow): SerialScannerSettings {
  const o = row.options as Partial<SerialScannerSettings>;
  return { baudRate: Number(o.baudRate ?? DEFAULT_SERIAL_SCANNER.baudRate), terminator: o.terminator ?? 'auto', silenceMs: o.silenceMs ?? null };
}

const matches = (match: Record<string, string | number>, info: Record<string, string | number | undefined>): boolean =>
  Object.entries(match).every(([k, v]) => info[k] === v);

export class ScannerManager {
  private readonly running = new Map<string, Running>();
  private readonly states = new Map<string, ScannerState>();
  private readonly listeners = new Set<() => void>();
  private started = false;

  constructor(private readonly nav: { serial?: Serial; hid?: HID } = navigator as Navigator & { serial?: Serial; hid?: HID }) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(id: string): ScannerState {
    return this.states.get(id) ?? 'disconnected';
  }

  private set(id: string, state: ScannerState): void {
    this.states.set(id, state);
    for (const l of this.listeners) l();
  }

  async scanners(): Promise<DeviceRow[]> {
    return (await listDevices()).filter((d) => d.role === 'scanner');
  }

  /** Reconnects every remembered scanner that the browser still grants. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.nav.serial?.addEventListener('connect', () => void this.reconnect());
    this.nav.hid?.addEventListener('connect', () => void this.reconnect());
    await this.reconnect();
  }

  private async reconnect(): Promise<void> {
    const rows = await this.scanners();
    const [ports, hids] = await Promise.all([this.nav.serial?.getPorts() ?? [], this.nav.hid?.getDevices() ?? []]);
    for (const row of rows) {
      if (this.running.has(row.id)) continue;
      if (row.kind === 'serial') {
        const port = ports.find((p) => matches(row.match, p.getInfo() as Record<string, number | undefined>));
        if (port) this.runSerial(row, port);
      } else if (row.kind === 'hid') {
        const device = hids.find((d) => matches(row.match, { vendorId: d.vendorId, productId: d.productId }));
        if (device) await this.runHid(row, device);
      }
      if (!this.running.has(row.id)) this.set(row.id, 'disconnected');
    }
  }

  private runSerial(row: DeviceRow, port: SerialPort): void {
    const scanner = runSerialScanner(port, serialSettings(row), { onError: (e) => console.warn('[comptoir] serial scanner', e) });
    this.running.set(row.id, scanner);
    this.set(row.id, 'connected');
    void scanner.done.then(() => {
      if (this.running.get(row.id) === scanner) this.running.delete(row.id);
      this.set(row.id, 'disconnected');
    });
  }

  private async runHid(row: DeviceRow, device: HIDDevice): Promise<void> {
    try {
      const scanner = await runHidScanner(device);
      this.running.set(row.id, scanner);
      this.set(row.id, 'connected');
      this.nav.hid?.addEventListener('disconnect', (e) => {
        if ((e as HIDConnectionEvent).device !== device) return;
        this.running.delete(row.id);
        this.set(row.id, 'disconnected');
      });
    } catch (error) {
      console.warn('[comptoir] HID scanner', error);
    }
  }

  private row(kind: 'serial' | 'hid', name: string, match: DeviceRow['match'], options: Record<string, unknown>): DeviceRow {
    return { id: `scanner:${kind}:${Date.now().toString(36)}`, role: 'scanner', kind, name, match, options, addedAt: new Date().toISOString() };
  }

  /** Must run inside a click handler (the port chooser needs the user's gesture). */
  async pairSerial(settings: SerialScannerSettings): Promise<DeviceRow> {
    if (!this.nav.serial) throw new Error('Web Serial');
    const port = await this.nav.serial.requestPort();
    const info = port.getInfo();
    const match = { ...(info.usbVendorId !== undefined ? { usbVendorId: info.usbVendorId } : {}), ...(info.usbProductId !== undefined ? { usbProductId: info.usbProductId } : {}) };
    // flowControl 'none': scanners wire no RTS/CTS (and the printers' manager reads it if it opens the port).
    const row = this.row('serial', 'Serial scanner', match, { ...settings, flowControl: 'none' });
    await putDevice(row);
    this.runSerial(row, port);
    return row;
  }

  async pairHid(): Promise<DeviceRow> {
    if (!this.nav.hid) throw new Error('WebHID');
    const [device] = await this.nav.hid.requestDevice({ filters: HID_SCANNER_FILTERS });
    if (!device) throw new Error('no device chosen');
    const row = this.row('hid', device.productName || 'HID scanner', hidMatch(device), {});
    await putDevice(row);
    await this.runHid(row, device);
    return row;
  }

  async forget(id: string): Promise<void> {
    const r = this.running.get(id);
    this.running.delete(id);
    await r?.stop().catch(() => undefined);
    await deleteDevice(id);
    this.states.delete(id);
    for (const l of this.listeners) l();
  }
}

let shared: ScannerManager | null = null;

export function scannerManager(): ScannerManager {
  shared ??= new ScannerManager();
  return shared;
}
