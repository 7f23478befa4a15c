/**
 * An integrated carrier as tests see one: it needs the network (can be switched "offline"), weighs
 * parcels (refuses without a weight or over a service's limit), and answers with a tracking number,
 * a tracking URL and its own ZPL label carrying the order's CODE128. Records every request.
 */
import { checkShipmentRequest, type Courier, type CourierService, type ShipmentRequest } from '../../src/domain/courier.ts';
import { err, ok } from '../../src/domain/result.ts';
import { zplField } from '../../src/documents/label-zpl.ts';

export interface FakeCourier extends Courier {
  requests: ShipmentRequest[];
  offline: boolean;
  /** The next shipment is refused with this message (an address the carrier cannot deliver…). */
  rejectNext: string | null;
}

export const FAKE_SERVICES: readonly CourierService[] = [
  { code: 'FK-HOME', name: 'Fake Home', carrier: 'FakeExpress', maxWeightGrams: 30_000 },
  { code: 'FK-RELAY', name: 'Fake Relay', carrier: 'FakeExpress', maxWeightGrams: 20_000 },
];

export function fakeCourier(): FakeCourier {
  let serial = 0;
  const courier: FakeCourier = {
    id: 'fake',
    name: 'FakeExpress',
    online: true,
    requests: [],
    offline: false,
    rejectNext: null,
    services: () => FAKE_SERVICES.map((s) => ({ ...s })),
    async createShipment(request) {
      courier.requests.push(request);
      const checked = checkShipmentRequest(request);
      if (!checked.ok) return checked;
      if (!FAKE_SERVICES.some((s) => s.code === request.service.code)) return err({ kind: 'unknown_service', code: request.service.code });
      if (request.parcel.weightGrams === undefined) return err({ kind: 'weight_required' });
      if (courier.offline) return err({ kind: 'unreachable', message: 'fake carrier offline' });
      if (courier.rejectNext !== null) {
        const message = courier.rejectNext;
        courier.rejectNext = null;
        return err({ kind: 'rejected', message });
      }
      serial += 1;
      const trackingNumber = `FK${String(serial).padStart(9, '0')}FR`;
      // The carrier's own label is always ZPL, whatever was asked (as many carrier APIs do).
      const zpl = [
        '^XA', '^CI28', '^PW812', '^LL1218',
        `^FO40,40^A0N,40,40^FH^FD${zplField(`FakeExpress ${request.service.name}`)}^FS`,
        `^FO40,120^A0N,40,40^FH^FD${zplField(request.order.shipTo?.name ?? '')}^FS`,
        `^FO40,400^BY3,3,150^BCN,150,Y,N,N^FH^FD${zplField(request.order.orderNumber)}^FS`,
        `^FO40,700^BY3,3,150^BCN,150,Y,N,N^FD${trackingNumber}^FS`,
        '^XZ', '',
      ].join('\n');
      return ok({
        carrier: request.service.carrier ?? 'FakeExpress',
        service: request.service,
        label: { format: 'zpl', data: zpl },
        needsManualTracking: false,
        trackingNumber,
        trackingUrl: `https://track.example/${trackingNumber}`,
      });
    },
  };
  return courier;
}
