/// <reference types="w3c-web-hid" />
/**
 * WebHID scanners (desktop Chrome). Two report formats:
 * - HID POS (usage page 0x8C, "Bar Code Scanner"): the scanned-data input report as Honeywell, Zebra
 *   and Datalogic send it — byte 0 the data length, bytes 1–3 the AIM symbology identifier, then the
 *   data, and the report's last byte bit 0 set when the code continues in the next report.
 * - keyboard-format reports (8 bytes: modifiers, reserved, six key usages) from scanners exposing a
 *   vendor collection in keyboard format. Chrome refuses access to real keyboard collections (usage
 *   page 1, usage 6), so keyboard-emulation scanners are caught by the wedge detector instead.
 * Report data here excludes the report id, as WebHID delivers it.
 */
import { scanStream, type ScanStream } from './scan-stream.ts';

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_SCANNER_FILTERS: HIDDeviceFilter[] = [{ usagePage: HID_POS_USAGE_PAGE }];

/** Joins HID POS scanned-data reports into codes. */
export function createPosReportDecoder(): (data: Uint8Array) => string | null {
  let pending = '';
  return (data) => {
    if (data.length < 5) return null;
    const length = Math.min(data[0] as number, data.length - 5);
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(data[4 + i] as number);
    const more = ((data[data.length - 1] as number) & 0x01) === 1;
    pending += text;
    if (more) return null;
    const code = pending.replace(/[\x00-\x1f]+$/g, '');
    pending = '';
    return code === '' ? null : code;
  };
}

// HID keyboard usages (page 7) → US characters: 0x04–0x1d letters, 0x1e–0x27 digits 1–9,0.
const UNSHIFTED_PUNCT: Record<number, string> = { 0x2c: ' ', 0x2d: '-', 0x2e: '=', 0x2f: '[', 0x30: ']', 0x31: '\\', 0x33: ';', 0x34: "'", 0x35: '`', 0x36: ',', 0x37: '.', 0x38: '/' };
const SHIFTED_PUNCT: Record<number, string> = { 0x2d: '_', 0x2e: '+', 0x2f: '{', 0x30: '}', 0x31: '|', 0x33: ':', 0x34: '"', 0x35: '~', 0x36: '<', 0x37: '>', 0x38: '?' };
const SHIFTED_DIGITS = '!@#$%^&*()';
const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;
const TAB = 0x2b;

export function keyboardUsageChar(usage: number, shift: boolean): string | null {
  if (usage >= 0x04 && usage <= 0x1d) {
    const c = String.fromCharCode(0x61 + usage - 0x04);
    return shift ? c.toUpperCase() : c;
  }
  if (usage >= 0x1e && usage <= 0x27) {
    const i = usage - 0x1e;
    return shift ? (SHIFTED_DIGITS[i] as string) : '1234567890'[i] as string;
  }
  if (usage >= 0x59 && usage <= 0x62) return '1234567890'[usage - 0x59] as string; // keypad digits
  return (shift ? SHIFTED_PUNCT[usage] : UNSHIFTED_PUNCT[usage]) ?? null;
}

/** Decodes keyboard-format reports: each newly pressed usage is a character; Enter or Tab ends a code. */
export function createKeyboardReportDecoder(): (data: Uint8Array) => string | null {
  let previous = new Set<number>();
  let text = '';
  return (data) => {
    if (data.length < 3) return null;
    const modifiers = data[0] as number;
    const shift = (modifiers & 0x22) !== 0;
    const pressed = new Set<number>();
    for (let i = 2; i < data.length; i++) if ((data[i] as number) !== 0) pressed.add(data[i] as number);
    let code: string | null = null;
    for (const usage of pressed) {
      if (previous.has(usage)) continue;
      if (usage === ENTER || usage === KEYPAD_ENTER || usage === TAB) {
        code = text === '' ? null : text;
        text = '';
        continue;
      }
      text += keyboardUsageChar(usage, shift) ?? '';
    }
    previous = pressed;
    return code;
  };
}

export function isPosScanner(device: HIDDevice): boolean {
  return device.collections.some((c) => c.usagePage === HID_POS_USAGE_PAGE);
}

/** What getDevices() must report for a remembered HID scanner to be reconnected. */
export function hidMatch(device: HIDDevice): Record<string, string | number> {
  return { vendorId: device.vendorId, productId: device.productId };
}

export interface RunningHidScanner {
  stop(): Promise<void>;
}

/** Opens the device and publishes every decoded code as a scan until stop(). */
export async function runHidScanner(device: HIDDevice, options: { stream?: ScanStream; now?: () => number } = {}): Promise<RunningHidScanner> {
  const stream = options.stream ?? scanStream;
  const now = options.now ?? (() => Date.now());
  const decode = isPosScanner(device) ? createPosReportDecoder() : createKeyboardReportDecoder();
  const onReport = (event: HIDInputReportEvent): void => {
    const code = decode(new Uint8Array(event.data.buffer, event.data.byteOffset, event.data.byteLength));
    if (code !== null) stream.publish({ code, source: 'hid', at: now() });
  };
  if (!device.opened) await device.open();
  device.addEventListener('inputreport', onReport);
  return {
    async stop() {
      device.removeEventListener('inputreport', onReport);
      await device.close().catch(() => undefined);
    },
  };
}
