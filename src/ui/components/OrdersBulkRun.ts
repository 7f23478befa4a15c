/**
 * Bulk work on orders, one order after the other: each order's own result (done, or refused and
 * why) and the progress while it runs. One at a time on purpose: every step re-reads the order's
 * merged state before writing its event, and the counter sees the count go up.
 */

/** Done (with a note when nothing had to be done, e.g. no label for a pickup), or refused and why. */
export type StepOutcome = { ok: true; note?: string } | { ok: false; message: string };

export interface BulkOutcome {
  id: string;
  number: string;
  ok: boolean;
  message?: string;
  note?: string;
}

export interface BulkProgress {
  done: number;
  total: number;
  outcomes: BulkOutcome[];
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function asOutcome(item: { id: string; number: string }, outcome: StepOutcome): BulkOutcome {
  if (!outcome.ok) return { id: item.id, number: item.number, ok: false, message: outcome.message };
  return { id: item.id, number: item.number, ok: true, ...(outcome.note !== undefined ? { note: outcome.note } : {}) };
}

export async function runEach(
  items: ReadonlyArray<{ id: string; number: string }>,
  step: (id: string) => Promise<StepOutcome>,
  onProgress: (p: BulkProgress) => void = () => undefined,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  onProgress({ done: 0, total: items.length, outcomes: [] });
  for (const item of items) {
    let outcome: StepOutcome;
    try {
      outcome = await step(item.id);
    } catch (e) {
      // One order failing never stops the others: it is reported with the rest.
      outcome = { ok: false, message: messageOf(e) };
    }
    outcomes.push(asOutcome(item, outcome));
    onProgress({ done: outcomes.length, total: items.length, outcomes: [...outcomes] });
  }
  return outcomes;
}

/** How many were done and refused. */
export function tally(outcomes: readonly BulkOutcome[]): { ok: number; refused: number } {
  const ok = outcomes.filter((o) => o.ok).length;
  return { ok, refused: outcomes.length - ok };
}
