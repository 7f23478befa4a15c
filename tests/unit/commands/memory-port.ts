// An in-memory SyncPort: what the commands see of the sync worker, without PouchDB.
import type { SaleDoc, StoreDoc } from '../../../src/domain/documents.ts';
import type { ZReportDoc } from '../../../src/domain/register-documents.ts';
import type { CommitResult, Pairing, SyncPort, SyncStatus } from '../../../src/store/sync-port.ts';

export class MemoryPort implements SyncPort {
  docs = new Map<string, StoreDoc>();
  started: Pairing[] = [];
  /** Ids that "another register" takes just before our commit lands (to provoke conflicts). */
  stealOnCommit: string[] = [];
  commitDelayMs = 0;
  failWith: Error | null = null;

  async start(pairing: Pairing): Promise<void> {
    this.started.push(pairing);
  }
  async stop(): Promise<void> {}
  async commit(doc: StoreDoc): Promise<CommitResult> {
    if (this.commitDelayMs > 0) await new Promise((r) => setTimeout(r, this.commitDelayMs));
    if (this.failWith) throw this.failWith;
    const stolen = this.stealOnCommit.indexOf(doc._id);
    if (stolen >= 0) {
      this.stealOnCommit.splice(stolen, 1);
      this.docs.set(doc._id, { ...doc, _rev: '1-other' });
    }
    if (this.docs.has(doc._id)) throw Object.assign(new Error(`${doc._id} exists`), { name: 'ConflictError' });
    this.docs.set(doc._id, doc);
    return { id: doc._id, rev: `1-${this.docs.size}` };
  }
  removed: string[] = [];
  async remove(id: string, rev?: string): Promise<CommitResult> {
    const doc = this.docs.get(id);
    if (doc === undefined || (rev !== undefined && doc._rev !== rev)) throw Object.assign(new Error(`${id} is gone`), { name: 'ConflictError' });
    this.docs.delete(id);
    this.removed.push(id);
    return { id, rev: `2-deleted` };
  }
  async lastReceiptNumber(registerId: string): Promise<number> {
    const prefix = `sale:${registerId}:`;
    const numbers = [...this.docs.keys()].filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
    return Math.max(0, ...numbers);
  }
  async lastZNumber(registerId: string): Promise<number> {
    const prefix = `z:${registerId}:`;
    const numbers = [...this.docs.keys()].filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
    return Math.max(0, ...numbers);
  }
  async lastJournalEntry(registerId: string): Promise<SaleDoc | ZReportDoc | null> {
    const entries = [...this.docs.values()].filter(
      (d): d is SaleDoc | ZReportDoc => (d.type === 'sale' || d.type === 'z_report') && d.registerId === registerId && d.journal !== undefined,
    );
    entries.sort((a, b) => (b.journal?.seq ?? 0) - (a.journal?.seq ?? 0));
    return entries[0] ?? null;
  }
  /** Called when a command waits for the read model; tests project into Dexie themselves when they need it. */
  onCaughtUp: () => Promise<void> = async () => {};
  async readModelCaughtUp(): Promise<void> {
    await this.onCaughtUp();
  }
  async status(): Promise<SyncStatus> {
    return { state: 'online', pending: 0, lastSyncedAt: null, message: null };
  }
  online = true;
  async networkChanged(online: boolean): Promise<void> {
    this.online = online;
  }
  async rebuildReadModel(): Promise<{ documents: number }> {
    return { documents: this.docs.size };
  }
}
