import type { JSX } from 'solid-js';
import { watchCustomer } from '../../store/customer-queries.ts';
import { live } from '../reactive.ts';

/** A customer's name, live (a profile absorbed by a merge shows the surviving profile's name). */
export function CustomerName(props: { id: string }): JSX.Element {
  const customer = live(() => watchCustomer(props.id), undefined);
  const survivor = live(() => watchCustomer(customer.value()?.mergedInto ?? ''), undefined);
  return <>{survivor.value()?.name ?? customer.value()?.name ?? '…'}</>;
}
