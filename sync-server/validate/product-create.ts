/**
 * Registers may CREATE products (a manager's "quick product" for an unknown barcode, issue 3) but never
 * change or delete one: the catalogue is the server's. Creation-only is enforced by register-writes.ts
 * (a product id that already exists is refused like an immutable document); this checks the document.
 */
import { parseStoreDoc } from '../../src/domain/validate.ts';
import type { Check } from './store-doc.ts';

export function isProductId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith('product:');
}

export function checkProductCreate(doc: unknown): Check {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, reason: 'a document must be a JSON object' };
  const o = doc as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key.startsWith('_') && !['_id', '_rev', '_revisions', '_deleted'].includes(key)) {
      return { ok: false, reason: `registers may not write the special field ${key}` };
    }
  }
  if (o['_deleted'] === true) return { ok: false, reason: 'registers may create products but never delete one' };
  if (o['type'] !== 'product') return { ok: false, reason: `type: must be "product" for this id, got ${JSON.stringify(o['type'])}` };
  const parsed = parseStoreDoc(o);
  return parsed.ok ? { ok: true } : { ok: false, reason: parsed.error };
}
