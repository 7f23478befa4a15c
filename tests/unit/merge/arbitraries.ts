/** fast-check generators of conflicting revisions of one customer profile and one product. */
import fc from 'fast-check';
import type { CustomerDoc, ProductDoc } from '../../../src/domain/documents.ts';
import { formatStamp } from '../../../src/domain/hlc.ts';
import { money } from '../../../src/domain/money.ts';

export const CUSTOMER_ID = 'customer:01ARYZ6S41TSV4RRFFQ69G5FAV';
export const T0 = Date.UTC(2026, 2, 1, 9);
const NODES = ['R1', 'R2', 'R3'];
const FIELDS = ['name', 'email', 'phone', 'address', 'note', 'mergedInto'];

/** Stamps close together, so that equal milliseconds and counters (ties on the device) are common. */
export const stamp = fc
  .record({ ms: fc.integer({ min: 0, max: 5 }), counter: fc.integer({ min: 0, max: 2 }), node: fc.constantFrom(...NODES) })
  .map((h) => formatStamp({ ...h, ms: T0 + h.ms * 60_000 }));

/** Some revisions carry field clocks, some (written before them) none. */
const clock = fc.option(
  fc.record({ base: stamp, fields: fc.dictionary(fc.constantFrom(...FIELDS), stamp, { maxKeys: 4 }) }).map(({ base, fields }) => ({ '*': base, ...fields })),
  { nil: undefined },
);

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const revId = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.stringMatching(/^[0-9a-f]{32}$/)).map(([g, h]) => `${g}-${h}`);
const updatedAt = fc.integer({ min: 0, max: 5 }).map((m) => new Date(T0 + m * 60_000).toISOString());

const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const customerRevision = (rev: string): fc.Arbitrary<CustomerDoc> =>
  fc
    .record({
      name: fc.constantFrom('Marie', 'Marie Curie', 'M. Curie'),
      email: opt(fc.constantFrom('m@x.fr', 'marie@example.fr')),
      phone: opt(fc.constantFrom('+33612345678', '+33698765432')),
      address: opt(fc.constantFrom<string[]>(['1 rue de la Paix', '75002 Paris'], ['3 quai Voltaire'])),
      note: opt(fc.constantFrom('VIP', 'pays par chèque')),
      mergedInto: opt(fc.constant('customer:01ARYZ6S41TSV4RRFFQ69G5FAW')),
      updatedAt,
      clock,
    })
    .map((f) => compact({ _id: CUSTOMER_ID, _rev: rev, type: 'customer' as const, ...f }));

/** 1–5 revisions of the profile with distinct revision ids. */
export const customerRevisions: fc.Arbitrary<CustomerDoc[]> = fc
  .uniqueArray(revId, { minLength: 1, maxLength: 5 })
  .chain((revs) => fc.tuple(...revs.map(customerRevision)));

export type EditedProduct = ProductDoc & { updatedBy?: string };

export const productRevisions: fc.Arbitrary<EditedProduct[]> = fc
  .uniqueArray(revId, { minLength: 1, maxLength: 4 })
  .chain((revs) =>
    fc.tuple(
      ...revs.map((rev) =>
        fc
          .record({
            name: fc.constantFrom('Thé vert', 'Thé vert bio'),
            price: fc.constantFrom(590, 650, 700).map(money),
            barcodes: fc.constantFrom(['3760000000017'], [] as string[]),
            category: fc.constantFrom('épicerie', 'thés'),
            stockTracked: fc.boolean(),
            updatedAt,
            updatedBy: opt(fc.constantFrom('staff:MARC', 'staff:LEA')),
            clock: fc.option(fc.record({ base: stamp, price: stamp, name: stamp }).map(({ base, ...f }) => ({ '*': base, ...f })), { nil: undefined }),
          })
          .map((f): EditedProduct => compact({
            _id: 'product:TEA-9', _rev: rev, type: 'product' as const, sku: 'TEA-9', priceIncludesTax: true, vatRate: 550, currency: 'EUR' as const, ...f,
          })),
      ),
    ),
  );

/** The revisions in every order fast-check likes. */
export function withShuffle<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
}
