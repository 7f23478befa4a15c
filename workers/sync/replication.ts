/**
 * Live two-way replication between the replica and `${serverUrl}/db/${dbName}`. This module only
 * wires PouchDB and classifies what it reports; deciding what to do (offline, error, outbox states)
 * belongs to the sync service.
 */
import PouchDB from 'pouchdb-browser';
import type { StoreDoc } from '../../src/domain/documents.ts';
import type { Pairing } from '../../src/store/sync-port.ts';
import { backOff } from './health.ts';
import { bearerFetch, describeError } from './server-answers.ts';
import type { Replica } from './replica-ops.ts';

export type Remote = PouchDB.Database<StoreDoc>;

export function remoteUrl(pairing: Pick<Pairing, 'serverUrl' | 'dbName'>): string {
  return `${pairing.serverUrl}/db/${encodeURIComponent(pairing.dbName)}`;
}

/** skip_setup: the server owns database creation; a register must never try to PUT the database. */
export function openRemote(pairing: Pairing): Remote {
  return new PouchDB<StoreDoc>(remoteUrl(pairing), {
    skip_setup: true,
    fetch: bearerFetch(pairing.token) as PouchDB.Core.Options['fetch'],
  });
}

/** A document the server refused to take (per-document, e.g. 'forbidden' from validation). */
export interface Refusal {
  id: string;
  reason: string;
}

export interface ReplicationEvents {
  /** Pushed documents the server accepted (id + rev). */
  pushed(docs: { id: string; rev: string }[]): void;
  pulled(count: number): void;
  refused(refusals: Refusal[]): void;
  active(): void;
  /** Caught up and idle (error undefined), or waiting to retry after an error. */
  paused(error: unknown): void;
  failed(error: unknown): void;
}

export interface Replication {
  cancel(): void;
}

function refusalOf(item: unknown): Refusal | null {
  if (typeof item !== 'object' || item === null) return null;
  const e = item as { id?: unknown; reason?: unknown; message?: unknown; name?: unknown; doc?: unknown };
  if (typeof e.id === 'string') {
    // Per-document errors carry the server's words in `reason`; their HTTP status is PouchDB's guess.
    const text = [e.reason, e.message].find((v) => typeof v === 'string' && v !== '');
    const name = typeof e.name === 'string' && e.name !== '' ? `${e.name}: ` : '';
    return { id: e.id, reason: text === undefined ? describeError(e) : `${name}${String(text)}` };
  }
  return e.doc !== undefined ? refusalOf(e.doc) : null;
}

/**
 * Two one-way live replications rather than PouchDB's sync(): sync() drops the error argument of
 * 'paused' and does not forward 'requestError', and without them an idle register whose server
 * vanished would look online forever.
 */
export function startReplication(replica: Replica, remote: Remote, on: ReplicationEvents): Replication {
  const options: PouchDB.Replication.ReplicateOptions = {
    live: true,
    retry: true,
    back_off_function: backOff,
    batch_size: 200,
  };
  const push = replica.replicate.to(remote, options);
  const pull = replica.replicate.from(remote, options);
  const idle = { push: false, pull: false };

  push.on('change', (change) => {
    on.pushed((change.docs ?? []).map((d) => ({ id: d._id, rev: d._rev })));
    const refusals = (change.errors ?? []).map(refusalOf).filter((r): r is Refusal => r !== null);
    if (refusals.length > 0) on.refused(refusals);
  });
  pull.on('change', (change) => on.pulled(change.docs?.length ?? 0));
  // 'denied' fires per refused document during a push batch (its 'change' lists it in errors too).
  push.on('denied', (item) => {
    const r = refusalOf(item);
    if (r !== null) on.refused([r]);
  });
  for (const [direction, rep] of [['push', push], ['pull', pull]] as const) {
    rep.on('active', () => {
      idle[direction] = false;
      on.active();
    });
    rep.on('paused', (error) => {
      if (error) return on.paused(error);
      idle[direction] = true;
      if (idle.push && idle.pull) on.paused(undefined);
    });
    // Every failed request while retrying, including those of an idle live feed ('paused' is not re-emitted).
    (rep as unknown as { on(event: 'requestError', listener: (error: unknown) => void): void }).on('requestError', (error) =>
      on.paused(error),
    );
    rep.on('error', (error) => on.failed(error));
    // The replication is also a promise; its rejection is reported through 'error' already.
    void Promise.resolve(rep).catch(() => undefined);
  }
  return {
    cancel: () => {
      push.cancel();
      pull.cancel();
    },
  };
}
