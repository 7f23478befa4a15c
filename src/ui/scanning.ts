/**
 * Screens that take scans call useScans(listener): while at least one such screen is mounted, the
 * keyboard-wedge detector listens on the window and remembered serial/HID scanners are read; every
 * scan arrives through the one scan stream. With no screen listening the wedge is off, so a fast
 * typist elsewhere in the app is never interfered with.
 * The wedge thresholds are a preference of this device (localStorage), like the UI language.
 */
import { onCleanup } from 'solid-js';
import { scanStream, type ScanListener } from '../hardware/scan-stream.ts';
import { scannerManager } from '../hardware/scanners.ts';
import { bindWedge, type WedgeBinding } from '../hardware/wedge-binding.ts';
import { DEFAULT_WEDGE_OPTIONS, type WedgeOptions } from '../hardware/wedge-detector.ts';

const WEDGE_KEY = 'comptoir.wedge';

export function wedgeSettings(): WedgeOptions {
  try {
    const saved = JSON.parse(localStorage.getItem(WEDGE_KEY) ?? 'null') as Partial<WedgeOptions> | null;
    return { ...DEFAULT_WEDGE_OPTIONS, ...(saved ?? {}) };
  } catch {
    return DEFAULT_WEDGE_OPTIONS;
  }
}

export function saveWedgeSettings(options: Partial<WedgeOptions>): WedgeOptions {
  const next = { ...wedgeSettings(), ...options };
  try {
    localStorage.setItem(WEDGE_KEY, JSON.stringify(next));
  } catch {
    // not persisted: still applied for this session
  }
  binding?.setOptions(next);
  return next;
}

let binding: WedgeBinding | null = null;
let users = 0;

function acquire(): void {
  users++;
  if (binding !== null) return;
  binding = bindWedge(window, (code, at) => scanStream.publish({ code, source: 'wedge', at }), wedgeSettings());
  void scannerManager().start().catch((e: unknown) => console.warn('[comptoir] scanners', e));
}

function release(): void {
  users = Math.max(0, users - 1);
  if (users === 0) {
    binding?.stop();
    binding = null;
  }
}

/** Subscribes the calling component to every scanner for as long as it is mounted. */
export function useScans(listener: ScanListener): void {
  acquire();
  const off = scanStream.subscribe(listener);
  onCleanup(() => {
    off();
    release();
  });
}
