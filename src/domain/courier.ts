/**
 * Carriers behind one interface (issue 6): the register asks a courier for a shipment (an order, a
 * parcel, a service) and gets a label to print and — from an integrated carrier — a tracking
 * number. Without an integrated carrier, the built-in "manual" courier prints a generic address
 * label and the tracking number is typed or scanned by staff afterwards: that is a normal outcome,
 * modelled as `needsManualTracking: true` rather than as an empty string.
 * Pure types and rules; the implementations live in src/couriers/.
 */
import type { WebOrderAddress } from './documents.ts';
import { err, ok, type Result } from './result.ts';

export interface CourierService {
  /** Stable code (the carrier's product code, or a slug). */
  code: string;
  /** What staff see: "Colissimo Domicile", "Chronopost 13h"… */
  name: string;
  /** The carrier name given to the web store with the tracking number; default: `name`. */
  carrier?: string;
  /** Heaviest parcel the service takes. */
  maxWeightGrams?: number;
}

/** The parcel as weighed and measured (the shape a 'shipped' event keeps, without the service). */
export interface ParcelSpec {
  weightGrams?: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
}

export interface ShipmentRequest {
  order: {
    id: string;
    orderNumber: string;
    /** After any correction made at the counter. */
    shipTo: WebOrderAddress | undefined;
    customer: { name: string; email?: string; phone?: string };
  };
  parcel: ParcelSpec;
  service: CourierService;
  shipFrom: { name: string; address: readonly string[] };
  /**
   * What the printer at hand takes: ZPL for a paired label printer, HTML for the browser's print
   * dialog. A carrier that cannot produce it returns what it has (its label says which).
   */
  labelFormat: 'zpl' | 'html';
  lang: 'fr' | 'en';
}

/** `data`: ZPL or HTML text; a PDF as base64. */
export interface CourierLabel {
  format: 'zpl' | 'html' | 'pdf';
  data: string;
}

interface ShipmentBase {
  carrier: string;
  service: CourierService;
  label: CourierLabel;
}

export type Shipment =
  | (ShipmentBase & { needsManualTracking: false; trackingNumber: string; trackingUrl?: string })
  /** The carrier gave no number (the manual courier): staff type or scan it when marking shipped. */
  | (ShipmentBase & { needsManualTracking: true; trackingNumber?: undefined; trackingUrl?: undefined });

export type CourierRefusal =
  | { kind: 'no_address' }
  | { kind: 'bad_parcel'; field: keyof ParcelSpec }
  /** The carrier needs the parcel's weight to sell a label. */
  | { kind: 'weight_required' }
  | { kind: 'too_heavy'; maxWeightGrams: number }
  | { kind: 'unknown_service'; code: string }
  /** The carrier said no (an address it cannot deliver…): its words, for staff. */
  | { kind: 'rejected'; message: string }
  /** The carrier could not be reached (offline, down). */
  | { kind: 'unreachable'; message: string };

export interface Courier {
  readonly id: string;
  readonly name: string;
  /** Needs the network to create a shipment (offline, only couriers without it can be used). */
  readonly online: boolean;
  /** Takes any service name (staff choose the carrier by hand): the web order's own method is offered. */
  readonly anyService?: boolean;
  services(): readonly CourierService[];
  createShipment(request: ShipmentRequest): Promise<Result<Shipment, CourierRefusal>>;
}

const POSITIVE_FIELDS: ReadonlyArray<keyof ParcelSpec> = ['weightGrams', 'lengthCm', 'widthCm', 'heightCm'];

/** Weight and sizes, when given, are positive finite numbers (the weight in whole grams). */
export function validateParcel(parcel: ParcelSpec): Result<ParcelSpec, CourierRefusal> {
  for (const field of POSITIVE_FIELDS) {
    const v = parcel[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (field === 'weightGrams' && !Number.isInteger(v))) return err({ kind: 'bad_parcel', field });
  }
  return ok(parcel);
}

/** Common checks every courier makes before anything else (the contract tests hold them to it). */
export function checkShipmentRequest(request: ShipmentRequest): Result<ShipmentRequest, CourierRefusal> {
  const to = request.order.shipTo;
  if (to === undefined || to.address1.trim() === '' || to.city.trim() === '') return err({ kind: 'no_address' });
  const parcel = validateParcel(request.parcel);
  if (!parcel.ok) return parcel;
  const max = request.service.maxWeightGrams;
  if (max !== undefined && request.parcel.weightGrams !== undefined && request.parcel.weightGrams > max) return err({ kind: 'too_heavy', maxWeightGrams: max });
  return ok(request);
}

/** Lower case, no accents, words separated by one space: "Colissimo – Domicile" → "colissimo domicile". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The service matching the shipping method the customer chose on the web store: same code, else
 * same name, else the service whose name is the longest whole-word part of the method's name (or
 * the reverse): "Colissimo Domicile sans signature" → "Colissimo Domicile" before "Colissimo".
 */
export function matchService(services: readonly CourierService[], method: { name: string; code?: string } | undefined): CourierService | null {
  if (method === undefined) return null;
  const code = method.code !== undefined ? normalise(method.code) : '';
  if (code !== '') {
    const byCode = services.find((s) => normalise(s.code) === code);
    if (byCode) return byCode;
  }
  const name = normalise(method.name);
  if (name === '') return null;
  const byName = services.find((s) => normalise(s.name) === name);
  if (byName) return byName;
  const contains = (long: string, short: string): boolean => short !== '' && ` ${long} `.includes(` ${short} `);
  let best: CourierService | null = null;
  let bestLength = 0;
  for (const s of services) {
    const n = normalise(s.name);
    if ((contains(name, n) || contains(n, name)) && n.length > bestLength) {
      best = s;
      bestLength = n.length;
    }
  }
  return best;
}

/** A service named after the web order's method, for couriers that take any service. */
export function serviceFromMethod(method: { name: string; code?: string }): CourierService {
  const code = normalise(method.code ?? method.name).replace(/ /g, '-');
  return { code: code === '' ? 'web' : code, name: method.name.trim() };
}

/**
 * What the label dialog offers: the courier's services and the one preselected from the web
 * order's shipping method. A courier that takes any service gets the method itself when none of
 * its services matches; otherwise nothing is preselected when nothing matches.
 */
export function serviceChoices(courier: Pick<Courier, 'services' | 'anyService'>, method: { name: string; code?: string } | undefined): { services: CourierService[]; preselected: CourierService | null } {
  const services = [...courier.services()];
  const matched = matchService(services, method);
  if (matched !== null) return { services, preselected: matched };
  if (courier.anyService === true && method !== undefined && method.name.trim() !== '') {
    const own = serviceFromMethod(method);
    return { services: [own, ...services.filter((s) => s.code !== own.code)], preselected: own };
  }
  return { services, preselected: null };
}
