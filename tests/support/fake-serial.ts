/// <reference types="w3c-web-serial" />
/**
 * A fake navigator.serial whose ports record the bytes written to their writable stream, and the
 * options they were opened with (baud rate, flow control).
 *
 * Browser: `await page.addInitScript(installFakeSerial, { ports: [...] })`, then
 * `page.evaluate(() => window.__fakeSerial.unplug('s1'))`. Node: `installFakeSerial({...})` returns the
 * control object (`fake.serial` stands in for navigator.serial). Serialised by Playwright: the
 * function uses nothing defined outside its body.
 */
export interface FakeSerialPortSpec {
  id: string;
  usbVendorId?: number;
  usbProductId?: number;
  granted?: boolean;
}

export interface FakeSerialOptions {
  ports?: FakeSerialPortSpec[];
  writeDelayMs?: number;
}

export interface FakeSerialControl {
  serial: Serial;
  bytes(id: string): number[];
  clear(id: string): void;
  /** The options of the last open() of this port. */
  openedWith(id: string): SerialOptions | null;
  pick(id: string | null): void;
  unplug(id: string): void;
  replug(id: string): void;
  plugged(id: string): boolean;
}

export function installFakeSerial(options: FakeSerialOptions = {}): FakeSerialControl {
  interface State { spec: FakeSerialPortSpec; received: number[]; plugged: boolean; granted: boolean; port: FakePort; openedWith: SerialOptions | null }
  const states = new Map<string, State>();
  let picked: string | null = null;
  const delay = options.writeDelayMs ?? 0;
  const domError = (name: string, message: string): Error => {
    const e = new Error(message);
    e.name = name;
    return e;
  };

  class FakePort extends EventTarget {
    readable: ReadableStream<Uint8Array> | null = null;
    writable: WritableStream<Uint8Array> | null = null;
    onconnect: ((e: Event) => void) | null = null;
    ondisconnect: ((e: Event) => void) | null = null;
    constructor(private readonly state: () => State) {
      super();
    }
    getInfo(): SerialPortInfo {
      const spec = this.state().spec;
      return { ...(spec.usbVendorId !== undefined ? { usbVendorId: spec.usbVendorId } : {}), ...(spec.usbProductId !== undefined ? { usbProductId: spec.usbProductId } : {}) };
    }
    async open(opts: SerialOptions): Promise<void> {
      const s = this.state();
      if (!s.plugged || s.port !== this) throw domError('NetworkError', 'Failed to open serial port.');
      if (this.writable) throw domError('InvalidStateError', 'The port is already open.');
      if (!opts || !opts.baudRate) throw new TypeError('baudRate is required');
      s.openedWith = { ...opts };
      this.writable = new WritableStream<Uint8Array>({
        write: async (chunk) => {
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
          if (!s.plugged || s.port !== this) throw domError('NetworkError', 'The device has been lost.');
          for (const b of chunk) s.received.push(b);
        },
      });
      this.readable = new ReadableStream<Uint8Array>();
    }
    async close(): Promise<void> {
      if (this.writable?.locked) throw domError('InvalidStateError', 'Cannot close a port with a locked stream.');
      this.writable = null;
      this.readable = null;
    }
    async forget(): Promise<void> {
      this.state().granted = false;
    }
  }

  class FakeSerial extends EventTarget {
    onconnect: ((e: Event) => void) | null = null;
    ondisconnect: ((e: Event) => void) | null = null;
    async getPorts(): Promise<SerialPort[]> {
      return [...states.values()].filter((s) => s.plugged && s.granted).map((s) => s.port as unknown as SerialPort);
    }
    async requestPort(): Promise<SerialPort> {
      const candidates = [...states.values()].filter((s) => s.plugged);
      const chosen = picked ? candidates.find((s) => s.spec.id === picked) : candidates[0];
      if (!chosen) throw domError('NotFoundError', 'No port selected by the user.');
      chosen.granted = true;
      return chosen.port as unknown as SerialPort;
    }
  }

  const serial = new FakeSerial();
  for (const spec of options.ports ?? []) {
    const state: State = { spec, received: [], plugged: true, granted: spec.granted ?? false, port: null as unknown as FakePort, openedWith: null };
    state.port = new FakePort(() => state);
    states.set(spec.id, state);
  }
  const get = (id: string): State => {
    const s = states.get(id);
    if (!s) throw new Error(`no fake serial port "${id}"`);
    return s;
  };
  const fire = (target: EventTarget & { onconnect: ((e: Event) => void) | null; ondisconnect: ((e: Event) => void) | null }, type: 'connect' | 'disconnect', port: FakePort): void => {
    const event = new Event(type);
    Object.defineProperty(event, 'port', { value: port });
    target.dispatchEvent(event);
    (type === 'connect' ? target.onconnect : target.ondisconnect)?.call(target, event);
  };

  const control: FakeSerialControl = {
    serial: serial as unknown as Serial,
    bytes: (id) => [...get(id).received],
    clear: (id) => void (get(id).received.length = 0),
    openedWith: (id) => get(id).openedWith,
    pick: (id) => void (picked = id),
    unplug(id) {
      const s = get(id);
      if (!s.plugged) return;
      s.plugged = false;
      const port = s.port;
      port.writable = null;
      port.readable = null;
      fire(port, 'disconnect', port);
      fire(serial, 'disconnect', port);
    },
    replug(id) {
      const s = get(id);
      if (s.plugged) return;
      s.port = new FakePort(() => s);
      s.plugged = true;
      fire(serial, 'connect', s.port);
    },
    plugged: (id) => get(id).plugged,
  };

  if (typeof navigator !== 'undefined') {
    Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
    (globalThis as unknown as { __fakeSerial: FakeSerialControl }).__fakeSerial = control;
  }
  return control;
}
