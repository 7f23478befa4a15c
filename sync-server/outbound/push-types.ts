/**
 * The contract between the outbound handler and the per-platform push modules
 * (sync-server/platforms/<platform>/push.ts). A push returns what it did (or that there was nothing
 * to do because the platform already shows it) and throws PushError on failure.
 */
import type { WebOrderDoc } from '../../src/domain/documents.ts';
import type { PlatformApi } from './http.ts';
import type { OrderEventPayload, OutboundKind, PlatformJobDoc, StockLevelPayload } from './jobs.ts';

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

export type OrderEventKind = Exclude<OutboundKind, 'stock_level'>;

export interface PlatformPusher {
  stockLevel(ctx: PushContext, payload: StockLevelPayload): Promise<PushOutcome>;
  orderEvent(ctx: PushContext, kind: OrderEventKind, payload: OrderEventPayload, order: WebOrderDoc | null): Promise<PushOutcome>;
}

/** Text marker put in notes/messages so that a re-check recognises our own earlier write. */
export function refMarker(key: string): string {
  return `[comptoir:${key}]`;
}
