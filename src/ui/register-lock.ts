/**
 * One active register per device. The tab holding the Web Lock `comptoir-register` runs the register
 * (and the sync); any other tab shows "open in another tab" with a Take over button, which steals the
 * lock: the previous holder's request then rejects with an AbortError and that tab shows the same
 * screen. A lock is released by the browser when its tab closes or crashes, so it can never be stale.
 *
 * Web Locks need a secure context (https or localhost). Where the API is missing the tab runs the
 * register on its own and says so in the console: refusing to sell would be worse.
 */
import { createRoot, createSignal } from 'solid-js';

export const REGISTER_LOCK = 'comptoir-register';

/** checking: first request in flight; owner: this tab runs the register; elsewhere: another tab does. */
export type LockState = 'checking' | 'owner' | 'elsewhere';

const lockState = createRoot(() => createSignal<LockState>('checking'));
export const registerLockState = lockState[0];
const setState = lockState[1];

type OwnerListener = (owner: boolean) => void;
const listeners = new Set<OwnerListener>();

/** Called with true when this tab becomes the register, false when it loses it. */
export function onOwnershipChange(listener: OwnerListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let release: (() => void) | null = null;

function becomeOwner(): Promise<void> {
  setState('owner');
  for (const l of listeners) l(true);
  // Held until the tab closes, or until another tab steals it.
  return new Promise<void>((resolve) => {
    release = resolve;
  });
}

function lost(): void {
  release = null;
  setState('elsewhere');
  for (const l of listeners) l(false);
}

function request(options: LockOptions): void {
  navigator.locks
    .request(REGISTER_LOCK, options, (lock) => {
      if (lock === null) {
        // ifAvailable and another tab has it.
        setState('elsewhere');
        return undefined;
      }
      return becomeOwner();
    })
    .then(
      () => {
        // Released on purpose (releaseRegisterLock); nothing to do.
      },
      (e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') {
          lost(); // another tab took over
        } else {
          console.error('[comptoir] register lock failed', e);
          lost();
        }
      },
    );
}

function locksAvailable(): boolean {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks !== undefined;
}

/** Tries to become the register without waiting: shows "open elsewhere" if another tab holds it. */
export function acquireRegisterLock(): void {
  if (!locksAvailable()) {
    console.warn('[comptoir] Web Locks unavailable (insecure context?): this tab runs the register alone.');
    void becomeOwner();
    return;
  }
  request({ mode: 'exclusive', ifAvailable: true });
}

/** Take over: steal the lock from the tab that holds it. */
export function takeOverRegister(): void {
  if (!locksAvailable()) {
    void becomeOwner();
    return;
  }
  setState('checking');
  request({ mode: 'exclusive', steal: true });
}

/** Gives the register up (tests, sign-out). */
export function releaseRegisterLock(): void {
  const r = release;
  release = null;
  if (r) {
    setState('elsewhere');
    for (const l of listeners) l(false);
    r();
  }
}
