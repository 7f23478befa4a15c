/**
 * The contract between the outbound handler and the per-platform push modules
 * (sync-server/platforms/<platform>/push.ts). A push returns what it did (or that there was nothing
 * to do because the platform already shows it) and throws PushError on failure. Product pushes
 * share the wording of what they set or left alone (productResult), so staff read the same
 * sentence whatever the platform.
 */
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import type { PlatformApi } from './http.ts';
import { productPushFields, type OrderEventPayload, type OutboundKind, type PlatformJobDoc, type PricePayload, type StockLevelPayload } from './jobs.ts';
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
  /**
   * Sets what changed of the product (payload.changed): the price of the SKU's product or variant,
   * and the listing's title when the SKU is the product's own. A variant's SKU never renames the
   * product it belongs to (the listing is shared by the other variants). Absolute sets.
   */
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

/** Whether a product push sets the price, and the name (jobs made before names were pushed: the price only). */
export function productChanges(payload: PricePayload): { price: boolean; name: boolean } {
  const fields = productPushFields(payload);
  return { price: fields.includes('price'), name: fields.includes('name') && typeof payload.name === 'string' };
}

/**
 * The outcome of a product push from its parts: what was set (`done`), what the platform already
 * showed (`already`, on a verified attempt) and what was left alone on purpose (`kept`). Skipped
 * when nothing was sent.
 */
export function productResult(platform: string, sku: string, done: string[], already: string[], kept: string[]): PushOutcome {
  const parts = [...done, ...already.map((a) => `${platform} already shows ${a}`), ...kept];
  const result = parts.length > 0 ? `${parts.join('; ')} (${sku})` : `nothing to set for ${sku}`;
  return done.length > 0 ? { result } : { result, skipped: true };
}

/** Why a renamed SKU left the listing's title alone: it is one variant among several. */
export function nameKept(title: unknown, productId: unknown): string {
  return typeof title === 'string' && title !== '' ? `name kept: variant of "${title}" (product ${String(productId)})` : `name kept: variant of product ${String(productId)}`;
}

/** What a platform shows for a SKU before a product push: its price and name, and the listing it shares. */
export interface ProductShown {
  price: unknown;
  name: unknown;
  /** The product whose listing the SKU shares with other variants (its name is then left alone); null: the SKU's own. */
  sharedWith: { title: unknown; productId: unknown } | null;
}

/**
 * The body of a product write where price and name go in one request (WooCommerce, BigCommerce):
 * only the fields that changed and that the platform does not already show (on a verified
 * attempt), the price under the platform's field name; a shared listing's name is kept.
 */
export function productBody(ctx: PushContext, payload: PricePayload, shown: ProductShown, price: { field: string; value: string | number }): { body: Record<string, unknown>; already: string[]; kept: string[] } {
  const want = productChanges(payload);
  const body: Record<string, unknown> = {};
  const already: string[] = [];
  const kept: string[] = [];
  if (want.price) {
    if (ctx.verify && samePrice(shown.price, payload.price, payload.currency)) already.push(decimalPrice(payload.price, payload.currency));
    else body[price.field] = price.value;
  }
  if (want.name) {
    if (shown.sharedWith !== null) kept.push(nameKept(shown.sharedWith.title, shown.sharedWith.productId));
    else if (ctx.verify && shown.name === payload.name) already.push(`the name "${payload.name}"`);
    else body['name'] = payload.name;
  }
  return { body, already, kept };
}

/** What a product write set, in the shared wording: `<price field> <price> set (<what>)`, `name "<name>" set (<what>)`. */
export function productDone(body: Record<string, unknown>, payload: PricePayload, priceLabel: string, what: string): string[] {
  const done: string[] = [];
  if (body[priceLabel] !== undefined) done.push(`${priceLabel} ${decimalPrice(payload.price, payload.currency)} set (${what})`);
  if (body['name'] !== undefined) done.push(`name "${payload.name}" set (${what})`);
  return done;
}
