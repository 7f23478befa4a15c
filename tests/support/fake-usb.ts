/// <reference types="w3c-web-usb" />
/**
 * A fake navigator.usb with receipt printers that record what transferOut sends them.
 *
 * Browser: `await page.addInitScript(installFakeUsb, { devices: [...] })`, then drive it from the test
 * with `page.evaluate(() => window.__fakeUsb.unplug('p1'))`. Node: `const fake = installFakeUsb({...})`
 * returns the same control object (`fake.usb` is the navigator.usb stand-in).
 *
 * The function is serialised by Playwright: it must not use anything defined outside its body.
 * Like Chrome: requestDevice() returns the device the "user" picks (`pick(id)`, or the first one),
 * getDevices() only granted, plugged devices; a replugged device is a new USBDevice object, and one
 * without a serial number loses its permission on replug.
 */
export interface FakeUsbDeviceSpec {
  id: string;
  vendorId: number;
  productId: number;
  serialNumber?: string;
  productName?: string;
  manufacturerName?: string;
  /** Interface class 7 (printer), the default; false for a vendor-specific class (255). */
  printerClass?: boolean;
  /** claimInterface fails like Windows' driver ("access_denied") or Linux usblp ("busy"). */
  claimError?: 'access_denied' | 'busy';
  /** Already granted by an earlier visit (getDevices() returns it). */
  granted?: boolean;
}

export interface FakeUsbOptions {
  devices?: FakeUsbDeviceSpec[];
  /** Delay of each transferOut in ms (lets a test unplug in the middle of a job). */
  transferDelayMs?: number;
}

export interface FakeUsbControl {
  usb: USB;
  /** Bytes received by the device with this id, across all its USBDevice objects. */
  bytes(id: string): number[];
  clear(id: string): void;
  pick(id: string | null): void;
  unplug(id: string): void;
  replug(id: string): void;
  /** Unplugs the device in the middle of the transfer that would take it past `count` more bytes. */
  unplugAfter(id: string, count: number): void;
  plugged(id: string): boolean;
  granted(id: string): boolean;
  requests(): number;
}

