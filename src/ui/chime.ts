/**
 * The "new web order" chime: two rising notes through WebAudio, distinct from scan-to-pick's buzz and
 * tick (beep.ts) so that staff tell an arrival from a scan across the shop. No audio file to
 * precache; silently nothing where audio is unavailable or the browser has not allowed it yet.
 */
let ctx: AudioContext | null = null;

export function chime(): void {
  try {
    const AC = window.AudioContext as typeof AudioContext | undefined;
    if (AC === undefined) return;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime;
    [660, 990].forEach((frequency, i) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const at = start + i * 0.16;
      // A soft attack and decay: a bell rather than a click.
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(at);
      osc.stop(at + 0.32);
    });
  } catch {
    // no audio on this device: the badge is enough
  }
}
