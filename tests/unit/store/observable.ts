// The first value a Dexie liveQuery emits, as a promise (tests only; screens subscribe).
import type { Observable } from 'dexie';

export function firstValueFrom<T>(observable: Observable<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const sub = observable.subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}
