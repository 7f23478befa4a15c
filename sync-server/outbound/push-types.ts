/**
 * The contract between the outbound handler and the per-platform push modules
 * (sync-server/platforms/<platform>/push.ts). A push returns what it did (or that there was nothing
 * to do because the platform already shows it) and throws PushError on failure.
 */
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import type { PlatformApi } from './http.ts';
import type { OrderEventPayload, OutboundKind, PlatformJobDoc, PricePayload, StockLevelPayload } from './jobs.ts';
import { minorDigits } from '../../src/domain/money.ts';

export interface PushOutcome {
  result: string;
  /** True when nothing was sent because the remote state already matched. */
  skipped?: boolean;
}

export interface PushContext {
  api: PlatformApi;
  job: PlatformJobDoc;
  /**
   * True when an earlier attempt of this job may have reached the platform (its lease expired, or
   * it failed): writes that are not absolute sets check the remote state first, absolute sets are
   * compared before being sent again, so that no change is applied twice.
   */
  verify: boolean;
  /** The Idempotency-Key of one step of the job ("<job key>/<step>"). */
  key(step: string): string;
  /** Per-link memo (SKU → platform ids), kept between jobs. */
  memo: Map<string, unknown>;
}

export type OrderEventKind = Exclude<OutboundKind, 'stock_level' | 'price'>;

export interface PlatformPusher {
  stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome>;
  /** Sets the product's (or variant's) price on the platform: an absolute set. */
  price(ctx: PushContext, payload: PricePayload): Promise<PushOutcome>;
  orderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, order: WebOrderDoc | null): Promise<PushOutcome>;
}

/** Text marker put in notes/messages so that a re-check recognises our own earlier write. */
export function refMarker(key: string): string {
  return `[comptoir:${key}]`;
}

/** Minor units → the decimal string the platforms print ("3.20"), without floats. */
export function decimalPrice(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Whether a platform's price (decimal string or number) is the same amount as `minor`. */
export function samePrice(value: unknown, minor: number, currency: string): boolean {
  if (value === null || value === undefined || value === '') return false;
  const digits = minorDigits(currency);
  const text = typeof value === 'number' ? value.toFixed(digits + 2) : String(value).trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return false;
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (/[1-9]/.test(frac.slice(digits))) return false;
  const units = Number(m[2] || '0') * 10 ** digits + Number(frac.slice(0, digits) || '0');
  return (m[1] ? -units : units) === minor;
}
