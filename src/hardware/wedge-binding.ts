/**
 * The thin DOM side of the keyboard-wedge detector: listens to keydown on the window in the capture
 * phase (before any field or screen handler), and carries out WedgeDetector's decisions:
 * - hold: preventDefault + stopImmediatePropagation, so the rest of a barcode lands nowhere;
 * - scan: the terminator is swallowed too (no form submit, no "new sale"), and the focused field is
 *   put back as it was when the burst began (its first character already went in);
 * - release: held keys of a burst that was not a scan are put back where they were going: inserted
 *   into the focused field, or re-dispatched to the page's shortcut handlers.
 * Password fields and anything marked data-no-scan are left alone (PINs typed fast are not barcodes).
 */
import { WedgeDetector, type KeyStroke, type WedgeOptions } from './wedge-detector.ts';

export type WedgeScanHandler = (code: string, at: number) => void;

export interface WedgeBinding {
  setOptions(options: Partial<WedgeOptions>): void;
  stop(): void;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface FieldSnapshot {
  field: TextField;
  value: string;
  start: number | null;
  end: number | null;
}

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', '']);

function textField(el: Element | null): TextField | null {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type)) return el;
  return null;
}

function optedOut(el: EventTarget | null): boolean {
  if (!(el instanceof Element)) return false;
  if (el instanceof HTMLInputElement && el.type === 'password') return true;
  return el.closest('[data-no-scan]') !== null;
}

/**
 * Real time to wait after the last key before deciding a burst has stopped. Longer than the key gap
 * itself: on a busy page queued key events are handled late, and a burst must not be cut in the
 * middle because its next key was stamped on time but handled 80 ms later. Costs a typist nothing
 * but a short delay on a key held back from a fast roll.
 */
const SILENCE_MS = 120;

/** Events we dispatched ourselves when handing keys back: never fed to the detector again. */
const replayed = new WeakSet<Event>();

function notifyInput(field: TextField, inputType: string, data: string | null): void {
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

export function bindWedge(win: Window, onScan: WedgeScanHandler, options: Partial<WedgeOptions> = {}): WedgeBinding {
  const detector = new WedgeDetector(options);
  const doc = win.document;
  let snapshot: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Silence is measured from when the last key was handled, in the events' own time base: a busy
  // page may handle a burst late, and its Enter must not be taken for silence in the meantime.
  let lastStamp = 0;
  let lastHandled = 0;

  function takeSnapshot(): void {
    const field = textField(doc.activeElement);
    snapshot = field === null ? null : { field, value: field.value, start: field.selectionStart, end: field.selectionEnd };
  }

  /** Removes what the burst's first key typed: the field gets back the value it had before the scan. */
  function restoreField(): void {
    const s = snapshot;
    snapshot = null;
    if (s === null || !s.field.isConnected || s.field.value === s.value) return;
    s.field.value = s.value;
    if (s.start !== null && s.end !== null) s.field.setSelectionRange(s.start, s.end);
    notifyInput(s.field, 'deleteContentBackward', null);
  }

  function release(strokes: readonly KeyStroke[]): void {
    if (strokes.length === 0) return;
    const field = textField(doc.activeElement);
    if (field !== null) {
      const text = strokes.map((s) => s.key).join('');
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? start;
      field.setRangeText(text, start, end, 'end');
      notifyInput(field, 'insertText', text);
      return;
    }
    const target = doc.activeElement ?? doc.body;
    for (const s of strokes) {
      const event = new KeyboardEvent('keydown', { key: s.key, code: s.code, shiftKey: s.shift, bubbles: true, cancelable: true });
      replayed.add(event);
      target.dispatchEvent(event);
    }
  }

  function emit(code: string, startedAt: number): void {
    restoreField();
    onScan(code, win.performance.timeOrigin + startedAt);
  }

  function armTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!detector.pending) return;
    timer = setTimeout(() => {
      timer = undefined;
      const result = detector.flush(lastStamp + (win.performance.now() - lastHandled));
      release(result.release);
      if (result.code !== undefined && result.startedAt !== undefined) emit(result.code, result.startedAt);
      else if (detector.pending) armTimer();
    }, Math.max(detector.options.maxInterKeyMs * 2 + 5, SILENCE_MS));
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (replayed.has(event) || optedOut(event.target)) return;
    const stroke: KeyStroke = { key: event.key, code: event.code, shift: event.shiftKey, time: event.timeStamp };
    const modified = event.ctrlKey || event.metaKey || (event.altKey && !event.getModifierState('AltGraph')) || event.isComposing;
    const decision = detector.feed(stroke, modified);
    lastStamp = stroke.time;
    lastHandled = win.performance.now();
    release(decision.release);
    if (decision.code !== undefined && decision.startedAt !== undefined) emit(decision.code, decision.startedAt);
    if (decision.action === 'hold' || decision.action === 'scan') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (decision.startsBurst) takeSnapshot();
    armTimer();
  }

  win.addEventListener('keydown', onKeyDown, { capture: true });
  return {
    setOptions(next) {
      detector.options = { ...detector.options, ...next };
    },
    stop() {
      win.removeEventListener('keydown', onKeyDown, { capture: true });
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
