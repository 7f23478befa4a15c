/**
 * The `clock` of a mutable document (field-clock.ts), checked like any other replicated field: an
 * object of field name → hybrid-logical-clock stamp. Absent is fine (documents written before field
 * clocks existed); a malformed stamp is refused, since the merge would otherwise compare garbage.
 */
import { BASE_STAMP } from './field-clock.ts';
import { isHlcStamp } from './hlc.ts';
import { describe, fail, object } from './validate-fields.ts';
import type { Obj } from './validate-fields.ts';

/** Enough for every field of a profile or a product, small enough to keep a document small. */
const MAX_ENTRIES = 64;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function optionalFieldClock(o: Obj): void {
  if (o['clock'] === undefined) return;
  const clock = object(o['clock'], 'clock');
  const entries = Object.entries(clock);
  if (entries.length > MAX_ENTRIES) fail('clock', `must hold at most ${MAX_ENTRIES} stamps, got ${entries.length}`);
  for (const [field, stamp] of entries) {
    if (field !== BASE_STAMP && !FIELD_NAME.test(field)) fail('clock', `${describe(field)} is not a field name`);
    if (!isHlcStamp(stamp)) {
      fail(`clock.${field}`, `must be a clock stamp "<13-digit ms>-<5-digit counter>-<device id>", got ${describe(stamp)}`);
    }
  }
}
