/// <reference types="w3c-web-usb" />
/**
 * WebUSB transport for receipt printers: open the device, select its configuration, claim the
 * printer interface, find the bulk OUT endpoint, and send bytes in chunks with transferOut.
 *
 * The two failures a shop meets are told apart, because their fixes differ:
 * - "Access denied" (SecurityError) on Windows: the system printer driver owns the device → replace it
 *   with WinUSB (Zadig), or use the vendor's virtual COM port through Web Serial;
 * - "Unable to claim interface" (NetworkError) on Linux: the usblp kernel driver (or another tab) holds
 *   it → unload/blacklist usblp, or close the other tab.
 */
import { BaseTransport, TransportError } from './transport.ts';

/** USB printer class, plus receipt-printer vendors whose devices announce a vendor-specific class. */
export const USB_PRINTER_FILTERS: USBDeviceFilter[] = [
  { classCode: 7 },
  { vendorId: 0x04b8 }, // Epson
  { vendorId: 0x0519 }, // Star Micronics
  { vendorId: 0x1504 }, // Bixolon
  { vendorId: 0x1d90 }, // Citizen
  { vendorId: 0x0fe6 }, // ICS Advent (many generic 80 mm printers)
  { vendorId: 0x0416 }, // Winbond (POS-58/POS-80 clones)
  { vendorId: 0x154f }, // SNBC
];

/** What getDevices() must report for a remembered printer to be reconnected without a prompt. */
export function usbMatch(device: USBDevice): Record<string, string | number> {
  return {
    vendorId: device.vendorId,
    productId: device.productId,
    ...(device.serialNumber ? { serialNumber: device.serialNumber } : {}),
  };
}

export function matchesUsb(device: USBDevice, match: Record<string, string | number>): boolean {
  if (device.vendorId !== match.vendorId || device.productId !== match.productId) return false;
  return match.serialNumber === undefined || device.serialNumber === match.serialNumber;
}

interface Endpoint {
  interfaceNumber: number;
  alternateSetting: number;
  endpointNumber: number;
  packetSize: number;
}

/** Prefers the printer-class interface; falls back to any interface with a bulk OUT endpoint. */
export function findBulkOut(device: USBDevice): Endpoint | null {
  const candidates: Array<Endpoint & { printer: boolean }> = [];
  for (const iface of device.configuration?.interfaces ?? []) {
    for (const alt of iface.alternates) {
      const out = alt.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      if (out) candidates.push({ interfaceNumber: iface.interfaceNumber, alternateSetting: alt.alternateSetting, endpointNumber: out.endpointNumber, packetSize: out.packetSize, printer: alt.interfaceClass === 7 });
    }
  }
  const best = candidates.find((c) => c.printer) ?? candidates[0];
  if (!best) return null;
  return { interfaceNumber: best.interfaceNumber, alternateSetting: best.alternateSetting, endpointNumber: best.endpointNumber, packetSize: best.packetSize };
}

function explain(error: unknown): TransportError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'SecurityError' || /access denied/i.test(message)) {
    return new TransportError('access_denied', `Access denied: the operating system's printer driver owns this USB printer (Windows: install WinUSB with Zadig, or use the vendor's virtual COM port with Web Serial; Linux: check the udev permissions). (${message})`, { cause: error });
  }
  if (/claim/i.test(message) || name === 'InvalidStateError') {
    return new TransportError('busy', `The printer interface is busy: another driver holds it (Linux: the usblp module) or another tab has it open. (${message})`, { cause: error });
  }
  if (name === 'NotFoundError' || /disconnected|not found/i.test(message)) {
    return new TransportError('disconnected', `The printer was disconnected. (${message})`, { cause: error });
  }
  return new TransportError('io', message, { cause: error });
}

export interface UsbTransportOptions {
  /** Bytes per transferOut (default 4096: below the buffers of cheap printers, fewer round trips). */
  chunkSize?: number;
}

export class UsbTransport extends BaseTransport {
  readonly kind = 'usb' as const;
  private endpoint: Endpoint | null = null;
  private readonly chunkSize: number;
  private readonly onDisconnect = (event: USBConnectionEvent): void => {
    if (event.device !== this.device) return;
    this.endpoint = null;
    this.setStatus('disconnected', new TransportError('disconnected', 'The printer was unplugged.'));
  };

  constructor(
    private device: USBDevice,
    private readonly usb: USB,
    options: UsbTransportOptions = {},
  ) {
    super();
    this.chunkSize = options.chunkSize ?? 4096;
    usb.addEventListener('disconnect', this.onDisconnect);
  }

  /** After a replug the browser hands out a new USBDevice object for the same printer. */
  replaceDevice(device: USBDevice): void {
    this.device = device;
    this.endpoint = null;
    if (this.status === 'disconnected') this.setStatus('closed');
  }

  open(): Promise<void> {
    return this.serialised(async () => {
      if (this.status === 'open' && this.device.opened && this.endpoint) return;
      this.setStatus('opening');
      try {
        if (!this.device.opened) await this.device.open();
        if (this.device.configuration === null) await this.device.selectConfiguration(1);
        const endpoint = findBulkOut(this.device);
        if (!endpoint) throw new TransportError('not_found', 'This USB device has no bulk OUT endpoint: it is not a printer WebUSB can drive.');
        await this.device.claimInterface(endpoint.interfaceNumber);
        if (endpoint.alternateSetting !== 0) await this.device.selectAlternateInterface(endpoint.interfaceNumber, endpoint.alternateSetting);
        this.endpoint = endpoint;
        this.setStatus('open');
      } catch (error) {
        this.fail(error instanceof TransportError ? error : explain(error), 'io');
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.serialised(async () => {
      this.requireOpen();
      const endpoint = this.endpoint!;
      try {
        let offset = 0;
        let stalls = 0;
        while (offset < bytes.length) {
          const chunk = bytes.slice(offset, offset + this.chunkSize);
          const result = await this.device.transferOut(endpoint.endpointNumber, chunk);
          if (result.status === 'stall') {
            // A stalled endpoint is cleared once; a second stall in a row is a real failure.
            if (++stalls > 1) throw new TransportError('io', 'The printer stalled the transfer twice (paper out or cover open?).');
            await this.device.clearHalt('out', endpoint.endpointNumber);
            continue;
          }
          stalls = 0;
          if (result.bytesWritten === 0) throw new TransportError('io', 'The printer accepted no bytes.');
          offset += result.bytesWritten;
        }
      } catch (error) {
        this.fail(error instanceof TransportError ? error : explain(error), 'io');
      }
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      const endpoint = this.endpoint;
      this.endpoint = null;
      try {
        if (this.device.opened) {
          if (endpoint) await this.device.releaseInterface(endpoint.interfaceNumber).catch(() => undefined);
          await this.device.close();
        }
      } catch {
        // Closing a device that is already gone is not an error worth reporting.
      }
      if (this.status !== 'disconnected') this.setStatus('closed');
    });
  }

  /** Stops listening to the browser's connection events (the transport is dropped). */
  dispose(): void {
    this.usb.removeEventListener('disconnect', this.onDisconnect);
  }
}
