/**
 * The HTTP side of a push: one request to a platform's API (through the shared platforms/http.ts
 * client) with its authentication, a timeout shorter than the claim lease, an `Idempotency-Key` header on every write, and errors classified as
 * retryable (network, timeout, 408, 409, 429, 5xx) or permanent (other 4xx: the request itself is
 * wrong and sending it again cannot help — the job is dead-lettered for staff at once).
 */
import type { Platform } from '../../src/domain/documents.ts';
import { platformFetch, PlatformHttpError } from '../platforms/http.ts';

/** What the outbound side needs to know about a store's link to a platform. */
export interface PushLink {
  platform: Platform;
  /** Shop identifier as in web order ids (Shopify domain, WooCommerce host, BigCommerce store). */
  shop: string;
  /** API base URL: Shopify …/admin/api/<version>, WooCommerce …/wp-json/wc/v3, BigCommerce …/stores/<hash>. */
  apiUrl: string;
  /** Shopify {accessToken}; WooCommerce {consumerKey, consumerSecret}; BigCommerce {accessToken}. */
  credentials: Record<string, string>;
  /** Inventory location on the platform (Shopify location id, BigCommerce location id); optional. */
  locationId?: string;
}

/** Whether the link carries the API credentials a push needs (the demo links have none). */
export function hasPushCredentials(link: PushLink): boolean {
  const c = link.credentials;
  return link.platform === 'woocommerce' ? !!c.consumerKey && !!c.consumerSecret : !!c.accessToken;
}

export class PushError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as the Idempotency-Key header (writes). */
  idempotencyKey?: string;
  /** Statuses that are answers, not errors (e.g. 404 when looking something up). */
  accept?: number[];
}

export const DEFAULT_PUSH_TIMEOUT_MS = 10_000;

function authHeaders(link: PushLink): Record<string, string> {
  const c = link.credentials;
  switch (link.platform) {
    case 'shopify':
      return { 'X-Shopify-Access-Token': c.accessToken ?? '' };
    case 'woocommerce':
      return { Authorization: `Basic ${Buffer.from(`${c.consumerKey ?? ''}:${c.consumerSecret ?? ''}`).toString('base64')}` };
    case 'bigcommerce':
      return { 'X-Auth-Token': c.accessToken ?? '' };
  }
}

export class PlatformApi {
  constructor(
    readonly link: PushLink,
    private readonly timeoutMs = DEFAULT_PUSH_TIMEOUT_MS,
  ) {}

  url(path: string): string {
    return `${this.link.apiUrl.replace(/\/+$/, '')}${path}`;
  }

  async call(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...authHeaders(this.link) };
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    const what = `${this.link.platform} ${method} ${path}`;
    try {
      // The inbound side's fetch client (JSON, timeout, classified errors), shared by both directions.
      const res = await platformFetch(this.url(path), method, headers, { ...(opts.body === undefined ? {} : { body: opts.body }), timeoutMs: this.timeoutMs });
      return { status: res.status, body: res.data, headers: res.headers };
    } catch (err) {
      if (!(err instanceof PlatformHttpError)) throw err;
      if (opts.accept?.includes(err.status)) return { status: err.status, body: err.body ?? null, headers: new Headers() };
      const detail = err.status === 0 ? err.message.replace(/^.* failed: /, '') : `HTTP ${err.status} ${JSON.stringify(err.body ?? '').slice(0, 300)}`;
      throw new PushError(`${what}: ${detail}`, !err.retryable && err.status !== 0, err.status || undefined);
    }
  }
}
