/**
 * What the order detail screen and its dialogs share (issue 6): refusal sentences, location and
 * processor names, and the manager override a step needs (a flagged order handed over, a part
 * packed before its pick is complete).
 */
import type { JSX } from 'solid-js';
import type { OverrideAction } from '../../domain/register-documents.ts';
import type { RefusalDetail } from '../i18n/order-detail-history.fr.ts';
import { t } from '../i18n/index.ts';
import { describeRefusal } from '../refusals.ts';
import type { StoreSettingsRow } from '../types.ts';
import { requestManagerOverride } from './ManagerOverride.tsx';

/** The override every web-order step asks for (its reason says which step). */
export const ORDER_OVERRIDE_ACTION: OverrideAction = 'web_order_step';

/** A command's refusal as a sentence: the order's own kinds, else the sale's (balance), else its kind. */
export function orderRefusalText(r: unknown): string {
  if (typeof r === 'object' && r !== null && typeof (r as { kind?: unknown }).kind === 'string') {
    // A carrier's refusal comes wrapped with the order it was about.
    const inner = (r as { kind: string; refusal?: unknown }).kind === 'courier' ? (r as { refusal?: unknown }).refusal : undefined;
    if (inner !== undefined) return orderRefusalText(inner);
    const known = t().orderDetail.refusal(r as RefusalDetail);
    if (known !== null) return known;
  }
  return describeRefusal(r);
}

/** A location's name from the store settings (its id when unknown). */
export function placeName(id: string | undefined, settings: StoreSettingsRow | undefined): string {
  if (id === undefined) return '';
  return settings?.locations?.find((l) => l.id === id)?.name ?? id;
}

/** The locations the shop prepares orders from (at least the default one). */
export function shopLocations(settings: StoreSettingsRow | undefined): Array<{ id: string; name: string }> {
  const listed = settings?.locations ?? [];
  if (listed.length > 0) return listed;
  const id = settings?.defaultLocation ?? 'shop';
  return [{ id, name: id }];
}

export function processorName(p: string | undefined): string {
  if (p === undefined || p === '') return '';
  return t().orderDetail.processors[p.toLowerCase()] ?? p;
}

export interface OverrideGrant {
  override: true;
  overrideId: string;
}

/** Asks for a manager (ManagerOverride); null when refused or cancelled. */
export async function orderOverride(orderId: string, what: string): Promise<OverrideGrant | null> {
  const message = t().orderDetail.common.managerMessage(what);
  const doc = await requestManagerOverride(ORDER_OVERRIDE_ACTION, { ref: orderId, message, reason: what });
  return doc === null ? null : { override: true, overrideId: doc._id };
}

/** A modal shell: Escape closes, the form submits on Enter. */
export function OrderDialog(props: {
  title: string;
  testId: string;
  wide?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: JSX.Element;
}): JSX.Element {
  return (
    <div class="overlay" role="presentation">
      <form
        class="panel dialog order-dialog"
        classList={{ wide: props.wide === true }}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <h2>{props.title}</h2>
        {props.children}
      </form>
    </div>
  );
}

/** Close + confirm buttons of a dialog, with the error line above them. */
export function DialogActions(props: { error: string | null; busy: boolean; confirm: string; confirmTestId: string; danger?: boolean; onClose: () => void }): JSX.Element {
  return (
    <>
      <p class="inline-error" role="alert" data-testid="order-dialog-error">
        {props.error ?? ''}
      </p>
      <div class="panel-actions">
        <button type="button" class="btn secondary" data-testid="order-dialog-close" disabled={props.busy} onClick={() => props.onClose()}>
          {t().orderDetail.common.cancel} <kbd>{t().keys.esc}</kbd>
        </button>
        <button type="submit" class="btn big primary" classList={{ danger: props.danger === true }} data-testid={props.confirmTestId} disabled={props.busy}>
          {props.confirm} <kbd>{t().keys.enter}</kbd>
        </button>
      </div>
    </>
  );
}
