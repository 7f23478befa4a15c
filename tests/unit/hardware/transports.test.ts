/**
 * The shared Transport contract, run against the recording fake and the real WebUSB, Web Serial and
 * browser-print transports (driven against the fakes of navigator.usb / navigator.serial and a
 * minimal document). The network transport runs it against a loopback printer in
 * tests/integration/printers/relay.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BrowserPrintTransport } from '../../../src/hardware/browser-print-transport.ts';
import { SerialTransport } from '../../../src/hardware/serial-transport.ts';
import { UsbTransport, USB_PRINTER_FILTERS } from '../../../src/hardware/usb-transport.ts';
import { installFakeSerial } from '../../support/fake-serial.ts';
import { FakeTransport } from '../../support/fake-transport.ts';
import { installFakeUsb } from '../../support/fake-usb.ts';
import { transportContract } from '../../support/transport-contract.ts';

transportContract('recording fake', async () => {
  const transport = new FakeTransport();
  return { transport, received: () => transport.bytes, unplug: () => transport.unplug(), replug: () => transport.replug() };
});

transportContract('WebUSB (fake navigator.usb)', async () => {
  const fake = installFakeUsb({ devices: [{ id: 'p1', vendorId: 0x04b8, productId: 0x0202, serialNumber: 'X1' }] });
  const device = await fake.usb.requestDevice({ filters: USB_PRINTER_FILTERS });
  const transport = new UsbTransport(device, fake.usb, { chunkSize: 512 });
  return {
    transport,
    received: () => Uint8Array.from(fake.bytes('p1')),
    unplug: () => fake.unplug('p1'),
    replug: async () => {
      fake.replug('p1');
      const [again] = await fake.usb.getDevices();
      transport.replaceDevice(again!);
    },
    dispose: () => transport.dispose(),
  };
});

transportContract('Web Serial (fake navigator.serial)', async () => {
  const fake = installFakeSerial({ ports: [{ id: 's1', usbVendorId: 0x067b, usbProductId: 0x2303 }] });
  const port = await fake.serial.requestPort();
  const transport = new SerialTransport(port, { baudRate: 19200, flowControl: 'hardware' });
  return {
    transport,
    received: () => Uint8Array.from(fake.bytes('s1')),
    unplug: () => fake.unplug('s1'),
    replug: async () => {
      fake.replug('s1');
      const [again] = await fake.serial.getPorts();
      transport.replacePort(again!);
    },
    dispose: () => transport.dispose(),
  };
});

/** Just enough of a Document for the print-dialog transport: iframes whose print() records the HTML. */
function miniDocument(printed: string[]): Document {
  const body = { appendChild: (node: unknown) => node };
  const createElement = () => {
    let html = '';
    const doc = { open: () => (html = ''), write: (s: string) => (html += s), close: () => undefined };
    return {
      style: { cssText: '' },
      setAttribute: () => undefined,
      remove: () => undefined,
      contentDocument: doc,
      contentWindow: { document: doc, focus: () => undefined, print: () => printed.push(html) },
    };
  };
  return { body, createElement } as unknown as Document;
}

transportContract('browser print dialog (minimal document)', async () => {
  const printed: string[] = [];
  const transport = new BrowserPrintTransport(miniDocument(printed));
  return { transport, received: () => new TextEncoder().encode(printed.join('')) };
});

describe('WebUSB failures are told apart', () => {
  it('Windows driver owning the printer: access_denied with the WinUSB/Zadig hint', async () => {
    const fake = installFakeUsb({ devices: [{ id: 'p', vendorId: 0x04b8, productId: 1, claimError: 'access_denied' }] });
    const t = new UsbTransport(await fake.usb.requestDevice({ filters: USB_PRINTER_FILTERS }), fake.usb);
    await expect(t.open()).rejects.toMatchObject({ code: 'access_denied', message: expect.stringMatching(/Zadig/) });
    expect(t.status).toBe('error');
  });

  it('Linux usblp holding the interface: busy', async () => {
    const fake = installFakeUsb({ devices: [{ id: 'p', vendorId: 0x0519, productId: 1, claimError: 'busy' }] });
    const t = new UsbTransport(await fake.usb.requestDevice({ filters: USB_PRINTER_FILTERS }), fake.usb);
    await expect(t.open()).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/usblp/) });
  });

  it('a vendor-class printer is found through the vendor id filter and its bulk OUT endpoint', async () => {
    const fake = installFakeUsb({ devices: [{ id: 'p', vendorId: 0x0519, productId: 7, printerClass: false }] });
    const t = new UsbTransport(await fake.usb.requestDevice({ filters: USB_PRINTER_FILTERS }), fake.usb);
    await t.open();
    await t.write(Uint8Array.of(0x1b, 0x40));
    expect(fake.bytes('p')).toEqual([0x1b, 0x40]);
  });
});

describe('Web Serial settings', () => {
  it('opens with the configured baud rate and flow control', async () => {
    const fake = installFakeSerial({ ports: [{ id: 's' }] });
    const t = new SerialTransport(await fake.serial.requestPort(), { baudRate: 38400, flowControl: 'none' });
    await t.open();
    expect(fake.openedWith('s')).toMatchObject({ baudRate: 38400, flowControl: 'none', dataBits: 8, stopBits: 1, parity: 'none' });
  });
});
