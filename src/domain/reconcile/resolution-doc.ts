/**
 * How staff resolved an oversell task (issue 7): one immutable document per decision,
 *
 *   oversellfix:<registerId>:<ulid>   type 'oversell_resolution'
 *
 * written by the register where it was decided and replicated like every other register document,
 * so that every register shows the task as handled (backordered, stock moved, web line cancelled)
 * without running anything. The stock itself changes through the documents the decision wrote
 * (transfer movements, the order's 'changed' event), never through this one: it is the record of
 * who decided what, when, for which task.
 */
import { describe, fail, integer, isoDate, oneOf, optionalString, string, type Obj } from '../validate-fields.ts';

export const RESOLUTION_ID_PREFIX = 'oversellfix';

export type OversellAction = 'backorder' | 'transfer' | 'cancel_line';
export const OVERSELL_ACTIONS: readonly OversellAction[] = ['backorder', 'transfer', 'cancel_line'];

export interface OversellResolutionDoc {
  _id: string; // oversellfix:<registerId>:<ulid>
  _rev?: string;
  type: 'oversell_resolution';
  registerId: string;
  /** The task's id (`oversell:<sku>@<location>:<trigger id>`): the same on every register. */
  taskId: string;
  sku: string;
  location: string;
  action: OversellAction;
  /** Units backordered, moved in, or removed from the web order. */
  quantity: number;
  /** backorder, cancel_line: the web order (weborder:…) and its number as the customer knows it. */
  orderId?: string;
  orderNumber?: string;
  /** transfer: where the units came from. */
  from?: string;
  /** transfer: the movements' ref (transfer:<registerId>:<ulid>); cancel_line: the order event's id. */
  ref?: string;
  /** The staff member signed in (name as on web-order events, and id). */
  by: string;
  staffId: string;
  at: string;
}

const NEEDS_ORDER: ReadonlySet<OversellAction> = new Set(['backorder', 'cancel_line']);

/** Shape check for validate.ts (throws Invalid with the field's path, as every check there). */
export function checkOversellResolution(o: Obj): OversellResolutionDoc {
  const registerId = string(o, 'registerId', '');
  if (!/^[^:\s]+$/.test(registerId)) fail('registerId', `must contain no ":" or spaces, got ${describe(registerId)}`);
  const start = `${RESOLUTION_ID_PREFIX}:${registerId}:`;
  const id = o['_id'] as string;
  if (!id.startsWith(start) || !/^[^:\s]+$/.test(id.slice(start.length))) fail('_id', `must be "${start}<id>", got ${describe(id)}`);
  const taskId = string(o, 'taskId', '');
  if (!taskId.startsWith('oversell:')) fail('taskId', `must start with "oversell:", got ${describe(taskId)}`);
  string(o, 'sku', '');
  const location = string(o, 'location', '');
  const action = oneOf(o, 'action', '', OVERSELL_ACTIONS);
  integer(o, 'quantity', '', 1);
  optionalString(o, 'orderId', '');
  optionalString(o, 'orderNumber', '');
  optionalString(o, 'from', '');
  optionalString(o, 'ref', '');
  if (NEEDS_ORDER.has(action)) {
    const orderId = string(o, 'orderId', '');
    if (!orderId.startsWith('weborder:')) fail('orderId', `must start with "weborder:", got ${describe(orderId)}`);
  }
  if (action === 'transfer') {
    const from = string(o, 'from', '');
    if (from === location) fail('from', 'must be another location than the task’s');
  }
  string(o, 'by', '');
  string(o, 'staffId', '');
  isoDate(o, 'at', '');
  return o as unknown as OversellResolutionDoc;
}
