/**
 * Server-private data: stores, registers, hashed register tokens, hashed pairing codes.
 * Kept in one JSON file under DATA_DIR (never a PouchDB database, so it can never be reached through
 * the CouchDB API at /db), rewritten atomically: write a temporary file, fsync, rename, fsync the
 * directory. Writes are serialised; reads come from memory. The data is small (a chain has hundreds
 * of registers, not millions).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StoreRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface RegisterRecord {
  id: string;
  storeId: string;
  name: string;
  createdAt: string;
  /** SHA-256 (hex) of the current bearer token; null until paired. */
  tokenHash: string | null;
  pairedAt: string | null;
}

export interface PairingCodeRecord {
  /** SHA-256 (hex) of the normalised code. */
  codeHash: string;
  registerId: string;
  storeId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SystemData {
  version: 1;
  stores: StoreRecord[];
  registers: RegisterRecord[];
  pairingCodes: PairingCodeRecord[];
}

export const SYSTEM_FILE = 'comptoir-system.json';

function empty(): SystemData {
  return { version: 1, stores: [], registers: [], pairingCodes: [] };
}

export class SystemStore {
  private data: SystemData;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    data: SystemData,
  ) {
    this.data = data;
  }

  static open(dataDir: string): SystemStore {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, SYSTEM_FILE);
    let data = empty();
    let text: string | null = null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text !== null) {
      try {
        const parsed = JSON.parse(text) as Partial<SystemData>;
        if (parsed.version !== 1 || !Array.isArray(parsed.stores) || !Array.isArray(parsed.registers) || !Array.isArray(parsed.pairingCodes)) {
          throw new Error('unexpected shape');
        }
        data = parsed as SystemData;
      } catch (err) {
        throw new Error(`The system file ${file} is unreadable (${(err as Error).message}); restore it from a backup or move it away.`, { cause: err });
      }
    }
    return new SystemStore(file, data);
  }

  /** A read-only view of the current data. */
  get snapshot(): Readonly<SystemData> {
    return this.data;
  }

  /** Applies `change` to a copy, persists it atomically, then makes it current. Serialised. */
  mutate<T>(change: (draft: SystemData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const draft = structuredClone(this.data);
      const result = change(draft);
      await this.persist(draft);
      this.data = draft;
      return result;
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async persist(data: SystemData): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const handle = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, this.file);
    try {
      const dir = await fs.promises.open(path.dirname(this.file), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // Directory fsync is not supported everywhere; the rename itself is atomic.
    }
  }

  /** Waits for pending writes. */
  async flush(): Promise<void> {
    await this.chain;
  }
}
