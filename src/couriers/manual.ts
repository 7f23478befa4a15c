/**
 * The built-in courier, for shops without an integrated carrier: it prints a generic address label
 * (ship-to, the order's barcode, service and parcel) as ZPL or printable HTML, works offline, and
 * returns no tracking number — staff type or scan the carrier's number when they mark the order
 * shipped (`needsManualTracking: true`). It takes any carrier: the list below is only what is offered.
 */
import { checkShipmentRequest, type Courier, type CourierService } from '../domain/courier.ts';
import { ok } from '../domain/result.ts';
import { genericShippingLabel } from '../documents/shipping-label-data.ts';

/** Carriers French shops hand parcels to; `carrier` is the name the web store gets with the tracking. */
export const MANUAL_SERVICES: readonly CourierService[] = [
  { code: 'colissimo', name: 'Colissimo', carrier: 'Colissimo' },
  { code: 'colissimo-signature', name: 'Colissimo avec signature', carrier: 'Colissimo' },
  { code: 'chronopost', name: 'Chronopost', carrier: 'Chronopost' },
  { code: 'mondial-relay', name: 'Mondial Relay', carrier: 'Mondial Relay' },
  { code: 'lettre-suivie', name: 'Lettre suivie', carrier: 'La Poste' },
  { code: 'dpd', name: 'DPD', carrier: 'DPD' },
  { code: 'gls', name: 'GLS', carrier: 'GLS' },
  { code: 'ups', name: 'UPS', carrier: 'UPS' },
  { code: 'dhl', name: 'DHL Express', carrier: 'DHL' },
];

export function manualCourier(services: readonly CourierService[] = MANUAL_SERVICES): Courier {
  return {
    id: 'manual',
    name: 'Manual',
    online: false,
    anyService: true,
    services: () => services.map((s) => ({ ...s })),
    async createShipment(request) {
      const checked = checkShipmentRequest(request);
      if (!checked.ok) return checked;
      return ok({
        carrier: request.service.carrier ?? request.service.name,
        service: request.service,
        label: genericShippingLabel(request),
        needsManualTracking: true,
      });
    },
  };
}
