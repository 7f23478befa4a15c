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

/** A store's link to a web platform (sync-server/platforms/links.ts). Secrets stay in this file. */
export interface PlatformLinkRecord {
  storeId: string;
  platform: 'shopify' | 'woocommerce' | 'bigcommerce';
  /** Shop identifier used in web order ids (no ":"), e.g. "demo-shop.myshopify.com". */
  shop: string;
  /** API base URL, e.g. "https://demo-shop.myshopify.com/admin/api/2025-01". */
  apiUrl: string;
  /** API credentials (accessToken, or consumerKey + consumerSecret). */
  credentials: Record<string, string>;
  webhookSecret: string;
  updatedAt: string;
}

/** A network printer of a store (raw TCP, usually port 9100), configured by the admin. */
export interface PrinterRecord {
  storeId: string;
  printerId: string;
  name: string;
  host: string;
  port: number;
  updatedAt: string;
}

export interface SystemData {
  version: 1;
  stores: StoreRecord[];
  registers: RegisterRecord[];
  pairingCodes: PairingCodeRecord[];
  /** Absent in files written before the platform links existed. */
  platformLinks?: PlatformLinkRecord[];
  /** Network receipt printers per store (sync-server/printers/): the only addresses the relay reaches. */
  printers?: PrinterRecord[];
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
