/**
 * Journal writes. Every sale, refund and Z report of this register is linked to the one before it
 * (domain/journal.ts); two writes that both read the same "last entry" would fork the chain, so every
 * command that writes a journal entry runs its read-number-link-commit inside journalSerial:
 *
 *   journalSerial(async () => { number = last + 1; doc = build(…); doc = await linkToJournal(doc); await port.commit(doc); })
 */
import type { SaleDoc } from '../domain/documents.ts';
import { nextJournalLink } from '../domain/journal.ts';
import type { ZReportDoc } from '../domain/register-documents.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every journal write queued before it; a failed task does not block the next. */
export function journalSerial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The document with its journal link set after the register's last entry (read through the port from
 * the replica, so it is right even before the read model caught up). Any previous link on `doc` is
 * replaced: a retry with another receipt number links again.
 */
export async function linkToJournal<D extends SaleDoc | ZReportDoc>(doc: D, deps?: Partial<CommandDeps>): Promise<D> {
  const port = withDefaults(deps).port();
  const last = await port.lastJournalEntry(doc.registerId);
  const { journal: _old, ...rest } = doc;
  const bare = rest as D;
  const journal = await nextJournalLink(last?.journal ?? null, bare);
  return { ...bare, journal };
}
