import { describe, expect, it } from 'vitest';
import { decodeBurst, WedgeDetector, type KeyStroke, type WedgeDecision } from '../../../src/hardware/wedge-detector.ts';
import { azertyScanner, qwerty, timed, usScannerOnAzerty } from './key-sequences.ts';

function run(detector: WedgeDetector, strokes: KeyStroke[]): WedgeDecision[] {
  return strokes.map((s) => detector.feed(s));
}

const scans = (decisions: WedgeDecision[]): string[] => decisions.flatMap((d) => (d.code === undefined ? [] : [d.code]));

describe('keyboard wedge detector', () => {
  it('takes a fast QWERTY burst ending in Enter as one scan', () => {
    const decisions = run(new WedgeDetector(), timed(qwerty('3760123456781'), 8));
    expect(scans(decisions)).toEqual(['3760123456781']);
    // The first key goes through (unknown yet), the other twelve are held, the Enter ends the scan.
    expect(decisions.map((d) => d.action)).toEqual(['pass', ...Array(12).fill('hold'), 'scan']);
    expect(decisions[decisions.length - 1]?.startedAt).toBe(1000);
  });

  it('reads digits by KeyboardEvent.code when a US scanner types on an AZERTY layout', () => {
    const strokes = timed(usScannerOnAzerty('3760123456781'), 8);
    expect(strokes.slice(0, 4).map((s) => s.key).join('')).toBe('"è-à');
    expect(scans(run(new WedgeDetector(), strokes))).toEqual(['3760123456781']);
  });

  it('reads letters and dashes by their US position once the layout mismatch is evident', () => {
    expect(scans(run(new WedgeDetector(), timed(usScannerOnAzerty('CMD-000123'), 5)))).toEqual(['CMD-000123']);
  });

  it('keeps key values for a scanner configured for AZERTY (shifted digits, "-" on the 6 key)', () => {
    expect(scans(run(new WedgeDetector(), timed(azertyScanner('CMD-000123'), 5)))).toEqual(['CMD-000123']);
  });

  it('never takes a person typing (~150 ms per key) for a scan, and holds nothing back', () => {
    const decisions = run(new WedgeDetector(), timed(qwerty('3760123456781'), 150));
    expect(scans(decisions)).toEqual([]);
    expect(decisions.every((d) => d.action === 'pass' && d.release.length === 0)).toBe(true);
  });

  it('accepts slow scanners once the threshold is raised (80 ms per key)', () => {
    expect(scans(run(new WedgeDetector(), timed(qwerty('4006381333931'), 70)))).toEqual([]);
    expect(scans(run(new WedgeDetector({ maxInterKeyMs: 80 }), timed(qwerty('4006381333931'), 70)))).toEqual(['4006381333931']);
  });

  it('tolerates one late key (event-loop jitter) when the burst is fast on average', () => {
    const strokes = timed(qwerty('4006381333931'), 8);
    for (let i = 6; i < strokes.length; i++) (strokes[i] as KeyStroke).time += 45; // one 53 ms gap
    expect(scans(run(new WedgeDetector(), strokes))).toEqual(['4006381333931']);
  });

  it('hands back held keys when a fast start turns out to be typing', () => {
    const detector = new WedgeDetector();
    // "ab" rolled within 20 ms, then a pause: the held "b" must be given back before "c".
    const strokes = [
      { key: 'a', code: 'KeyA', shift: false, time: 0 },
      { key: 'b', code: 'KeyB', shift: false, time: 20 },
      { key: 'c', code: 'KeyC', shift: false, time: 300 },
    ];
    const decisions = run(detector, strokes);
    expect(decisions.map((d) => d.action)).toEqual(['pass', 'hold', 'pass']);
    expect(decisions[2]?.release.map((s) => s.key)).toEqual(['b']);
  });

  it('gives a short fast burst back on Enter instead of taking it as a scan (minimum length)', () => {
    const decisions = run(new WedgeDetector({ minLength: 4 }), timed(qwerty('123'), 5));
    expect(scans(decisions)).toEqual([]);
    const enter = decisions[decisions.length - 1] as WedgeDecision;
    expect(enter.action).toBe('pass');
    expect(enter.release.map((s) => s.key).join('')).toBe('23');
  });

  it('releases held keys from a timer when a burst stops without terminator', () => {
    const detector = new WedgeDetector();
    run(detector, timed(qwerty('12345'), 5, 0, null));
    expect(detector.flush(25).release).toEqual([]); // too early: the scanner may still be typing
    expect(detector.flush(200).release.map((s) => s.key).join('')).toBe('2345');
    expect(detector.pending).toBe(false);
  });

  it('ends a burst on silence for scanners without suffix when configured so', () => {
    const detector = new WedgeDetector({ endWithoutTerminator: true });
    run(detector, timed(qwerty('40063813'), 5, 0, null));
    expect(detector.flush(500)).toMatchObject({ code: '40063813', release: [] });
  });

  it('accepts Tab as a terminator and ignores bare modifier keys inside a burst', () => {
    const strokes = timed(azertyScanner('0123'), 4, 0, 'Tab');
    strokes.splice(1, 0, { key: 'Shift', code: 'ShiftLeft', shift: true, time: 2 });
    expect(scans(run(new WedgeDetector(), strokes))).toEqual(['0123']);
  });

  it('never treats Ctrl/Alt/Meta shortcuts as part of a scan', () => {
    const detector = new WedgeDetector();
    detector.feed({ key: '1', code: 'Digit1', shift: false, time: 0 });
    detector.feed({ key: '2', code: 'Digit2', shift: false, time: 3 });
    const d = detector.feed({ key: 'v', code: 'KeyV', shift: false, time: 6 }, true);
    expect(d.action).toBe('pass');
    expect(d.release.map((s) => s.key)).toEqual(['2']);
  });

  it('decodes bursts as documented', () => {
    expect(decodeBurst(timed(qwerty('ABC-12'), 1, 0, null))).toBe('ABC-12');
    expect(decodeBurst(timed(usScannerOnAzerty('0042'), 1, 0, null))).toBe('0042');
    expect(decodeBurst([{ key: '7', code: 'Numpad7', shift: false, time: 0 }])).toBe('7');
  });
});
