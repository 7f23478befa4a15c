/**
 * Keyboard-wedge scanner detection, as pure logic over key strokes (no DOM): a scanner "types" a
 * burst of keys a few milliseconds apart and ends it with a terminator (Enter or Tab); a person types
 * 100+ ms apart. The DOM binding (wedge-binding.ts) feeds every keydown through `feed` and carries out
 * the decision: let the key through, hold it back (preventDefault), or take the burst as a scan.
 *
 * Holding: the first key of a burst always goes through (we cannot know yet); from the second fast key
 * on, keys are held so that neither a text field nor a shortcut handler sees the rest of a barcode.
 * When a burst turns out not to be a scan (too slow on average, too short, no terminator), the held
 * strokes are handed back in `release` so the binding can put them where they would have gone.
 */

export interface WedgeOptions {
  /** A scan's average gap between keys must not exceed this (ms). Scanners: ~1–15 ms; slow ones ~80. */
  maxInterKeyMs: number;
  /** Shortest code taken as a scan (shorter bursts are typing). */
  minLength: number;
  /** KeyboardEvent.key values that end a scan. */
  terminators: readonly string[];
  /** For scanners configured without a suffix: a burst that simply stops is a scan too. */
  endWithoutTerminator: boolean;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxInterKeyMs: 30,
  minLength: 4,
  terminators: ['Enter', 'Tab'],
  endWithoutTerminator: false,
};

/**
 * One gap may be up to this factor above the average threshold: event loops jitter (a busy tab, a
 * test driver), while a person is never fast on average over a whole code.
 */
const GAP_TOLERANCE = 2;

export interface KeyStroke {
  key: string;
  code: string;
  shift: boolean;
  /** ms, any monotonic clock (KeyboardEvent.timeStamp). */
  time: number;
}

export type WedgeAction = 'pass' | 'hold' | 'scan' | 'ignore';

export interface WedgeDecision {
  action: WedgeAction;
  /** Held strokes to hand back, in order, before the current key takes effect. */
  release: KeyStroke[];
  /** The current key starts a possible burst: the binding snapshots the focused field now. */
  startsBurst: boolean;
  /**
   * The decoded code when a scan completed: with action 'scan' the current key was its terminator;
   * with 'pass' a suffix-less burst ended just before the current key.
   */
  code?: string;
  /** First and terminator key times of the scan (latency is measured from the first). */
  startedAt?: number;
}

export interface FlushResult {
  release: KeyStroke[];
  code?: string;
  startedAt?: number;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);

/** US key positions, read by KeyboardEvent.code: what a scanner configured for a US keyboard meant. */
const US_UNSHIFTED: Record<string, string> = {
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';',
  Quote: "'", Backquote: '`', Comma: ',', Period: '.', Slash: '/', Space: ' ',
  NumpadDecimal: '.', NumpadAdd: '+', NumpadSubtract: '-', NumpadMultiply: '*', NumpadDivide: '/',
};
const US_SHIFTED: Record<string, string> = {
  Digit1: '!', Digit2: '@', Digit3: '#', Digit4: '$', Digit5: '%', Digit6: '^', Digit7: '&', Digit8: '*',
  Digit9: '(', Digit0: ')', Minus: '_', Equal: '+', BracketLeft: '{', BracketRight: '}', Backslash: '|',
  Semicolon: ':', Quote: '"', Backquote: '~', Comma: '<', Period: '>', Slash: '?',
};

const digitOf = (code: string): string | null => /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1] ?? null;
const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';

/** The character a US layout gives for this physical key, or null if the code is not a character key. */
export function usLayoutChar(stroke: Pick<KeyStroke, 'code' | 'shift'>): string | null {
  const letter = /^Key([A-Z])$/.exec(stroke.code)?.[1];
  if (letter !== undefined) return stroke.shift ? letter : letter.toLowerCase();
  const digit = digitOf(stroke.code);
  if (digit !== null) return stroke.shift && stroke.code.startsWith('Digit') ? (US_SHIFTED[stroke.code] ?? null) : digit;
  return (stroke.shift ? US_SHIFTED[stroke.code] : US_UNSHIFTED[stroke.code]) ?? null;
}

