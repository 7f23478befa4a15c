/**
 * Adapts the store's Dexie Observables (liveQuery) to Solid signals. The UI never touches Dexie:
 * it only needs something with subscribe/unsubscribe, which is what the named queries return.
 */
import { createEffect, createSignal, onCleanup, untrack } from 'solid-js';
import type { Accessor } from 'solid-js';

export interface Unsubscribable {
  unsubscribe(): void;
}

export interface LiveSource<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): Unsubscribable;
  /** Dexie's Observable declares it; used here only to infer the emitted type. */
  getValue?(): T;
}

/** The type a named query's Observable emits. */
export type Emitted<O> = O extends { getValue?(): infer T } ? T : never;

export interface Live<T> {
  value: Accessor<T>;
  /** True once the first value arrived. */
  ready: Accessor<boolean>;
  error: Accessor<unknown>;
}

/**
 * Subscribes to the Observable the factory returns, re-subscribing when signals the factory reads
 * change, and unsubscribing when the owner (component) is disposed.
 */
export function live<T>(factory: () => LiveSource<T>, initial: T): Live<T> {
  const [value, setValue] = createSignal<T>(initial, { equals: false });
  const [ready, setReady] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  createEffect(() => {
    const source = factory();
    const sub = untrack(() =>
      source.subscribe({
        next: (v) => {
          setValue(() => v);
          setReady(true);
          setError(null);
        },
        error: (e) => {
          console.error('[comptoir] live query failed', e);
          setError(e);
        },
      }),
    );
    onCleanup(() => sub.unsubscribe());
  });
  return { value, ready, error };
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
