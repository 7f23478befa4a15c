/**
 * A short tone through WebAudio: the refusal sound of scan-to-pick (a low buzz) and its success tick.
 * No audio file to precache, works offline; silently nothing where audio is unavailable.
 */
let ctx: AudioContext | null = null;

export function beep(kind: 'error' | 'ok' = 'error'): void {
  try {
    const AC = window.AudioContext as typeof AudioContext | undefined;
    if (AC === undefined) return;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = kind === 'error' ? 'square' : 'sine';
    osc.frequency.value = kind === 'error' ? 220 : 880;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    const now = ctx.currentTime;
    osc.start(now);
    osc.stop(now + (kind === 'error' ? 0.35 : 0.08));
  } catch {
    // no audio on this device: the message on screen is enough
  }
}
