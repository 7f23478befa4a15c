/**
 * The camera overlay: the back camera full-width with an aiming frame, the torch toggle when the
 * camera has one, and the last code read. Codes go to the scan stream like any scanner's.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { startCameraScanner, type CameraSession } from '../../hardware/camera-scanner.ts';
import { t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import '../styles/peripherals.css';

export function CameraScanner(props: { onClose: () => void }): JSX.Element {
  let video!: HTMLVideoElement;
  const [session, setSession] = createSignal<CameraSession | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [seen, setSeen] = createSignal<string | null>(null);
  const [torch, setTorch] = createSignal(false);
  let closed = false;

  onMount(() => {
    startCameraScanner(video, { onCode: setSeen }).then(
      (s) => {
        if (closed) s.stop();
        else setSession(s);
      },
      (e: unknown) => setError(t().peripherals.camera.failed(errorMessage(e))),
    );
  });
  onCleanup(() => {
    closed = true;
    session()?.stop();
  });

  async function toggleTorch(): Promise<void> {
    const s = session();
    if (!s) return;
    await s.setTorch(!torch()).catch(() => undefined);
    setTorch(!torch());
  }

  return (
    <div class="overlay camera-overlay" role="dialog" aria-modal="true" aria-label={t().peripherals.camera.title} data-testid="camera-overlay">
      <div class="panel camera-panel">
        <div class="camera-view">
          <video ref={video} muted playsinline data-testid="camera-video" />
          <div class="camera-frame" aria-hidden="true" />
        </div>
        <p class="muted" aria-live="polite" data-testid="camera-status">
          {error() ?? (seen() ? t().peripherals.camera.seen(seen() as string) : session() ? t().peripherals.camera.hint : t().peripherals.camera.starting)}
        </p>
        <Show when={session()}>{(s) => <p class="muted small">{t().peripherals.camera.engine(s().engine)}</p>}</Show>
        <div class="panel-actions">
          <Show when={session()?.torchAvailable}>
            <button type="button" class="btn secondary" data-testid="camera-torch" aria-pressed={torch()} onClick={() => void toggleTorch()}>
              {torch() ? t().peripherals.camera.torchOff : t().peripherals.camera.torchOn}
            </button>
          </Show>
          <button type="button" class="btn primary" data-testid="camera-close" onClick={() => props.onClose()}>
            {t().peripherals.camera.close}
          </button>
        </div>
      </div>
    </div>
  );
}
