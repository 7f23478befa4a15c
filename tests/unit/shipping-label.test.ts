/**
 * Shipping labels end to end: the courier makes the label for the printer at hand (ZPL to the
 * label printer, HTML to the browser's dialog), the label carries the ship-to (as corrected) and
 * the order's barcode — decoded from the rendered image — and the commands preselect the service
 * the customer chose, record the 'printed' event, and print all the selected orders' labels.
 */
import 'fake-indexeddb/auto';
import { ready } from 'zpl-renderer-js';
import { describe, expect, it } from 'vitest';
import { labelChoicesFor, printLabelFor, printLabelsFor } from '../../src/commands/order-documents.ts';
import { shippingLabelFromOrder } from '../../src/documents/label-data.ts';
import { shippingLabelHtml } from '../../src/documents/label-html.ts';
import { ENGLISH_SHIPPING_CAPTIONS, shippingLabelZpl } from '../../src/documents/label-zpl.ts';
import { money } from '../../src/domain/money.ts';
import { printOrderLabel } from '../../src/hardware/order-printing.ts';
import { labelBarcodes } from '../support/courier-contract.ts';
import { fakeCourier } from '../support/fake-courier.ts';
import { commandHarness, printHarness } from '../support/order-print-harness.ts';
import { device, orderStateOf, settings, webOrder } from '../support/order-documents-fixtures.ts';
import { decodePng } from '../support/zpl/decode-barcodes.ts';
import { barcodes, parseZpl, textFields } from '../support/zpl/parse.ts';

const colissimo = { code: 'colissimo', name: 'Colissimo', carrier: 'Colissimo' };
const parcel = { weightGrams: 850, lengthCm: 25, widthCm: 18, heightCm: 9 };

describe('printing an order’s label', () => {
  it('manual courier + label printer: ZPL to the label printer, ship-to as corrected, order barcode decodable', async () => {
    const h = printHarness();
    const corrected = { name: 'Zoé Müller', address1: '8 quai Vauban', city: 'Besançon', postcode: '25000', country: 'FR' };
    const r = await printOrderLabel(webOrder(), orderStateOf({ shippingAddress: corrected }), { parcel, service: colissimo }, h.deps);
    expect(r.ok && r.value).toMatchObject({ target: 'label_printer', shipment: { needsManualTracking: true, carrier: 'Colissimo' } });
    await h.run();
    expect((await h.jobs()).map((j) => [j.kind, j.ref, j.deviceId, j.state])).toEqual([['label-shipping', webOrder()._id, 'l1', 'done']]);
    const zpl = new TextDecoder().decode(h.label.bytes);
    const label = parseZpl(zpl);
    expect(textFields(label, '8 quai Vauban')).toHaveLength(1);
    expect(textFields(label, '3 allée des Châtaigniers')).toHaveLength(0);
    expect(textFields(label, 'Épicerie Léa')).toHaveLength(1);
    expect(textFields(label, 'Commande #1042 · Colissimo')).toHaveLength(1);
    expect(textFields(label, 'Colis 850 g · 25 x 18 x 9 cm')).toHaveLength(1);
    expect(barcodes(label).map((b) => b.data)).toEqual(['#1042']);
    const { api } = await ready;
    const png = Buffer.from(await api.zplToBase64Async(zpl, 101.6, 152.4, 8), 'base64');
    expect((await decodePng(png)).map((d) => d.text)).toEqual(['#1042']);
  });

  it('without a label printer (or with a "browser" one): the HTML label in the print dialog', async () => {
    for (const labelPrinter of [null, device('l1', 'label_printer', 'browser')]) {
      const h = printHarness({ labelPrinter });
      const r = await printOrderLabel(webOrder(), orderStateOf(), { parcel, service: colissimo }, h.deps);
      expect(r.ok && r.value.target).toBe('browser');
      const [job] = await h.jobs();
      expect(job).toMatchObject({ kind: 'label-shipping', deviceId: 'browser-dialog', payload: { encoding: 'html' } });
      const html = h.text(job!);
      expect(html).toContain('size: 4in 6in');
      expect(html).toContain('Colis 850 g · 25 × 18 × 9 cm');
      expect(await labelBarcodes({ format: 'html', data: html })).toEqual(['#1042']);
    }
  });

  it('an integrated carrier’s label and tracking number come back; ZPL without a label printer is refused', async () => {
    const fake = fakeCourier();
    const h = printHarness({ couriers: [fake] });
    const service = fake.services()[0]!;
    const r = await printOrderLabel(webOrder(), orderStateOf(), { parcel, service, courierId: 'fake' }, h.deps);
    expect(r.ok && r.value.shipment).toMatchObject({ needsManualTracking: false, trackingNumber: 'FK000000001FR', trackingUrl: 'https://track.example/FK000000001FR' });
    expect(fake.requests[0]).toMatchObject({ labelFormat: 'zpl', lang: 'fr', shipFrom: { name: 'Épicerie Léa' }, order: { orderNumber: '#1042' } });
    await h.run();
    expect(barcodes(parseZpl(new TextDecoder().decode(h.label.bytes))).map((b) => b.data)).toEqual(['#1042', 'FK000000001FR']);

    const noPrinter = printHarness({ labelPrinter: null, couriers: [fakeCourier()] });
    expect(await printOrderLabel(webOrder(), orderStateOf(), { parcel, service, courierId: 'fake' }, noPrinter.deps)).toEqual({ ok: false, error: { kind: 'unprintable_label', format: 'zpl' } });
    expect(await noPrinter.jobs()).toEqual([]);
  });

  it('refuses an unknown courier and passes the courier’s refusal on, printing nothing', async () => {
    const h = printHarness();
    expect(await printOrderLabel(webOrder(), orderStateOf(), { parcel, service: colissimo, courierId: 'nope' }, h.deps)).toEqual({ ok: false, error: { kind: 'unknown_courier', courierId: 'nope' } });
    expect(await printOrderLabel(webOrder(), orderStateOf(), { parcel: { weightGrams: -1 }, service: colissimo }, h.deps)).toEqual({ ok: false, error: { kind: 'courier', refusal: { kind: 'bad_parcel', field: 'weightGrams' } } });
    expect(await h.jobs()).toEqual([]);
  });
});

