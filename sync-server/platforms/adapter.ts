/**
 * One interface per web platform. An adapter knows its platform's webhook signature scheme, how to turn
 * a delivery into orders (fetching from the API when the webhook is thin), how to map the platform's
 * order JSON to a platform-neutral ExternalOrder, and how to list orders and products with the
 * platform's paging. Everything Comptoir-specific (SKU lookup, customers, exactly-once writes) lives
 * in sync-server/inbox/, shared by all platforms. Outbound pushes live in <platform>/push.ts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PaymentCheck, Platform, WebOrderAddress, WebOrderDoc } from '../../src/domain/documents.ts';
import type { PlatformLinkRecord } from '../system/system-store.ts';

export type PlatformLink = PlatformLinkRecord;

export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export type VerifyOutcome =
  /** Authentic: store it under `deliveryId` (the dedupe key) and answer 200. */
  | { kind: 'ok'; deliveryId: string; topic: string; payload: unknown }
  /** A platform's unsigned "is this URL alive" ping (WooCommerce creation ping): answer 200, store nothing. */
  | { kind: 'ping' }
  /** Signature missing or wrong: 401, nothing stored. */
  | { kind: 'forged'; reason: string }
  /** Authentic but unusable (not JSON, no topic, no order id): 400 with the reason, nothing stored. */
  | { kind: 'malformed'; reason: string };

export interface ExternalLine {
  platformSku: string | null;
  name: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  platformLineId?: string;
}

export interface ExternalRefund {
  id: string;
  at: string;
  amount: number;
  reason?: string;
}

/** A platform order in neutral terms: money in minor units, ISO dates with offsets. */
export interface ExternalOrder {
  platformOrderId: string;
  orderNumber: string;
  createdAt: string;
  /** The platform's modification time: the version of this order. */
  updatedAt: string;
  currency: string;
  pricesIncludeTax: boolean;
  total: number;
  totalTax?: number;
  lines: ExternalLine[];
  customer: { email?: string; firstName?: string; lastName?: string; phone?: string };
  payment: { paid: boolean; processor?: string };
  delivery: 'shipping' | 'pickup';
  shippingAddress?: WebOrderAddress;
  shippingMethod?: { name: string; code?: string; price: number };
  note?: string;
  status: Exclude<WebOrderDoc['status'], 'packed'>;
  platformStatus: string;
  cancelledAt?: string;
  refunds: ExternalRefund[];
  /**
   * The payment's security results (payment-checks.ts), when the platform documents them and they
   * could be read; absent: unknown (an earlier import's are kept).
   */
  paymentChecks?: PaymentCheck[];
}

export interface ExternalProduct {
  platformProductId: string;
  sku: string;
  name: string;
  /** Minor units. */
  price: number;
  barcode?: string;
  /** Units in stock when the platform tracks stock. */
  stock?: number;
}

export interface OrderListQuery {
  createdFrom?: string;
  createdTo?: string;
  modifiedSince?: string;
}

/** One page of a list, with the total when the platform tells it (WooCommerce X-WP-Total). */
export interface Page<T> {
  items: T[];
  total?: number;
}

export interface PlatformApiClient {
  /** Orders created or modified in the range, page by page (the platform's own paging). */
  listOrders(query: OrderListQuery): AsyncIterable<Page<ExternalOrder>>;
  /** The current version of one order; null when the platform does not know it. */
  getOrder(platformOrderId: string): Promise<ExternalOrder | null>;
  listProducts(): AsyncIterable<Page<ExternalProduct>>;
  /**
   * The payment's security results of one order, for platforms that keep them apart from the order
   * (Shopify risks and transactions); undefined when there is nothing to read.
   */
  paymentChecks?(platformOrderId: string): Promise<PaymentCheck[] | undefined>;
}

/** What a stored delivery asks the inbox processor to do. */
export type DeliveryAction =
  | { kind: 'order'; order: ExternalOrder }
  /** A refund delivered on its own (Shopify refunds/create) when the order could not be fetched. */
  | { kind: 'refund'; platformOrderId: string; refund: ExternalRefund }
  /** The order was deleted on the platform (WooCommerce order.deleted). */
  | { kind: 'deleted'; platformOrderId: string }
  | { kind: 'ignore'; reason: string };

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Verifies a webhook on its raw bytes (constant-time comparison) and extracts its dedupe key. */
  verifyWebhook(req: WebhookRequest, secret: string, now: Date): VerifyOutcome;
  /** Turns a stored delivery into an action; may call the API (thin webhooks). */
  resolveDelivery(topic: string, payload: unknown, api: () => PlatformApiClient): Promise<DeliveryAction>;
  /** An API client for a linked store (throws when the link has no credentials). */
  client(link: PlatformLink): PlatformApiClient;
  /** Which credential keys the API needs, e.g. ['accessToken']. */
  readonly credentialKeys: readonly string[];
}

/** Malformed delivery content found after the signature check (answered 400). */
export class MalformedDelivery extends Error {}
