/** The oversell section's words (FR/EN) and its refusals as sentences. */
import type { ResolutionRefusal } from '../../commands/oversell-resolution.ts';
import { lang } from '../i18n/index.ts';
import { oversellEn } from '../i18n/oversell.en.ts';
import { oversellFr } from '../i18n/oversell.fr.ts';
import { problemText } from './StockCommon.tsx';
import { orderRefusalText } from './OrderShared.tsx';

export const s = (): typeof oversellFr => (lang() === 'en' ? oversellEn : oversellFr);

/** A refused resolution, in words; `placeName` names a location. */
export function resolutionRefusalText(r: ResolutionRefusal, placeName: (id: string) => string = (id) => id): string {
  switch (r.kind) {
    case 'not_paired':
      return s().notPaired;
    case 'not_signed_in':
      return s().notSignedIn;
    case 'bad_quantity':
      return s().badQuantity(r.max);
    case 'source_short':
      return r.available <= 0 ? s().moveNoSource : s().sourceShort(placeName(r.location), r.available);
    case 'plan':
      return r.refusal.kind === 'not_paired' ? s().notPaired : r.refusal.problems.map(problemText).join(' ');
    case 'cancel_blocked':
      return s().blocked[r.block.kind];
    case 'order':
      return orderRefusalText(r.refusal);
    case 'not_saved':
      return s().notSaved(r.message);
  }
}
