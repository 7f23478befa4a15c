/// <reference types="w3c-web-serial" />
/**
 * Web Serial transport: serial receipt printers, and USB printers exposed as a virtual COM port by
 * their vendor's driver (the usual way round the Windows "Access denied" on WebUSB). The baud rate and
 * flow control must match the printer's DIP switches: nothing is guessed.
 *
 * The writable stream allows one writer at a time: each write takes the lock, writes, waits for the
 * bytes to drain, and releases it, so a failed job never leaves the port locked for the next one.
 */
import { BaseTransport, TransportError } from './transport.ts';

export interface SerialSettings {
  baudRate: number;
  flowControl: 'none' | 'hardware';
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
}

export const DEFAULT_SERIAL: SerialSettings = { baudRate: 9600, flowControl: 'hardware', dataBits: 8, stopBits: 1, parity: 'none' };

/** What getPorts() must report for a remembered port to be reconnected (USB adapters only). */
export function serialMatch(port: SerialPort): Record<string, string | number> {
  const info = port.getInfo();
  return {
    ...(info.usbVendorId !== undefined ? { usbVendorId: info.usbVendorId } : {}),
    ...(info.usbProductId !== undefined ? { usbProductId: info.usbProductId } : {}),
  };
}

export function matchesSerial(port: SerialPort, match: Record<string, string | number>): boolean {
  const info = port.getInfo();
  return info.usbVendorId === match.usbVendorId && info.usbProductId === match.usbProductId;
}

function explain(error: unknown): TransportError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NetworkError' || name === 'NotFoundError' || /disconnect|lost/i.test(message)) {
    return new TransportError('disconnected', `The serial device is disconnected. (${message})`, { cause: error });
  }
  if (name === 'SecurityError') return new TransportError('access_denied', `Access to the serial port was denied. (${message})`, { cause: error });
  if (name === 'InvalidStateError' && /open/i.test(message)) return new TransportError('busy', `The serial port is already open elsewhere. (${message})`, { cause: error });
  return new TransportError('io', message, { cause: error });
}

export class SerialTransport extends BaseTransport {
  readonly kind = 'serial' as const;
  private readonly onDisconnect = (event: Event): void => {
    if (event.target !== this.port && (event as Event & { port?: unknown }).port !== this.port) return;
    this.setStatus('disconnected', new TransportError('disconnected', 'The serial device was unplugged.'));
  };

  constructor(
    private port: SerialPort,
    private settings: SerialSettings,
  ) {
    super();
    // Ports fire 'disconnect' themselves; navigator.serial re-dispatches it (bubbling), either will do.
    port.addEventListener('disconnect', this.onDisconnect);
  }

  /** New line settings, used from the next open(). */
  reconfigure(settings: SerialSettings): void {
    this.settings = settings;
  }

  replacePort(port: SerialPort): void {
    this.port.removeEventListener('disconnect', this.onDisconnect);
    this.port = port;
    port.addEventListener('disconnect', this.onDisconnect);
    if (this.status === 'disconnected') this.setStatus('closed');
  }

  open(): Promise<void> {
    return this.serialised(async () => {
      if (this.status === 'open' && this.port.writable) return;
      this.setStatus('opening');
      try {
        if (!this.port.writable) {
          await this.port.open({
            baudRate: this.settings.baudRate,
            flowControl: this.settings.flowControl,
            dataBits: this.settings.dataBits ?? 8,
            stopBits: this.settings.stopBits ?? 1,
            parity: this.settings.parity ?? 'none',
          });
        }
        if (!this.port.writable) throw new TransportError('io', 'The serial port has no writable stream.');
        this.setStatus('open');
      } catch (error) {
        this.fail(error instanceof TransportError ? error : explain(error), 'io');
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.serialised(async () => {
      this.requireOpen();
      const writable = this.port.writable;
      if (!writable) this.fail(new TransportError('disconnected', 'The serial port closed.'), 'disconnected');
      if (writable!.locked) this.fail(new TransportError('busy', 'Another writer holds the serial port.'), 'busy');
      const writer = writable!.getWriter();
      try {
        await writer.write(bytes);
        // ready resolves once the queue drained into the port: the bytes left the browser.
        await writer.ready;
      } catch (error) {
        this.fail(explain(error), 'io');
      } finally {
        writer.releaseLock();
      }
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      try {
        if (this.port.writable || this.port.readable) await this.port.close();
      } catch {
        // Already closed or gone.
      }
      if (this.status !== 'disconnected') this.setStatus('closed');
    });
  }

  dispose(): void {
    this.port.removeEventListener('disconnect', this.onDisconnect);
  }
}
