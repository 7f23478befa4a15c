/**
 * Completes a sale: pairing + store settings + next receipt number → domain buildSale → replica.
 * Success is reported only once the replica write resolved (the sale is durable in IndexedDB), so a
 * receipt is never printed for a sale that does not exist (guarantee 1).
 */
import type { Tender } from '../domain/documents.ts';
import { nextReceiptNumber } from '../domain/receipt-number.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { buildSale, type CartLine, type SaleRefusal } from '../domain/sale.ts';
import type { SaleDoc } from '../domain/documents.ts';
import { getPairing, getStoreSettings } from '../store/queries.ts';
import type { Pairing, SyncPort } from '../store/sync-port.ts';
import type { StoreSettingsRow } from '../store/schema.ts';
import { withDefaults, type CommandDeps } from './deps.ts';

export interface CompleteSaleInput {
  cart: readonly CartLine[];
  tenders: readonly Tender[];
  cashier: string;
}

export type CompleteSaleRefusal =
  | SaleRefusal
  | { kind: 'not_paired' }
  | { kind: 'no_store_settings' }
  /** Another sale took the number twice in a row: nothing was saved, the cashier can try again. */
  | { kind: 'receipt_conflict'; receiptNumber: number }
  /** The device could not save (storage full, replica closed…): nothing was saved. */
  | { kind: 'not_saved'; message: string };

// One sale at a time: two quick "Pay" taps must not both read the same last receipt number.
let queue: Promise<unknown> = Promise.resolve();

export function completeSale(
  input: CompleteSaleInput,
  deps?: Partial<CommandDeps>,
): Promise<Result<SaleDoc, CompleteSaleRefusal>> {
  const run = queue.then(() => completeSaleNow(input, withDefaults(deps)));
  queue = run.catch(() => undefined);
  return run;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConflictError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function completeSaleNow(input: CompleteSaleInput, deps: CommandDeps): Promise<Result<SaleDoc, CompleteSaleRefusal>> {
  const [pairing, settings] = await Promise.all([getPairing(), getStoreSettings()]);
  if (pairing === null) return err({ kind: 'not_paired' });
  if (settings === undefined) return err({ kind: 'no_store_settings' });
  const port = deps.port();
  const last = await port.lastReceiptNumber(pairing.registerId);

  const first = await attempt(port, input, pairing, settings, nextReceiptNumber(last), deps.now());
  if (first.kind !== 'conflict') return first.result;
  // The number was taken (e.g. a sale replicated back from a restored backup): once more, past both.
  const latest = await port.lastReceiptNumber(pairing.registerId);
  const second = await attempt(port, input, pairing, settings, nextReceiptNumber(Math.max(latest, first.receiptNumber)), deps.now());
  if (second.kind !== 'conflict') return second.result;
  return err({ kind: 'receipt_conflict', receiptNumber: second.receiptNumber });
}

type Attempt = { kind: 'done'; result: Result<SaleDoc, CompleteSaleRefusal> } | { kind: 'conflict'; receiptNumber: number };

async function attempt(
  port: SyncPort,
  input: CompleteSaleInput,
  pairing: Pairing,
  settings: StoreSettingsRow,
  receiptNumber: number,
  now: Date,
): Promise<Attempt> {
  const built = buildSale({
    storeId: pairing.storeId,
    registerId: pairing.registerId,
    receiptNumber,
    createdAt: now.toISOString(),
    cashier: input.cashier,
    currency: settings.currency,
    location: settings.defaultLocation,
    lines: input.cart,
    tenders: input.tenders,
  });
  if (!built.ok) return { kind: 'done', result: built };
  try {
    const { rev } = await port.commit(built.value);
    return { kind: 'done', result: ok({ ...built.value, _rev: rev }) };
  } catch (error) {
    if (isConflict(error)) return { kind: 'conflict', receiptNumber };
    return { kind: 'done', result: err({ kind: 'not_saved', message: messageOf(error) }) };
  }
}
