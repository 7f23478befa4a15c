/**
 * ONE stream of scans for the whole app: keyboard wedge, serial, HID and camera scanners all publish
 * here, and the screens that take scans (sell, later pick) subscribe. A screen never needs to know
 * which kind of scanner the cashier has.
 */

export type ScanSource = 'wedge' | 'serial' | 'hid' | 'camera' | 'test';

export interface Scan {
  code: string;
  source: ScanSource;
  /** When the scan began, in epoch ms (fractional for keyboard scans: from the first key event). */
  at: number;
}

export type ScanListener = (scan: Scan) => void;

export interface ScanStream {
  subscribe(listener: ScanListener): () => void;
  publish(scan: Scan): void;
  /** How many listeners are subscribed (scanners stay idle while nobody listens). */
  readonly listenerCount: number;
}

/**
 * The same code from two different sources within this window is one scan (e.g. a scanner paired over
 * WebHID that also types as a keyboard); the same source twice is two scans (two items).
 */
const CROSS_SOURCE_ECHO_MS = 300;

export function createScanStream(): ScanStream {
  const listeners = new Set<ScanListener>();
  /** The last scan delivered (echoes are compared with it, never with each other). */
  let previous: Scan | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    publish(scan) {
      const code = scan.code.trim();
      if (code === '') return;
      const echo = previous !== null && previous.code === code && previous.source !== scan.source && Math.abs(scan.at - previous.at) < CROSS_SOURCE_ECHO_MS;
      if (echo) return;
      previous = { ...scan, code };
      // A listener that throws must not keep the scan from the others.
      for (const listener of [...listeners]) {
        try {
          listener({ ...scan, code });
        } catch (error) {
          console.error('scan listener failed', error);
        }
      }
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

/** The app's stream. */
export const scanStream: ScanStream = createScanStream();

/** Convenience for screens: subscribe to the app's stream; returns the unsubscribe function. */
export function subscribe(listener: ScanListener): () => void {
  return scanStream.subscribe(listener);
}