/**
 * Turns a burst into text. A scanner set up for a US keyboard on a French (AZERTY) computer presses the
 * digit row without Shift, so `key` says & é " ' ( - è _ ç à where the code says 1–0. Evidence of that
 * mismatch: a digit-row key pressed without Shift that did not give a digit, and no digit typed with
 * Shift (a scanner configured for AZERTY shifts its digits). Then every key is read by its US position;
 * otherwise `key` is right as it is (and still, a digit-row key that gave a digit is that digit).
 */
export function decodeBurst(strokes: readonly KeyStroke[]): string {
  const digitRow = (s: KeyStroke): boolean => /^Digit[0-9]$/.test(s.code);
  const unshiftedSymbol = strokes.some((s) => digitRow(s) && !s.shift && !isDigit(s.key));
  const shiftedDigit = strokes.some((s) => digitRow(s) && s.shift && isDigit(s.key));
  const usScannerOnOtherLayout = unshiftedSymbol && !shiftedDigit;
  return strokes
    .map((s) => {
      if (usScannerOnOtherLayout) return usLayoutChar(s) ?? s.key;
      const digit = digitOf(s.code);
      return digit !== null && isDigit(s.key) ? digit : s.key;
    })
    .join('');
}

export class WedgeDetector {
  private strokes: KeyStroke[] = [];
  private held = 0;
  options: WedgeOptions;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** Feeds one keydown. `modified` is true when Ctrl, Alt or Meta is down (shortcuts, never scans). */
  feed(stroke: KeyStroke, modified = false): WedgeDecision {
    if (MODIFIERS.has(stroke.key)) return { action: 'ignore', release: [], startsBurst: false };
    const last = this.strokes[this.strokes.length - 1];
    const gap = last === undefined ? Infinity : stroke.time - last.time;
    const limit = this.options.maxInterKeyMs * GAP_TOLERANCE;

    if (this.options.terminators.includes(stroke.key) && !modified) {
      if (this.qualifies() && gap <= limit) return this.takeScan('scan');
      return { action: 'pass', release: this.abandon(), startsBurst: false };
    }
    if (modified || stroke.key.length !== 1) {
      // Shortcuts, arrows, Backspace, F-keys, dead keys: a person at work. A pending scan without
      // terminator still counts if the scanner sends no suffix.
      return { action: 'pass', ...this.endBurst(), startsBurst: false };
    }
    if (last !== undefined && gap <= limit) {
      this.strokes.push(stroke);
      if (this.meanGap() <= this.options.maxInterKeyMs) {
        this.held++;
        return { action: 'hold', release: [], startsBurst: false };
      }
      // Fast once, slow on average: typing. Hand back what was held; this key starts afresh.
      this.strokes.pop();
    }
    const ended = this.endBurst();
    this.strokes = [stroke];
    this.held = 0;
    return { action: 'pass', ...ended, startsBurst: true };
  }

  /** Called by a timer once keys stop: a burst that stopped without terminator is released (or a scan). */
  flush(now: number): FlushResult {
    const last = this.strokes[this.strokes.length - 1];
    if (last === undefined || now - last.time <= this.options.maxInterKeyMs * GAP_TOLERANCE) return { release: [] };
    return this.endBurst();
  }

  /** True while strokes are being held back (the binding keeps its flush timer running). */
  get pending(): boolean {
    return this.strokes.length > 0;
  }

  /** The burst in progress is over (a slow key, a timer): a suffix-less scan, or strokes to release. */
  private endBurst(): FlushResult {
    if (this.options.endWithoutTerminator && this.qualifies()) {
      const { code, startedAt } = this.takeScan('scan');
      return { release: [], code: code as string, startedAt: startedAt as number };
    }
    return { release: this.abandon() };
  }

  private qualifies(): boolean {
    return this.strokes.length >= this.options.minLength && this.meanGap() <= this.options.maxInterKeyMs;
  }

  private meanGap(): number {
    const n = this.strokes.length;
    if (n < 2) return 0;
    return ((this.strokes[n - 1] as KeyStroke).time - (this.strokes[0] as KeyStroke).time) / (n - 1);
  }

  private takeScan(action: 'scan'): WedgeDecision {
    const code = decodeBurst(this.strokes);
    const startedAt = (this.strokes[0] as KeyStroke).time;
    this.strokes = [];
    this.held = 0;
    return { action, release: [], startsBurst: false, code, startedAt };
  }

  private abandon(): KeyStroke[] {
    const release = this.held > 0 ? this.strokes.slice(this.strokes.length - this.held) : [];
    this.strokes = [];
    this.held = 0;
    return release;
  }
}
