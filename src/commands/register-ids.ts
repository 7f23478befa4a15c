/**
 * Ids of the documents a register writes (parked sales, voids, quick products' movements, mail
 * requests): `<prefix>:<registerId>:<ulid>`, from one monotonic ULID generator per page.
 */
import { createUlid } from '../domain/ids.ts';

const nextUlid = createUlid(
  () => Date.now(),
  (n) => crypto.getRandomValues(new Uint8Array(n)),
);

export function registerDocId(prefix: string, registerId: string): string {
  return `${prefix}:${registerId}:${nextUlid()}`;
}
