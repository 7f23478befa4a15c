/** Synthetic key strokes as keyboards and scanners produce them, for the wedge detector's tests. */
import type { KeyStroke } from '../../../src/hardware/wedge-detector.ts';

/** What the unshifted digit row of a French AZERTY keyboard types, by digit. */
export const AZERTY_DIGIT_ROW: Record<string, string> = {
  '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à',
};

function qwertyCode(ch: string): { code: string; shift: boolean } {
  if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, shift: false };
  if (/[a-z]/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shift: false };
  if (/[A-Z]/.test(ch)) return { code: `Key${ch}`, shift: true };
  if (ch === '-') return { code: 'Minus', shift: false };
  return { code: 'Unidentified', shift: false };
}

/** A US keyboard (or a scanner set up for one on a US computer). */
export function qwerty(text: string): Array<Omit<KeyStroke, 'time'>> {
  return [...text].map((ch) => ({ key: ch, ...qwertyCode(ch) }));
}

/** A scanner set up for a US keyboard on a French computer: digits come out as & é " ' ( - è _ ç à. */
export function usScannerOnAzerty(text: string): Array<Omit<KeyStroke, 'time'>> {
  return [...text].map((ch) => {
    if (/[0-9]/.test(ch)) return { key: AZERTY_DIGIT_ROW[ch] as string, code: `Digit${ch}`, shift: false };
    if (ch === '-') return { key: ')', code: 'Minus', shift: false }; // the US "-" position types ")" on AZERTY
    if (/[A-Z]/.test(ch)) {
      // AZERTY swaps A/Q and Z/W and moves M: the key value follows the French layout.
      const french: Record<string, string> = { A: 'Q', Q: 'A', Z: 'W', W: 'Z', M: '?' };
      return { key: french[ch] ?? ch, code: `Key${ch}`, shift: true };
    }
    return { key: ch, code: 'Unidentified', shift: false };
  });
}

/** A scanner set up for AZERTY: it presses Shift for digits, and "-" is the unshifted 6 key. */
export function azertyScanner(text: string): Array<Omit<KeyStroke, 'time'>> {
  return [...text].map((ch) => {
    if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, shift: true };
    if (ch === '-') return { key: '-', code: 'Digit6', shift: false };
    return { key: ch, ...qwertyCode(ch) };
  });
}

/** Timestamps the strokes `gap` ms apart from `start`, then appends the terminator after `gap`. */
export function timed(strokes: Array<Omit<KeyStroke, 'time'>>, gap: number, start = 1000, terminator: string | null = 'Enter'): KeyStroke[] {
  const out = strokes.map((s, i) => ({ ...s, time: start + i * gap }));
  if (terminator !== null) out.push({ key: terminator, code: terminator, shift: false, time: start + strokes.length * gap });
  return out;
}
