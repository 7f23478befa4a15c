/**
 * The order detail's guarded steps: each one asks a manager first when the order needs it (a part
 * packed before its pick is complete, a flagged order handed over or shipped, a step before
 * packing), then runs the command. The balance check happens before (the screen opens "take the
 * balance" instead); the command refuses anyway if it is still due.
 */
import type { LocationPart, OrderState } from '../../domain/web-order-types.ts';
import { markPacked, markPickedUp, markReadyForPickup, markShipped } from '../actions.ts';
import { t } from '../i18n/index.ts';
import { orderOverride, orderRefusalText, type OverrideGrant } from './OrderShared.tsx';
import type { ShipInput } from './OrderShipDialog.tsx';

/** What a step resolved to: null when done, else the sentence to show. */
export type StepOutcome = string | null;

type Need = 'pack' | 'flagged' | 'notPacked';

async function grant(orderId: string, needs: Need[]): Promise<OverrideGrant | Record<string, never> | null> {
  if (needs.length === 0) return {};
  const what = needs.map((n) => t().orderDetail.flash.overrideNeeded[n]).join(' ; ');
  return orderOverride(orderId, what);
}

function outcome(r: { ok: true } | { ok: false; error: unknown }): StepOutcome {
  return r.ok ? null : orderRefusalText(r.error);
}

const refused = (): StepOutcome => t().orderDetail.common.managerRefused;

/** Packs the part (the whole order when not split); a manager decides when its pick is not complete. */
export async function packPart(state: OrderState, part: LocationPart | undefined): Promise<StepOutcome> {
  const incomplete = (part?.lines ?? state.lines).some((l) => l.picked < l.ordered);
  const g = await grant(state.orderId, incomplete ? ['pack'] : []);
  if (g === null) return refused();
  const location = state.parts.length > 1 && part ? { location: part.location } : {};
  return outcome(await markPacked(state.orderId, { ...location, ...g }));
}

export async function readyForPickup(state: OrderState): Promise<StepOutcome> {
  const g = await grant(state.orderId, state.status === 'packed' ? [] : ['notPacked']);
  if (g === null) return refused();
  return outcome(await markReadyForPickup(state.orderId, 'override' in g ? { override: true } : {}));
}

/** The customer takes the order: needs it paid (checked before), a manager when flagged or not packed. */
export async function handOver(state: OrderState): Promise<StepOutcome> {
  const needs: Need[] = [];
  if (state.flagged) needs.push('flagged');
  if (state.status !== 'packed' && state.status !== 'ready_for_pickup') needs.push('notPacked');
  const g = await grant(state.orderId, needs);
  if (g === null) return refused();
  return outcome(await markPickedUp(state.orderId, g));
}

/** One parcel leaves: a manager when the order is flagged or the part is not packed yet. */
export async function shipParcel(state: OrderState, input: ShipInput): Promise<StepOutcome> {
  const part = state.parts.find((p) => p.location === input.location) ?? state.parts[0];
  const needs: Need[] = [];
  if (state.flagged) needs.push('flagged');
  if (part && part.status !== 'packed' && part.status !== 'partially_shipped') needs.push('notPacked');
  const g = await grant(state.orderId, needs);
  if (g === null) return refused();
  return outcome(await markShipped(state.orderId, { ...input, ...g }));
}
