/**
 * The HTTP base shared by the platform API clients (list/get here, pushes in <platform>/push.ts):
 * JSON in and out, the platform's auth headers, a timeout, and errors that say whether a retry can
 * help (network, 429, 5xx) or not (4xx).
 *
 *   const http = new PlatformHttp(link, { 'X-Auth-Token': token });
 *   const { status, headers, data } = await http.request('GET', '/v2/orders', { query: { page: 1 } });
 *   await http.request('PUT', '/v2/orders/118', { body: { status_id: 2 } });
 */
import type { PlatformLink } from './adapter.ts';

export class PlatformHttpError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 for a network failure / timeout. */
    public readonly status: number,
    /** True when trying again later may succeed (network, 408, 409, 429, 5xx). */
    public readonly retryable: boolean,
    /** Seconds from a Retry-After header, when given. */
    public readonly retryAfterSeconds?: number,
    public readonly body?: unknown,
  ) {
    super(message);
    this.name = 'PlatformHttpError';
  }
}

export interface PlatformResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON; null for an empty body (BigCommerce answers 204 for an empty list). */
  data: T | null;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Extra headers (e.g. an Idempotency-Key). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Joins the link's API base URL and a path; an absolute URL (a Link header's next page) is kept as is. */
export function platformUrl(apiUrl: string, pathOrUrl: string, query?: RequestOptions['query']): string {
  const url = /^https?:\/\//.test(pathOrUrl) ? new URL(pathOrUrl) : new URL(`${apiUrl.replace(/\/+$/, '')}/${pathOrUrl.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** fetch() with JSON, a timeout and PlatformHttpError on failure. */
export async function platformFetch<T = unknown>(url: string, method: string, headers: Record<string, string>, opts: RequestOptions = {}): Promise<PlatformResponse<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
        ...opts.headers,
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new PlatformHttpError(`${method} ${url} failed: ${cause}`, 0, true);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    const retryable = res.status === 408 || res.status === 409 || res.status === 429 || res.status >= 500;
    const detail = typeof data === 'string' ? data.slice(0, 200) : JSON.stringify(data)?.slice(0, 200);
    throw new PlatformHttpError(`${method} ${url} answered ${res.status}: ${detail ?? ''}`, res.status, retryable, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined, data);
  }
  return { status: res.status, headers: res.headers, data: data as T | null };
}

/** A platform API bound to one linked store: base URL + auth headers. Subclassed by each api-client. */
export class PlatformHttp {
  constructor(
    readonly link: PlatformLink,
    private readonly authHeaders: Record<string, string>,
  ) {}

  request<T = unknown>(method: string, pathOrUrl: string, opts: RequestOptions = {}): Promise<PlatformResponse<T>> {
    return platformFetch<T>(platformUrl(this.link.apiUrl, pathOrUrl, opts.query), method, this.authHeaders, opts);
  }
}

/** Throws a clear error when a link lacks the credentials an API call needs. */
export function requireCredentials(link: PlatformLink, keys: readonly string[]): Record<string, string> {
  const missing = keys.filter((k) => !link.credentials[k]);
  if (missing.length > 0) {
    throw new PlatformHttpError(`the ${link.platform} link of store "${link.storeId}" has no ${missing.join(', ')} (npm run admin -- link-platform …)`, 0, false);
  }
  return link.credentials;
}
