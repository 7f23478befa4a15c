/// <reference types="vite-plugin-pwa/client" />
/**
 * Service worker registration (vite-plugin-pwa, registerType "prompt"): a new version waits until
 * the cashier accepts it between two sales, because a reload would drop the cart being rung up.
 */
import { createRoot, createSignal } from 'solid-js';
import { registerSW } from 'virtual:pwa-register';

const state = createRoot(() => {
  const [needRefresh, setNeedRefresh] = createSignal(false);
  const [offlineReady, setOfflineReady] = createSignal(false);
  return { needRefresh, setNeedRefresh, offlineReady, setOfflineReady };
});

export const updateAvailable = state.needRefresh;
export const offlineReady = state.offlineReady;

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      state.setNeedRefresh(true);
    },
    onOfflineReady() {
      state.setOfflineReady(true);
    },
    onRegisterError(error: unknown) {
      console.error('[comptoir] service worker registration failed', error);
    },
  });
}

/** Activates the waiting version and reloads. */
export function applyUpdate(): void {
  void update?.(true);
}
