/**
 * Starts printing (remembered devices reconnected, interrupted jobs resumed) once this tab runs the
 * register and is paired: only the tab holding the register lock drives the printer, so two tabs never
 * print the same job. Also exposes the device statuses as a Solid signal for the screens.
 */
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { DeviceStatus } from '../hardware/devices.ts';
import { printing, startPrinting } from '../hardware/printing.ts';
import { registerLockState } from './register-lock.ts';
import { currentPairing } from './session.ts';

const tick = createRoot(() => createSignal(0));

/** The live status of a paired device (re-evaluated on every plug, unplug or failure). */
export function deviceStatus(id: string): DeviceStatus {
  tick[0]();
  return printing().devices.status(id);
}

export function startHardware(): void {
  createRoot(() => {
    let started = false;
    createEffect(() => {
      if (started || registerLockState() !== 'owner' || !currentPairing()) return;
      started = true;
      printing().devices.onChange(() => tick[1]((n) => n + 1));
      void startPrinting();
    });
  });
}
