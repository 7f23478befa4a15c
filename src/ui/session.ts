/**
 * App-wide state read from the named queries (pairing, sync status, store settings, persistence
 * answer), and the start-up sequence: only the tab that owns the register lock asks for persistent
 * storage and starts the sync.
 */
import { createEffect, createRoot, on } from 'solid-js';
import {
  watchPairing,
  watchPersistence,
  watchStoreSettings,
  watchSyncStatus,
} from '../store/queries.ts';
import type { Pairing, SyncStatus } from '../store/sync-port.ts';
import { live } from './reactive.ts';
import { setCurrency } from './i18n/index.ts';
import { acquireRegisterLock, registerLockState } from './register-lock.ts';
import { requestPersistence, startSync, stopSync } from './actions.ts';
import type { PersistenceAnswer, StoreSettingsRow } from './types.ts';

const INITIAL_STATUS: SyncStatus = { state: 'connecting', pending: 0, lastSyncedAt: null, message: null };

export const session = createRoot(() => {
  const pairing = live<Pairing | null>(() => watchPairing(), null);
  const status = live<SyncStatus>(() => watchSyncStatus(), INITIAL_STATUS);
  const settings = live<StoreSettingsRow | undefined>(() => watchStoreSettings(), undefined);
  const persistence = live<PersistenceAnswer | null>(() => watchPersistence(), null);

  createEffect(() => {
    const s = settings.value();
    if (s?.currency) setCurrency(s.currency);
  });

  return { pairing, status, settings, persistence };
});

/** Pairing once known: undefined while loading, null when unpaired. */
export function currentPairing(): Pairing | null | undefined {
  return session.pairing.ready() ? session.pairing.value() : undefined;
}

let started = false;

/** Runs once from main.tsx: elects the register tab, then asks for persistence and starts sync. */
export function startSession(): void {
  if (started) return;
  started = true;
  acquireRegisterLock();
  createRoot(() => {
    let askedPersistence = false;
    createEffect(
      on(
        () => [registerLockState(), currentPairing()?.registerId] as const,
        ([lock, registerId], prev) => {
          if (lock === 'owner') {
            if (!askedPersistence) {
              askedPersistence = true;
              requestPersistence().catch((e: unknown) => console.warn('[comptoir] persistence request failed', e));
            }
            if (registerId !== undefined) {
              startSync().catch((e: unknown) => console.error('[comptoir] sync failed to start', e));
            }
          } else if (prev?.[0] === 'owner') {
            // Another tab took over: it runs the sync now.
            stopSync().catch((e: unknown) => console.warn('[comptoir] sync failed to stop', e));
          }
        },
      ),
    );
  });
}
