/** Sentences for the shift commands' refusals (ShiftCommandRefusal), in the UI language. */
import type { ShiftCommandRefusal } from './actions.ts';
import { t } from './i18n/index.ts';

export function describeShiftRefusal(r: ShiftCommandRefusal): string {
  const m = t().shift.refusals;
  switch (r.kind) {
    case 'z_conflict':
      return m.z_conflict(r.zNumber);
    case 'not_saved':
      return m.not_saved(r.message);
    default:
      return m[r.kind];
  }
}
