// @vitest-environment happy-dom
/**
 * The DOM binding in a real (happy-dom) document: key events dispatched the way a browser would, with
 * the default action (typing into the focused field) carried out only when nobody prevented it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindWedge, type WedgeBinding } from '../../../src/hardware/wedge-binding.ts';
import type { KeyStroke } from '../../../src/hardware/wedge-detector.ts';
import { qwerty, timed, usScannerOnAzerty } from './key-sequences.ts';

let binding: WedgeBinding | null = null;
let scans: string[] = [];
let submits = 0;
let shortcutKeys: string[] = [];
const onShortcut = (e: KeyboardEvent): void => {
  shortcutKeys.push(e.key);
};

/** Dispatches keydown at `time` and, unless prevented, does what the browser would: type the key. */
function press(stroke: KeyStroke): void {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { key: stroke.key, code: stroke.code, shiftKey: stroke.shift, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: stroke.time });
  const proceed = target.dispatchEvent(event);
  if (!proceed) return;
  if (target instanceof HTMLInputElement) {
    if (stroke.key === 'Enter') submits++;
    else if (stroke.key.length === 1) {
      target.setRangeText(stroke.key, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
      target.dispatchEvent(new InputEvent('input', { bubbles: true, data: stroke.key }));
    }
  }
}

beforeEach(() => {
  document.body.innerHTML = '<input id="note" type="text"><input id="pin" type="password"><button id="b">ok</button>';
  scans = [];
  submits = 0;
  shortcutKeys = [];
  document.addEventListener('keydown', onShortcut);
  binding = bindWedge(window, (code) => scans.push(code));
});

afterEach(() => {
  binding?.stop();
  document.removeEventListener('keydown', onShortcut);
});

const field = (id: string): HTMLInputElement => document.getElementById(id) as HTMLInputElement;

describe('keyboard wedge in the page', () => {
  it('catches a fast burst typed into a focused field and leaves the field as it was', () => {
    const note = field('note');
    note.focus();
    for (const s of timed(qwerty('merci '), 150, 0, null)) press(s);
    expect(note.value).toBe('merci ');
    for (const s of timed(qwerty('3760123456781'), 8, 5000)) press(s);
    expect(scans).toEqual(['3760123456781']);
    expect(note.value).toBe('merci ');
    expect(submits).toBe(0); // the scanner's Enter never reached the form
  });

  it('decodes an AZERTY burst in a field, removing the & é " ... it would have typed', () => {
    const note = field('note');
    note.focus();
    for (const s of timed(usScannerOnAzerty('4006381333931'), 8)) press(s);
    expect(scans).toEqual(['4006381333931']);
    expect(note.value).toBe('');
  });

  it('lets slow typing through untouched, Enter included', () => {
    const note = field('note');
    note.focus();
    for (const s of timed(qwerty('3760123456781'), 150)) press(s);
    expect(scans).toEqual([]);
    expect(note.value).toBe('3760123456781');
    expect(submits).toBe(1);
  });

  it('puts back keys held from a fast start that was typing, in order', () => {
    const note = field('note');
    note.focus();
    press({ key: 'a', code: 'KeyA', shift: false, time: 0 });
    press({ key: 'b', code: 'KeyB', shift: false, time: 15 });
    press({ key: 'c', code: 'KeyC', shift: false, time: 400 });
    expect(note.value).toBe('abc');
  });

  it('catches scans with no field focused, without firing shortcut handlers for the held keys', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const s of timed(qwerty('CMD-000123'), 6)) press(s);
    expect(scans).toEqual(['CMD-000123']);
    // Only the first key (not yet known to be a scan) reached the page; the "-" did not.
    expect(shortcutKeys).toEqual(['C']);
  });

  it('leaves password fields alone', () => {
    const pin = field('pin');
    pin.focus();
    for (const s of timed(qwerty('123456'), 5)) press(s);
    expect(scans).toEqual([]);
  });
});
