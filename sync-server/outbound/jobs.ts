/**
 * The outbound queue's documents. They live in the store's database (so they replicate to the
 * registers, which may read them — staff see the queue — but never write them: the register write
 * validation only accepts its own prefixes) and are written by the sync server only.
 *
 *   outbound:<platform>:<kind>:<key>   a push to a web store (stock level, price and name, fulfilment, status)
 *   mail:<key>                         a mail to send (receipt, shipped, ready for pickup)
 *
 * States:  pending ──claim──▶ sending ──ok──▶ done
 *                               │
 *                               └─error──▶ failed (retry at nextAttemptAt) ──claim──▶ sending …
 *                                          └─ after maxAttempts, or a permanent error ──▶ dead
 * A dead job stays until staff retry it (POST /api/stores/:storeId/outbound/:id/retry → pending).
 *
 * A claim is a CouchDB revision: the job is rewritten to `sending` with `claim.owner` and a lease
 * (`claim.until`) against the revision that was read; a 409 means another process owns it. A job
 * whose lease expired (its owner died) can be claimed again; it is then `resumed`, and the handler
 * re-checks the remote state before sending again (the first send may have reached the platform).
 */
import type { Platform } from '../../src/domain/documents.ts';
import type { OutboundJobDoc, OutboundKind, QueueJobDoc } from '../../src/domain/outbound-documents.ts';
import { isQueueJobId, MAIL_PREFIX, OUTBOUND_PREFIX } from '../../src/domain/outbound-documents.ts';

// The job shapes live in the domain (src/domain/outbound-documents.ts): registers validate and
// project them too (staff see the queue offline).
export type {
  JobClaim, JobState, MailJobDoc, MailKind, MailPayload, OrderEventPayload, OutboundKind, PricePayload, ProductPushField, StockLevelPayload,
} from '../../src/domain/outbound-documents.ts';
export { JOB_STATES, MAIL_PREFIX, OUTBOUND_PREFIX, parsePricePayload, PRODUCT_PUSH_FIELDS, productPushFields } from '../../src/domain/outbound-documents.ts';

export type PlatformJobDoc = OutboundJobDoc;
export type JobDoc = QueueJobDoc;

const SAFE = /[^A-Za-z0-9_.@-]/g;
/** Makes a value safe as one id segment (":" separates segments). */
export function idPart(value: string): string {
  return value.replace(SAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function platformJobId(platform: Platform, kind: OutboundKind, key: string): string {
  return `${OUTBOUND_PREFIX}${platform}:${kind}:${key}`;
}

export function mailJobId(key: string): string {
  return `${MAIL_PREFIX}${key}`;
}

export function isJobId(id: string): boolean {
  return isQueueJobId(id);
}

export function isJobDoc(doc: unknown): doc is JobDoc {
  const d = doc as Partial<JobDoc> | null;
  return !!d && typeof d._id === 'string' && isJobId(d._id) && d.type === 'outbound_job';
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(max, base · 2^(n−1)), so that jobs failing together do not retry in lockstep.
 */
export function backoffDelay(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Whether the job should be picked up now (due, or its owner's lease ran out). */
export function isClaimable(job: JobDoc, nowMs: number): boolean {
  if (job.blocked) return false;
  if (job.state === 'pending' || job.state === 'failed') return Date.parse(job.nextAttemptAt) <= nowMs;
  if (job.state === 'sending') return !job.claim || Date.parse(job.claim.until) <= nowMs;
  return false;
}

/** The instant (ms) from which the job becomes claimable, or null when it never will by itself. */
export function dueAt(job: JobDoc): number | null {
  if (job.blocked) return null;
  if (job.state === 'pending' || job.state === 'failed') return Date.parse(job.nextAttemptAt);
  if (job.state === 'sending') return job.claim ? Date.parse(job.claim.until) : 0;
  return null;
}

export const HISTORY_MAX = 20;

export function withHistory(job: JobDoc, entry: NonNullable<JobDoc['history']>[number]): JobDoc['history'] {
  return [...(job.history ?? []), entry].slice(-HISTORY_MAX);
}
