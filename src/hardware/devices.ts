/// <reference types="w3c-web-usb" />
/// <reference types="w3c-web-serial" />
/**
 * Paired printers of this device: pairing (with the user's gesture), forgetting, reconnecting the
 * remembered ones on start through getDevices()/getPorts() (no prompt), following plug/unplug events,
 * and handing the print queue a transport per device. A device that comes back has its failed jobs
 * retried automatically.
 */
import type { DeviceRow } from '../store/schema.ts';
import { deleteDevice, listDevices, putDevice } from '../store/hardware-queries.ts';
import { BrowserPrintTransport } from './browser-print-transport.ts';
import { NetworkTransport, type RelayTarget } from './network-transport.ts';
import { DEFAULT_OPTIONS, printerOptions, serialOf } from './printer-options.ts';
import { matchesSerial, SerialTransport, serialMatch } from './serial-transport.ts';
import type { Transport, TransportStatus } from './transport.ts';
import { matchesUsb, USB_PRINTER_FILTERS, UsbTransport, usbMatch } from './usb-transport.ts';

/** connected; disconnected (unplugged, or no permission: re-pair); error (refused, see lastError). */
export type DeviceState = 'connected' | 'disconnected' | 'error' | 'unknown';

export interface DeviceStatus {
  state: DeviceState;
  message: string | null;
  /** True when the browser no longer grants this device (no serial number + replug): re-pair it. */
  needsRepair: boolean;
}

export interface DeviceManagerDeps {
  usb: USB | null;
  serial: Serial | null;
  /** The sync server and credentials of this register (network printers), or null when unpaired. */
  relay: () => Promise<Omit<RelayTarget, 'printerId'> | null>;
  /** Called when a device comes back: the queue retries its failed jobs. */
  onDeviceBack: (deviceId: string) => void;
  now?: () => Date;
  newId?: () => string;
}

type Listener = () => void;

function stateOf(status: TransportStatus): DeviceState {
  return status === 'open' ? 'connected' : status === 'error' ? 'error' : status === 'disconnected' ? 'disconnected' : 'unknown';
}

export class DeviceManager {
  private readonly transports = new Map<string, Transport & { dispose?: () => void }>();
  private readonly statuses = new Map<string, DeviceStatus>();
  private readonly listeners = new Set<Listener>();
  private started = false;

  constructor(private readonly deps: DeviceManagerDeps) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  status(id: string): DeviceStatus {
    return this.statuses.get(id) ?? { state: 'unknown', message: null, needsRepair: false };
  }

  private setStatus(id: string, status: DeviceStatus): void {
    this.statuses.set(id, status);
    this.changed();
  }

  transportFor(id: string | null): Transport | null {
    return id === null ? null : (this.transports.get(id) ?? null);
  }

  private attach(row: DeviceRow, transport: Transport & { dispose?: () => void }): void {
    this.transports.get(row.id)?.dispose?.();
    this.transports.set(row.id, transport);
    transport.onStatus((s, error) => this.setStatus(row.id, { state: stateOf(s), message: error?.message ?? null, needsRepair: false }));
  }

  private async openAndResume(row: DeviceRow): Promise<void> {
    const transport = this.transports.get(row.id);
    if (!transport) return;
    try {
      await transport.open();
      this.deps.onDeviceBack(row.id);
    } catch {
      // The status listener already shows why.
    }
  }