export function installFakeUsb(options: FakeUsbOptions = {}): FakeUsbControl {
  type Spec = FakeUsbDeviceSpec;
  interface State { spec: Spec; received: number[]; plugged: boolean; granted: boolean; device: FakeDevice; unplugAt: number | null }
  const states = new Map<string, State>();
  let picked: string | null = null;
  let requestCount = 0;
  const delay = options.transferDelayMs ?? 0;
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const domError = (name: string, message: string): Error => {
    const e = new Error(message);
    e.name = name;
    return e;
  };

  class FakeDevice {
    opened = false;
    configuration: USBConfiguration | null = null;
    readonly configurations: USBConfiguration[];
    readonly vendorId: number;
    readonly productId: number;
    readonly serialNumber: string | undefined;
    readonly productName: string | undefined;
    readonly manufacturerName: string | undefined;
    private claimed = false;
    constructor(private readonly state: () => State) {
      const spec = state().spec;
      this.vendorId = spec.vendorId;
      this.productId = spec.productId;
      this.serialNumber = spec.serialNumber;
      this.productName = spec.productName ?? 'Receipt printer';
      this.manufacturerName = spec.manufacturerName ?? 'Fake';
      const endpoints = [
        { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 },
        { endpointNumber: 2, direction: 'in', type: 'bulk', packetSize: 64 },
      ];
      const alternate = { alternateSetting: 0, interfaceClass: spec.printerClass === false ? 255 : 7, interfaceSubclass: 1, interfaceProtocol: 2, interfaceName: 'printer', endpoints };
      this.configurations = [{ configurationValue: 1, configurationName: 'default', interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] }] as unknown as USBConfiguration[];
    }
    private live(): State {
      const s = this.state();
      if (!s.plugged || s.device !== this) throw domError('NotFoundError', 'The device was disconnected.');
      return s;
    }
    async open(): Promise<void> {
      this.live();
      this.opened = true;
    }
    async close(): Promise<void> {
      this.opened = false;
      this.claimed = false;
    }
    async selectConfiguration(value: number): Promise<void> {
      this.live();
      this.configuration = this.configurations.find((c) => c.configurationValue === value) ?? null;
    }
    async claimInterface(n: number): Promise<void> {
      const s = this.live();
      if (!this.opened) throw domError('InvalidStateError', 'The device must be opened first.');
      if (s.spec.claimError === 'access_denied') throw domError('SecurityError', 'Access denied.');
      if (s.spec.claimError === 'busy') throw domError('NetworkError', 'Unable to claim interface.');
      if (n !== 0) throw domError('NotFoundError', 'The interface number provided is not supported.');
      this.claimed = true;
    }
    async releaseInterface(): Promise<void> {
      this.claimed = false;
    }
    async selectAlternateInterface(): Promise<void> {
      this.live();
    }
    async clearHalt(): Promise<void> {
      this.live();
    }
    async transferOut(endpoint: number, data: BufferSource): Promise<USBOutTransferResult> {
      const s = this.live();
      if (!this.opened || !this.claimed) throw domError('InvalidStateError', 'The interface is not claimed.');
      if (endpoint !== 1) throw domError('NotFoundError', 'The specified endpoint is not part of a claimed interface.');
      if (delay > 0) await sleep(delay);
      this.live();
      const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (s.unplugAt !== null && s.received.length + view.byteLength > s.unplugAt) {
        // Pulled out in the middle of this transfer: the printer got the first bytes only.
        for (const b of view.subarray(0, Math.max(0, s.unplugAt - s.received.length))) s.received.push(b);
        s.unplugAt = null;
        control.unplug(s.spec.id);
        throw domError('NetworkError', 'A transfer error has occurred.');
      }
      for (const b of view) s.received.push(b);
      return { status: 'ok', bytesWritten: view.byteLength } as USBOutTransferResult;
    }
  }

  class FakeUsb extends EventTarget {
    onconnect: ((e: Event) => void) | null = null;
    ondisconnect: ((e: Event) => void) | null = null;
    async getDevices(): Promise<USBDevice[]> {
      return [...states.values()].filter((s) => s.plugged && s.granted).map((s) => s.device as unknown as USBDevice);
    }
    async requestDevice(opts: USBDeviceRequestOptions): Promise<USBDevice> {
      requestCount++;
      const fits = (s: State): boolean =>
        opts.filters.length === 0 ||
        opts.filters.some((f) => (f.vendorId === undefined || f.vendorId === s.spec.vendorId) && (f.classCode === undefined || (f.classCode === 7 && s.spec.printerClass !== false)));
      const candidates = [...states.values()].filter((s) => s.plugged && fits(s));
      const chosen = picked ? candidates.find((s) => s.spec.id === picked) : candidates[0];
      if (!chosen) throw domError('NotFoundError', 'No device selected.');
      chosen.granted = true;
      return chosen.device as unknown as USBDevice;
    }
    emit(type: 'connect' | 'disconnect', device: FakeDevice): void {
      const event = new Event(type);
      Object.defineProperty(event, 'device', { value: device });
      this.dispatchEvent(event);
      const handler = type === 'connect' ? this.onconnect : this.ondisconnect;
      handler?.call(this, event);
    }
  }

  const usb = new FakeUsb();
  for (const spec of options.devices ?? []) {
    const state: State = { spec, received: [], plugged: true, granted: spec.granted ?? false, device: null as unknown as FakeDevice, unplugAt: null };
    state.device = new FakeDevice(() => state);
    states.set(spec.id, state);
  }
  const get = (id: string): State => {
    const s = states.get(id);
    if (!s) throw new Error(`no fake USB device "${id}"`);
    return s;
  };

  const control: FakeUsbControl = {
    usb: usb as unknown as USB,
    bytes: (id) => [...get(id).received],
    clear: (id) => void (get(id).received.length = 0),
    pick: (id) => void (picked = id),
    unplug(id) {
      const s = get(id);
      if (!s.plugged) return;
      s.plugged = false;
      s.device.opened = false;
      usb.emit('disconnect', s.device);
    },
    replug(id) {
      const s = get(id);
      if (s.plugged) return;
      // A new object for the same printer; without a serial number Chrome cannot tell it is the same.
      s.device = new FakeDevice(() => s);
      if (!s.spec.serialNumber) s.granted = false;
      s.plugged = true;
      usb.emit('connect', s.device);
    },
    unplugAfter(id, count) {
      const s = get(id);
      s.unplugAt = s.received.length + count;
    },
    plugged: (id) => get(id).plugged,
    granted: (id) => get(id).granted,
    requests: () => requestCount,
  };

  if (typeof navigator !== 'undefined') {
    Object.defineProperty(navigator, 'usb', { value: usb, configurable: true });
    (globalThis as unknown as { __fakeUsb: FakeUsbControl }).__fakeUsb = control;
  }
  return control;
}
