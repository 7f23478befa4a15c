/**
 * The generic address label of a shipment request (what the manual courier prints, and what any
 * courier without its own label can fall back to): ship-from, ship-to, the order number and its
 * CODE128, the service and the parcel, as ZPL for a label printer or as printable HTML.
 */
import type { CourierLabel, ShipmentRequest } from '../domain/courier.ts';
import { addressLines, type ShippingLabel } from './label-data.ts';
import { shippingLabelHtml } from './label-html.ts';
import { shippingCaptions, shippingLabelZpl } from './label-zpl.ts';

export function shippingLabelFromRequest(request: ShipmentRequest, tracking: { carrier: string; number: string } | null = null): ShippingLabel {
  const { order } = request;
  const to = order.shipTo;
  return {
    from: { name: request.shipFrom.name, lines: request.shipFrom.address.filter((l) => l.trim() !== '') },
    to: to ? { name: to.name || order.customer.name, lines: [...addressLines(to), ...(to.phone ? [to.phone] : [])] } : { name: order.customer.name, lines: [] },
    orderNumber: order.orderNumber,
    tracking,
    service: request.service.name,
    parcel: request.parcel,
  };
}

/** The label in the format the request asks for, in the request's language. */
export function genericShippingLabel(request: ShipmentRequest, tracking: { carrier: string; number: string } | null = null): CourierLabel {
  const label = shippingLabelFromRequest(request, tracking);
  const captions = shippingCaptions(request.lang);
  return request.labelFormat === 'zpl' ? { format: 'zpl', data: shippingLabelZpl(label, captions) } : { format: 'html', data: shippingLabelHtml(label, captions) };
}
