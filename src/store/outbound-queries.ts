/**
 * The sync server's outbound queue as replicated to this register (ADR 0007): pushes to the web
 * stores (outbound:…) and mails (mail:…), kept by the projection in the registerDocs table (type
 * "outbound_job"), so staff see what did not go out even offline.
 */
import { liveQuery, type Observable } from 'dexie';
import { JOB_STATES, type JobState, type QueueJobDoc } from '../domain/outbound-documents.ts';
import { readModelDb } from './schema.ts';

export interface OutboundQueueView {
  /** Jobs per state (every job, done ones included). */
  counts: Record<JobState, number>;
  /** Jobs that need attention: dead first, then failed; most recently updated first within a state. */
  attention: QueueJobDoc[];
}

const ORDER: Partial<Record<JobState, number>> = { dead: 0, failed: 1 };

/** Counts per state, and the failed and dead jobs to show. */
export function watchOutboundQueue(): Observable<OutboundQueueView> {
  return liveQuery(async () => {
    const rows = (await readModelDb().registerDocs.where('type').equals('outbound_job').toArray()) as unknown as QueueJobDoc[];
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const j of rows) if (j.state in counts) counts[j.state]++;
    const attention = rows
      .filter((j) => j.state === 'dead' || j.state === 'failed')
      .sort((a, b) => (ORDER[a.state] ?? 9) - (ORDER[b.state] ?? 9) || b.updatedAt.localeCompare(a.updatedAt) || a._id.localeCompare(b._id));
    return { counts, attention };
  });
}
