/**
 * Where carriers plug in: a courier integration registers itself here and the label dialog offers
 * it. The manual courier is always there (it needs no network, so labels print offline); when the
 * register is offline only couriers that need no network are offered.
 */
import type { Courier } from '../domain/courier.ts';
import { manualCourier } from './manual.ts';

export interface CourierRegistry {
  register(courier: Courier): void;
  get(id: string): Courier | undefined;
  /** Every courier, the manual one first; `online: false` leaves out those needing the network. */
  list(options?: { online?: boolean }): Courier[];
  /** The courier used when none is chosen: the manual one. */
  readonly defaultId: string;
}

export function createCourierRegistry(initial: readonly Courier[] = [manualCourier()]): CourierRegistry {
  const couriers = new Map<string, Courier>();
  const registry: CourierRegistry = {
    defaultId: initial[0]?.id ?? 'manual',
    register(courier) {
      // A second registration of the same id replaces the first (a reconfigured integration).
      couriers.set(courier.id, courier);
    },
    get: (id) => couriers.get(id),
    list: (options = {}) => [...couriers.values()].filter((c) => options.online !== false || !c.online),
  };
  for (const c of initial) registry.register(c);
  return registry;
}

let shared: CourierRegistry | null = null;

/** The page's registry. */
export function couriers(): CourierRegistry {
  shared ??= createCourierRegistry();
  return shared;
}