  /** Reconnects remembered devices and starts following plug/unplug events. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.deps.usb?.addEventListener('connect', (e) => void this.usbConnected((e as USBConnectionEvent).device));
    this.deps.serial?.addEventListener('connect', (e) => void this.serialConnected((e as Event & { port?: SerialPort }).port ?? (e.target as SerialPort)));
    const [rows, usbDevices, ports] = await Promise.all([listDevices(), this.deps.usb?.getDevices() ?? [], this.deps.serial?.getPorts() ?? []]);
    for (const row of rows) {
      if (row.kind === 'usb') {
        const device = usbDevices.find((d) => matchesUsb(d, row.match));
        if (device && this.deps.usb) this.attach(row, new UsbTransport(device, this.deps.usb));
        else this.setStatus(row.id, { state: 'disconnected', message: null, needsRepair: true });
      } else if (row.kind === 'serial') {
        const port = ports.find((p) => matchesSerial(p, row.match));
        if (port) this.attach(row, new SerialTransport(port, serialOf(printerOptions(row.options))));
        else this.setStatus(row.id, { state: 'disconnected', message: null, needsRepair: true });
      } else {
        await this.attachOther(row);
      }
      if (this.transports.has(row.id)) await this.openAndResume(row);
    }
  }

  private async attachOther(row: DeviceRow): Promise<void> {
    if (row.kind === 'browser' && typeof document !== 'undefined') this.attach(row, new BrowserPrintTransport(document));
    if (row.kind === 'network') {
      const relay = await this.deps.relay();
      const printerId = printerOptions(row.options).printerId;
      if (relay && printerId) this.attach(row, new NetworkTransport({ ...relay, printerId }));
    }
  }

  private async usbConnected(device: USBDevice): Promise<void> {
    const row = (await listDevices()).find((r) => r.kind === 'usb' && matchesUsb(device, r.match));
    if (!row || !this.deps.usb) return;
    // getDevices() says whether the browser still grants it (a device without serial number is not).
    const granted = (await this.deps.usb.getDevices()).includes(device);
    if (!granted) return this.setStatus(row.id, { state: 'disconnected', message: null, needsRepair: true });
    const existing = this.transports.get(row.id);
    if (existing instanceof UsbTransport) existing.replaceDevice(device);
    else this.attach(row, new UsbTransport(device, this.deps.usb));
    await this.openAndResume(row);
  }

  private async serialConnected(port: SerialPort): Promise<void> {
    const row = (await listDevices()).find((r) => r.kind === 'serial' && matchesSerial(port, r.match));
    if (!row || !this.deps.serial) return;
    const granted = (await this.deps.serial.getPorts()).includes(port);
    if (!granted) return this.setStatus(row.id, { state: 'disconnected', message: null, needsRepair: true });
    const existing = this.transports.get(row.id);
    if (existing instanceof SerialTransport) existing.replacePort(port);
    else this.attach(row, new SerialTransport(port, serialOf(printerOptions(row.options))));
    await this.openAndResume(row);
  }

  private newRow(kind: DeviceRow['kind'], name: string, match: DeviceRow['match'], options: Record<string, unknown> = {}): DeviceRow {
    const id = this.deps.newId?.() ?? `dev:${kind}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    return { id, role: 'receipt_printer', kind, name, match, options: { ...DEFAULT_OPTIONS, ...options }, addedAt: (this.deps.now?.() ?? new Date()).toISOString() };
  }

  /** Must run inside a click handler (the browser's chooser needs the user's gesture). */
  async pairUsb(): Promise<DeviceRow> {
    if (!this.deps.usb) throw new Error('WebUSB is not available in this browser.');
    const device = await this.deps.usb.requestDevice({ filters: USB_PRINTER_FILTERS });
    const match = usbMatch(device);
    // Re-pairing a known printer (e.g. one that lost its permission) keeps its settings and jobs.
    const known = (await listDevices()).find((r) => r.kind === 'usb' && matchesUsb(device, r.match));
    const row = known ?? this.newRow('usb', [device.manufacturerName, device.productName].filter(Boolean).join(' ') || 'USB printer', match);
    await putDevice(row);
    this.attach(row, new UsbTransport(device, this.deps.usb));
    await this.openAndResume(row);
    return row;
  }

  async pairSerial(settings: { baudRate: number; flowControl: 'none' | 'hardware' }): Promise<DeviceRow> {
    if (!this.deps.serial) throw new Error('Web Serial is not available in this browser.');
    const port = await this.deps.serial.requestPort();
    const row = this.newRow('serial', 'Serial printer', serialMatch(port), settings);
    await putDevice(row);
    this.attach(row, new SerialTransport(port, serialOf(printerOptions(row.options))));
    await this.openAndResume(row);
    return row;
  }

  async addNetwork(printerId: string, name: string): Promise<DeviceRow> {
    const row = this.newRow('network', name || printerId, { printerId }, { printerId });
    await putDevice(row);
    await this.attachOther(row);
    await this.openAndResume(row);
    return row;
  }

  async addBrowser(name: string): Promise<DeviceRow> {
    const row = this.newRow('browser', name, {});
    await putDevice(row);
    await this.attachOther(row);
    await this.openAndResume(row);
    return row;
  }

  async updateOptions(id: string, options: Record<string, unknown>): Promise<void> {
    const row = (await listDevices()).find((r) => r.id === id);
    if (!row) return;
    const next = { ...row, options: { ...row.options, ...options } };
    await putDevice(next);
    // Line settings changed: reopen a serial port with them.
    if (row.kind === 'serial' && ('baudRate' in options || 'flowControl' in options)) {
      const t = this.transports.get(id);
      if (t instanceof SerialTransport) {
        await t.close();
        t.reconfigure(serialOf(printerOptions(next.options)));
        await this.openAndResume(next);
      }
    }
    this.changed();
  }

  async forget(id: string): Promise<void> {
    const t = this.transports.get(id);
    this.transports.delete(id);
    this.statuses.delete(id);
    if (t) {
      await t.close().catch(() => undefined);
      t.dispose?.();
    }
    await deleteDevice(id);
    this.changed();
  }
}
