/**
 * The courier seam: the manual courier and the fake integrated one pass the same contract; the
 * service the customer chose on the web store is preselected; carriers plug into the registry.
 */
import { describe, expect, it } from 'vitest';
import { manualCourier, MANUAL_SERVICES } from '../../src/couriers/manual.ts';
import { createCourierRegistry } from '../../src/couriers/registry.ts';
import { matchService, serviceChoices, validateParcel } from '../../src/domain/courier.ts';
import { baseRequest, courierContract, labelBarcodes } from '../support/courier-contract.ts';
import { fakeCourier, FAKE_SERVICES } from '../support/fake-courier.ts';
import { parseZpl, textFields } from '../support/zpl/parse.ts';

courierContract('manual (generic address label)', () => ({ courier: manualCourier() }));
courierContract('fake integrated carrier', () => ({ courier: fakeCourier() }));

describe('manual courier', () => {
  it('works offline, returns no tracking number and a ZPL label for a label printer', async () => {
    const courier = manualCourier();
    expect(courier.online).toBe(false);
    const made = await courier.createShipment(baseRequest(courier, { service: MANUAL_SERVICES[1]! }));
    expect(made.ok && made.value).toMatchObject({ needsManualTracking: true, carrier: 'Colissimo', label: { format: 'zpl' } });
    if (!made.ok) return;
    const label = parseZpl(made.value.label.data);
    expect(textFields(label, 'Zoé Müller')).toHaveLength(1);
    expect(textFields(label, '25000 Besançon')).toHaveLength(1);
    // The service does not fit after the order number: it goes whole to the bottom, above the parcel.
    expect(textFields(label, 'Commande #1042').map((f) => f.data)).toEqual(['Commande #1042']);
    const [service] = textFields(label, 'Colissimo avec signature');
    const [parcel] = textFields(label, 'Colis 1,25 kg · 30 x 20 x 10 cm');
    expect(service?.data).toBe('Colissimo avec signature');
    expect(parcel!.y).toBeGreaterThan(service!.y);
    expect(parcel!.y + 24).toBeLessThanOrEqual(1218);
    expect(textFields(label, 'à compléter')).toHaveLength(1);
  });

  it('gives printable HTML for the browser dialog, in English when the shop speaks English', async () => {
    const courier = manualCourier();
    const made = await courier.createShipment(baseRequest(courier, { labelFormat: 'html', lang: 'en' }));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value.label.format).toBe('html');
    const html = made.value.label.data;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('SHIP TO');
    expect(html).toContain('Tracking: to be added');
    expect(html).toContain('Parcel 1.25 kg · 30 × 20 × 10 cm');
    expect(await labelBarcodes(made.value.label)).toEqual(['#1042']);
  });

  it('takes a service it does not list (the carrier is whatever staff chose)', async () => {
    const courier = manualCourier();
    const made = await courier.createShipment(baseRequest(courier, { service: { code: 'coursier-velo', name: 'Coursier à vélo' } }));
    expect(made.ok && made.value.carrier).toBe('Coursier à vélo');
  });
});

describe('fake integrated carrier', () => {
  it('needs a weight and the network, and passes the carrier’s refusal on', async () => {
    const courier = fakeCourier();
    expect(await courier.createShipment(baseRequest(courier, { parcel: {} }))).toEqual({ ok: false, error: { kind: 'weight_required' } });
    courier.offline = true;
    expect((await courier.createShipment(baseRequest(courier))).ok).toBe(false);
    courier.offline = false;
    courier.rejectNext = 'Adresse inconnue';
    expect(await courier.createShipment(baseRequest(courier))).toEqual({ ok: false, error: { kind: 'rejected', message: 'Adresse inconnue' } });
    expect(await courier.createShipment(baseRequest(courier, { service: { code: 'NOPE', name: 'Nope' } }))).toEqual({ ok: false, error: { kind: 'unknown_service', code: 'NOPE' } });
  });
});

describe('service preselection from the web order’s shipping method', () => {
  const services = [
    { code: 'colissimo', name: 'Colissimo' },
    { code: 'colissimo-signature', name: 'Colissimo avec signature' },
    { code: 'chronopost', name: 'Chronopost' },
    { code: 'mondial-relay', name: 'Mondial Relay' },
  ];

  it('matches by code, then name, then the longest whole-word part of the name', () => {
    expect(matchService(services, { name: 'Whatever', code: 'CHRONOPOST' })?.code).toBe('chronopost');
    expect(matchService(services, { name: 'mondial relay' })?.code).toBe('mondial-relay');
    expect(matchService(services, { name: 'Colissimo – avec signature' })?.code).toBe('colissimo-signature');
    expect(matchService(services, { name: 'Livraison Colissimo à domicile' })?.code).toBe('colissimo');
    expect(matchService(services, { name: 'Chrono' })).toBeNull(); // not a whole word
    expect(matchService(services, { name: 'Retrait en magasin' })).toBeNull();
    expect(matchService(services, undefined)).toBeNull();
  });

  it('offers the web order’s own method on the manual courier when nothing matches', () => {
    const own = serviceChoices(manualCourier(), { name: 'Livraison express Paris', code: 'express_paris' });
    expect(own.preselected).toEqual({ code: 'express-paris', name: 'Livraison express Paris' });
    expect(own.services[0]).toEqual(own.preselected);
    expect(serviceChoices(manualCourier(), { name: 'Colissimo Domicile - sans signature', code: 'colissimo-domicile' }).preselected?.code).toBe('colissimo');
  });

  it('preselects nothing on an integrated carrier when nothing matches', () => {
    expect(serviceChoices(fakeCourier(), { name: 'Colissimo' })).toEqual({ services: [...FAKE_SERVICES], preselected: null });
    expect(serviceChoices(fakeCourier(), { name: 'Fake Relay (point relais)' }).preselected?.code).toBe('FK-RELAY');
  });
});

describe('parcel validation', () => {
  it('accepts an empty parcel and positive sizes', () => {
    expect(validateParcel({}).ok).toBe(true);
    expect(validateParcel({ weightGrams: 1, lengthCm: 0.5 }).ok).toBe(true);
  });
});

describe('courier registry', () => {
  it('starts with the manual courier, lets carriers plug in, and leaves out online ones when offline', () => {
    const registry = createCourierRegistry();
    expect(registry.defaultId).toBe('manual');
    expect(registry.list().map((c) => c.id)).toEqual(['manual']);
    const fake = fakeCourier();
    registry.register(fake);
    expect(registry.get('fake')).toBe(fake);
    expect(registry.list().map((c) => c.id)).toEqual(['manual', 'fake']);
    expect(registry.list({ online: false }).map((c) => c.id)).toEqual(['manual']);
    const again = fakeCourier();
    registry.register(again);
    expect(registry.get('fake')).toBe(again);
    expect(registry.list()).toHaveLength(2);
  });
});