describe('label commands', () => {
  const shipping = { order: webOrder(), state: orderStateOf({ parcels: [{ parcel: { weightGrams: 900, service: 'colissimo' } }] }) };
  const pickup = { order: webOrder({ _id: 'weborder:shopify:demo:2001', orderNumber: '#2001', delivery: 'pickup', shippingAddress: undefined }), state: orderStateOf({ delivery: 'pickup' }) };
  const noAddress = { order: webOrder({ _id: 'weborder:shopify:demo:2002', orderNumber: '#2002', shippingAddress: undefined }), state: orderStateOf() };
  const relay = { order: webOrder({ _id: 'weborder:shopify:demo:2003', orderNumber: '#2003', shippingMethod: { name: 'Point relais Mondial Relay', price: money(0) } }), state: orderStateOf() };

  it('labelChoicesFor: the service the customer chose preselected, the last parcel prefilled, couriers usable offline', async () => {
    const h = printHarness({ couriers: [fakeCourier()] });
    const online = await labelChoicesFor(shipping.order._id, undefined, commandHarness([shipping], h.deps).deps);
    expect(online.ok && online.value).toMatchObject({ courierId: 'manual', preselected: { code: 'colissimo' }, parcel: { weightGrams: 900 }, needsManualTracking: true });
    expect(online.ok && online.value.couriers.map((c) => c.id)).toEqual(['manual', 'fake']);
    const offline = await labelChoicesFor(relay.order._id, undefined, commandHarness([relay], h.deps, false).deps);
    expect(offline.ok && offline.value.preselected?.code).toBe('mondial-relay');
    expect(offline.ok && offline.value.couriers.map((c) => c.id)).toEqual(['manual']);
    expect(await labelChoicesFor(pickup.order._id, undefined, commandHarness([pickup], h.deps).deps)).toEqual({ ok: false, error: { kind: 'pickup_order', orderId: pickup.order._id } });
  });

  it('printLabelFor: the preselected service, a "printed" event, and a chosen service when given', async () => {
    const h = printHarness();
    const c = commandHarness([shipping], h.deps);
    const r = await printLabelFor(shipping.order._id, { parcel }, c.deps);
    expect(r.ok && r.value).toMatchObject({ orderIds: [shipping.order._id], target: 'label_printer', courierId: 'manual', parcel, recorded: true, shipment: { service: { code: 'colissimo' } } });
    expect(c.recorded).toEqual([{ orderId: shipping.order._id, what: 'label' }]);
    const chosen = await printLabelFor(shipping.order._id, { serviceCode: 'chronopost' }, c.deps);
    expect(chosen.ok && chosen.value).toMatchObject({ shipment: { carrier: 'Chronopost' }, parcel: { weightGrams: 900 } });
    expect(await printLabelFor(shipping.order._id, { serviceCode: 'nope' }, c.deps)).toEqual({ ok: false, error: { kind: 'no_service', orderId: shipping.order._id } });
    expect(await printLabelFor(noAddress.order._id, {}, commandHarness([noAddress], h.deps).deps)).toEqual({ ok: false, error: { kind: 'courier', orderId: noAddress.order._id, refusal: { kind: 'no_address' } } });
  });

  it('printLabelsFor: one label per shipping order, pickups skipped, failures listed with the labels that did print', async () => {
    const h = printHarness();
    const c = commandHarness([shipping, pickup, relay, noAddress], h.deps);
    const all = await printLabelsFor([shipping.order._id, pickup.order._id, relay.order._id], {}, c.deps);
    expect(all.ok && all.value.printed.map((p) => [p.orderIds[0], p.shipment.service.code])).toEqual([
      [shipping.order._id, 'colissimo'],
      [relay.order._id, 'mondial-relay'],
    ]);
    expect(all.ok && all.value.skipped).toEqual([{ orderId: pickup.order._id, reason: 'pickup_order' }]);
    expect(c.recorded.map((x) => x.orderId)).toEqual([shipping.order._id, relay.order._id]);
    await h.run();
    expect((await h.jobs()).filter((j) => j.state === 'done')).toHaveLength(2);

    const some = await printLabelsFor([relay.order._id, noAddress.order._id], {}, c.deps);
    expect(some.ok).toBe(false);
    if (!some.ok && some.error.kind === 'labels_failed') {
      expect(some.error.failed).toEqual([{ orderId: noAddress.order._id, error: { kind: 'courier', orderId: noAddress.order._id, refusal: { kind: 'no_address' } } }]);
      expect(some.error.printed.map((p) => p.orderIds[0])).toEqual([relay.order._id]);
    } else {
      expect.unreachable('labels_failed expected');
    }
    expect(await printLabelsFor([pickup.order._id], {}, c.deps)).toEqual({ ok: false, error: { kind: 'nothing_to_label' } });
    expect(await printLabelsFor([], {}, c.deps)).toEqual({ ok: false, error: { kind: 'no_orders' } });
  });
});

describe('the generic label documents', () => {
  it('English captions, and the parcel line only when a parcel is known', () => {
    const withParcel = shippingLabelFromOrder(webOrder(), settings, null, { parcel: { weightGrams: 2500 }, service: 'Colissimo' });
    const zpl = parseZpl(shippingLabelZpl(withParcel, ENGLISH_SHIPPING_CAPTIONS));
    expect(textFields(zpl, 'SHIP TO')).toHaveLength(1);
    expect(textFields(zpl, 'Order #1042 · Colissimo')).toHaveLength(1);
    expect(textFields(zpl, 'Parcel 2.5 kg')).toHaveLength(1);
    expect(textFields(zpl, 'Tracking: to be added')).toHaveLength(1);
    const bare = parseZpl(shippingLabelZpl(shippingLabelFromOrder(webOrder(), settings)));
    expect(bare.fields.filter((f) => f.data.startsWith('Colis '))).toEqual([]);
    expect(shippingLabelHtml(withParcel, ENGLISH_SHIPPING_CAPTIONS)).toContain('<html lang="en">');
  });
});
