/**
 * Park a cart (put it aside, e.g. a customer fetching their wallet) and resume it later, on this
 * register or any other of the store: the cart is saved as parked:<registerId>:<ulid>; resuming loads
 * it and deletes the document through the port (a tombstone that replicates), so a parked sale is
 * resumed once: a second resume of the same one is refused as 'already_resumed'.
 */
import { cartSummary, parseCart, type Cart } from '../domain/cart.ts';
import type { ParkedSaleDoc } from '../domain/register-documents.ts';
import { money } from '../domain/money.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { getParkedSale } from '../store/parked-queries.ts';
import { getPairing } from '../store/queries.ts';
import { withDefaults, type CommandDeps } from './deps.ts';
import { registerDocId } from './register-ids.ts';
import { currentStaff, type StaffSession } from './session.ts';

export type ParkRefusal =
  | { kind: 'not_paired' }
  | { kind: 'empty_cart' }
  | { kind: 'not_signed_in' }
  | { kind: 'not_saved'; message: string };

export type ResumeRefusal =
  | { kind: 'not_found' }
  /** Another register (or another tap) resumed it first. */
  | { kind: 'already_resumed' }
  | { kind: 'invalid_cart'; message: string }
  | { kind: 'not_saved'; message: string };

export interface ParkDeps extends CommandDeps {
  currentStaff: () => Promise<StaffSession | null>;
}

function parkDeps(deps?: Partial<ParkDeps>): ParkDeps {
  return { currentStaff, ...withDefaults(deps), ...deps } as ParkDeps;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isConflict = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConflictError';

export async function parkSale(input: { cart: Cart; label: string }, partial?: Partial<ParkDeps>): Promise<Result<ParkedSaleDoc, ParkRefusal>> {
  const deps = parkDeps(partial);
  const pairing = await getPairing();
  if (pairing === null) return err({ kind: 'not_paired' });
  if (input.cart.items.length === 0) return err({ kind: 'empty_cart' });
  const staff = await deps.currentStaff();
  if (staff === null) return err({ kind: 'not_signed_in' });
  const summary = cartSummary(input.cart);
  const doc: ParkedSaleDoc = {
    _id: registerDocId('parked', pairing.registerId),
    type: 'parked_sale',
    registerId: pairing.registerId,
    parkedAt: deps.now().toISOString(),
    parkedBy: staff.name,
    label: input.label.trim(),
    cart: JSON.parse(JSON.stringify(input.cart)) as unknown,
    total: summary.ok ? summary.value.gross : money(0),
  };
  if (input.cart.customerId) doc.customerId = input.cart.customerId;
  try {
    const { rev } = await deps.port().commit(doc);
    return ok({ ...doc, _rev: rev });
  } catch (e) {
    return err({ kind: 'not_saved', message: messageOf(e) });
  }
}

/** Loads a parked cart and deletes the parked document; the cart comes back only if the deletion held. */
export async function resumeParkedSale(id: string, deps?: Partial<CommandDeps>): Promise<Result<Cart, ResumeRefusal>> {
  const d = withDefaults(deps);
  const parked = await getParkedSale(id);
  if (parked === undefined) return err({ kind: 'not_found' });
  const cart = parseCart(parked.cart);
  if (!cart.ok) return err({ kind: 'invalid_cart', message: cart.error });
  try {
    await d.port().remove(id);
  } catch (e) {
    if (isConflict(e)) return err({ kind: 'already_resumed' });
    return err({ kind: 'not_saved', message: messageOf(e) });
  }
  return ok(cart.value);
}
