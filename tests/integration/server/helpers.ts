/** Shared helpers for the sync-server integration tests: client replicas and valid documents. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb';
import type { Pairing } from '../../support/server.ts';

/** A PouchDB constructor whose databases live in a fresh temp dir (LevelDB). */
export function clientPouch(): { Pouch: PouchDB.Static; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-client-'));
  const Pouch = PouchDB.defaults({ prefix: `${dir}/` } as PouchDB.Configuration.DatabaseConfiguration) as unknown as PouchDB.Static;
  return { Pouch, dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

type FetchFn = (url: string | Request, opts?: RequestInit) => Promise<Response>;

/** The register's handle on its store database: Bearer token added by `fetch`, no setup requests. */
export function remoteDb(pairing: Pairing, token = pairing.token): PouchDB.Database<object> {
  const pouchFetch = (PouchDB as unknown as { fetch: FetchFn }).fetch;
  return new PouchDB(`${pairing.serverUrl}/db/${pairing.dbName}`, {
    skip_setup: true,
    fetch: (url: string | Request, opts?: RequestInit) => {
      const headers = opts?.headers as Headers;
      headers.set('Authorization', `Bearer ${token}`);
      return pouchFetch(url, opts);
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/** A sale that passes parseStoreDoc: 2 × 2,50 € at 5,5 %, paid 5,00 € cash. */
export function saleDoc(storeId: string, registerId: string, n: number): Record<string, unknown> {
  return {
    _id: `sale:${registerId}:${String(n).padStart(8, '0')}`,
    type: 'sale',
    storeId,
    registerId,
    receiptNumber: n,
    receiptLabel: `R-${registerId.toUpperCase()}-${String(n).padStart(6, '0')}`,
    createdAt: '2026-01-05T10:00:00.000Z',
    cashier: 'Marie',
    currency: 'EUR',
    lines: [{ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", quantity: 2, unitPrice: 250, vatRate: 550, total: 500 }],
    tenders: [{ kind: 'cash', amount: 500 }],
    totals: { net: 474, vat: 26, gross: 500, tendered: 500, change: 0 },
    vatBreakdown: [{ rate: 550, net: 474, vat: 26, gross: 500 }],
    location: 'shop',
  };
}

export function customerDoc(suffix: string): Record<string, unknown> {
  return { _id: `customer:01KDZ2CN80QD9MK2F0M5ZNQ${suffix}`, type: 'customer', name: 'Camille Martin', updatedAt: '2026-01-05T10:00:00.000Z' };
}

export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}
