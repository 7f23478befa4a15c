/**
 * The one contract every Courier passes (the manual courier and the fake integrated one; a real
 * carrier integration registers itself here too, against its sandbox):
 *   courierContract('manual', () => ({ courier: manualCourier() }));
 * It checks what the register relies on: services to choose from, the common refusals (no
 * address, a bad parcel, over the weight limit), and a shipment whose label can be printed and
 * carries the order's barcode, with either a tracking number or `needsManualTracking`.
 */
import { ready } from 'zpl-renderer-js';
import { describe, expect, it } from 'vitest';
import type { Courier, CourierLabel, ShipmentRequest } from '../../src/domain/courier.ts';
import { decodePng, rasteriseSvgBars } from './zpl/decode-barcodes.ts';
import { barcodes, parseZpl } from './zpl/parse.ts';

export interface CourierHarness {
  courier: Courier;
}

export function baseRequest(courier: Courier, overrides: Partial<ShipmentRequest> = {}): ShipmentRequest {
  const service = courier.services()[0];
  if (!service) throw new Error('a courier offers at least one service');
  return {
    order: {
      id: 'weborder:shopify:demo:1042',
      orderNumber: '#1042',
      shipTo: { name: 'Zoé Müller', address1: '3 allée des Châtaigniers', city: 'Besançon', postcode: '25000', country: 'FR' },
      customer: { name: 'Zoé Müller', email: 'zoe@example.org' },
    },
    parcel: { weightGrams: 1250, lengthCm: 30, widthCm: 20, heightCm: 10 },
    service,
    shipFrom: { name: 'Épicerie Léa', address: ['12 rue des Écoles', '75005 Paris'] },
    labelFormat: 'zpl',
    lang: 'fr',
    ...overrides,
  };
}

/** The barcodes a printed label would carry, decoded from the rendered image. */
export async function labelBarcodes(label: CourierLabel): Promise<string[]> {
  if (label.format === 'zpl') {
    const { api } = await ready;
    const png = Buffer.from(await api.zplToBase64Async(label.data, 101.6, 152.4, 8), 'base64');
    return (await decodePng(png)).map((d) => d.text);
  }
  if (label.format === 'html') {
    const svgs = label.data.match(/<svg[^]*?<\/svg>/g) ?? [];
    return (await Promise.all(svgs.map(async (svg) => (await decodePng(rasteriseSvgBars(svg))).map((d) => d.text)))).flat();
  }
  throw new Error('PDF labels are not decoded here');
}

export function courierContract(name: string, make: () => CourierHarness): void {
  describe(`Courier contract: ${name}`, () => {
    it('has an id, a name and services with distinct codes and names', () => {
      const { courier } = make();
      expect(courier.id).toMatch(/^[a-z0-9-]+$/);
      expect(courier.name.trim()).not.toBe('');
      const services = courier.services();
      expect(services.length).toBeGreaterThan(0);
      expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
      for (const s of services) expect(s.name.trim()).not.toBe('');
    });

    it('services() hands out copies: a caller changing one changes nothing', () => {
      const { courier } = make();
      const first = courier.services();
      (first[0] as { name: string }).name = 'changed';
      expect(courier.services()[0]?.name).not.toBe('changed');
    });

    it('makes a shipment whose label carries the order barcode, with a tracking number or needsManualTracking', async () => {
      const { courier } = make();
      const request = baseRequest(courier);
      const made = await courier.createShipment(request);
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      const shipment = made.value;
      expect(shipment.carrier.trim()).not.toBe('');
      expect(shipment.service.code).toBe(request.service.code);
      if (shipment.needsManualTracking) {
        expect(shipment.trackingNumber).toBeUndefined();
      } else {
        expect(shipment.trackingNumber).toMatch(/^\S+$/);
        if (shipment.trackingUrl !== undefined) expect(() => new URL(shipment.trackingUrl as string)).not.toThrow();
      }
      expect(['zpl', 'html', 'pdf']).toContain(shipment.label.format);
      expect(shipment.label.data.length).toBeGreaterThan(0);
      if (shipment.label.format === 'zpl') expect(barcodes(parseZpl(shipment.label.data)).map((b) => b.data)).toContain('#1042');
      expect(await labelBarcodes(shipment.label)).toContain('#1042');
      if (!shipment.needsManualTracking && shipment.label.format !== 'pdf') expect(await labelBarcodes(shipment.label)).toContain(shipment.trackingNumber);
    });

    it('two shipments never share a tracking number', async () => {
      const { courier } = make();
      const a = await courier.createShipment(baseRequest(courier));
      const b = await courier.createShipment(baseRequest(courier));
      if (a.ok && b.ok && !a.value.needsManualTracking && !b.value.needsManualTracking) expect(a.value.trackingNumber).not.toBe(b.value.trackingNumber);
      expect(a.ok && b.ok).toBe(true);
    });

    it('refuses an order without a shipping address', async () => {
      const { courier } = make();
      const request = baseRequest(courier);
      const made = await courier.createShipment({ ...request, order: { ...request.order, shipTo: undefined } });
      expect(made).toEqual({ ok: false, error: { kind: 'no_address' } });
    });

    it('refuses a parcel with a zero, negative or fractional-gram weight, or a negative size', async () => {
      const { courier } = make();
      for (const [parcel, field] of [
        [{ weightGrams: 0 }, 'weightGrams'],
        [{ weightGrams: -5 }, 'weightGrams'],
        [{ weightGrams: 12.5 }, 'weightGrams'],
        [{ weightGrams: 500, lengthCm: -1 }, 'lengthCm'],
        [{ weightGrams: 500, heightCm: Number.NaN }, 'heightCm'],
      ] as const) {
        expect(await courier.createShipment(baseRequest(courier, { parcel }))).toEqual({ ok: false, error: { kind: 'bad_parcel', field } });
      }
    });

    it('refuses a parcel heavier than the service takes', async () => {
      const { courier } = make();
      const limited = courier.services().find((s) => s.maxWeightGrams !== undefined);
      const service = limited ?? { ...baseRequest(courier).service, maxWeightGrams: 1000 };
      const max = service.maxWeightGrams as number;
      const made = await courier.createShipment(baseRequest(courier, { service, parcel: { weightGrams: max + 1 } }));
      expect(made).toEqual({ ok: false, error: { kind: 'too_heavy', maxWeightGrams: max } });
    });
  });
}
