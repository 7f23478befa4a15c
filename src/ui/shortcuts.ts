/**
 * The keyboard shortcuts a screen offers, so that the help overlay ("?") can list them. A screen (or
 * a component on it) calls useShortcuts() while mounted; what is registered disappears with it.
 * Also: the test for "is the user typing?", which every screen-level shortcut handler needs.
 */
import { createRoot, createSignal, onCleanup } from 'solid-js';

export interface Shortcut {
  /** As printed on the key cap(s): "F2", "Ctrl+Enter", "?". */
  keys: string;
  label: () => string;
}

const registry = createRoot(() => {
  const [lists, setLists] = createSignal<ReadonlyArray<{ id: number; get: () => Shortcut[] }>>([]);
  return { lists, setLists };
});
let nextId = 1;

/** Registers shortcuts for as long as the calling component is mounted. */
export function useShortcuts(list: Shortcut[] | (() => Shortcut[])): void {
  const id = nextId++;
  const get = typeof list === 'function' ? list : () => list;
  registry.setLists((all) => [...all, { id, get }]);
  onCleanup(() => registry.setLists((all) => all.filter((l) => l.id !== id)));
}

/** What the mounted screen and its components registered, without duplicate keys. */
export function registeredShortcuts(): Shortcut[] {
  const seen = new Set<string>();
  const out: Shortcut[] = [];
  for (const l of registry.lists()) {
    for (const s of l.get()) {
      if (seen.has(s.keys)) continue;
      seen.add(s.keys);
      out.push(s);
    }
  }
  return out;
}

/** True when the key event is typing into a field (shortcuts made of plain characters must not fire). */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}
