/// <reference types="w3c-web-serial" />
/**
 * Serial barcode scanners (RS-232, or USB in "virtual COM" mode) through Web Serial: the scanner sends
 * each code as a line of ASCII ending in its configured suffix (CR, LF, CR LF, Tab or ETX). We read
 * the port's stream, split lines, and publish each code to the scan stream. Nothing is written.
 */
import { scanStream, type ScanStream } from './scan-stream.ts';

export type SerialTerminator = 'auto' | 'tab' | 'etx';

export interface SerialScannerSettings {
  baudRate: number;
  /** auto: CR, LF or CR LF (what nearly every scanner sends). */
  terminator: SerialTerminator;
  /** For scanners set up without a suffix: a line ends after this much silence (ms); null: never. */
  silenceMs: number | null;
}

export const DEFAULT_SERIAL_SCANNER: SerialScannerSettings = { baudRate: 9600, terminator: 'auto', silenceMs: null };

const SPLIT: Record<SerialTerminator, RegExp> = { auto: /\r\n|\r|\n/, tab: /\t/, etx: /\x03/ };

/**
 * Pure line splitter: feed decoded chunks in, get complete codes out. A code split across two reads is
 * joined; empty lines (the LF of a CR LF that arrived in the next chunk) are dropped; surrounding
 * whitespace and control characters (STX prefixes) are trimmed.
 */
export function createLineSplitter(terminator: SerialTerminator): { push(chunk: string): string[]; flush(): string[] } {
  let pending = '';
  const clean = (line: string): string => line.replace(/^[\s\x00-\x1f]+|[\s\x00-\x1f]+$/g, '');
  return {
    push(chunk) {
      const parts = (pending + chunk).split(SPLIT[terminator]);
      pending = parts.pop() ?? '';
      return parts.map(clean).filter((l) => l !== '');
    },
    flush() {
      const rest = clean(pending);
      pending = '';
      return rest === '' ? [] : [rest];
    },
  };
}

export interface RunningScanner {
  /** Resolves when reading ended (stop(), unplug, or an error, reported through onError). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens the port (unless already open) and publishes every line as a scan until stop() or until the
 * device goes away. Errors (unplugged, port busy) end the loop and are reported, never thrown at the
 * page: a scanner is optional hardware.
 */
export function runSerialScanner(
  port: SerialPort,
  settings: SerialScannerSettings,
  options: { stream?: ScanStream; onError?: (error: unknown) => void; now?: () => number } = {},
): RunningScanner {
  const stream = options.stream ?? scanStream;
  const now = options.now ?? (() => Date.now());
  let stopped = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const splitter = createLineSplitter(settings.terminator);
  const emit = (codes: string[]): void => {
    for (const code of codes) stream.publish({ code, source: 'serial', at: now() });
  };

  const done = (async () => {
    try {
      if (!port.readable) await port.open({ baudRate: settings.baudRate });
      const decoder = new TextDecoder('latin1');
      while (!stopped && port.readable) {
        reader = port.readable.getReader();
        try {
          for (;;) {
            const { value, done: ended } = await reader.read();
            if (ended) break;
            emit(splitter.push(decoder.decode(value, { stream: true })));
            if (settings.silenceMs !== null) {
              clearTimeout(silence);
              silence = setTimeout(() => emit(splitter.flush()), settings.silenceMs);
            }
          }
        } finally {
          reader.releaseLock();
          reader = null;
        }
      }
    } catch (error) {
      if (!stopped) options.onError?.(error);
    } finally {
      clearTimeout(silence);
    }
  })();

  return {
    done,
    async stop() {
      stopped = true;
      await reader?.cancel().catch(() => undefined);
      await done;
      await port.close().catch(() => undefined);
    },
  };
}
