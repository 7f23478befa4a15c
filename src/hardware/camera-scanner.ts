/**
 * Camera scanning: the back camera in a <video>, frames decoded a few times a second, each new code
 * published to the scan stream. Decoding uses the browser's BarcodeDetector where Chrome has it
 * (Android, ChromeOS, macOS) and our self-hosted ZXing WebAssembly build otherwise (zxing-decoder.ts,
 * loaded on first use). The torch is offered when the camera track says it has one.
 */
import { scanStream, type ScanStream } from './scan-stream.ts';

export interface DetectedCode {
  rawValue: string;
  format: string;
}

export interface FrameDecoder {
  detect(video: HTMLVideoElement): Promise<DetectedCode[]>;
}

/** Retail and order codes; QR for web-order slips. Names as BarcodeDetector spells them. */
export const CAMERA_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'qr_code'] as const;

interface BarcodeDetectorStatic {
  new (options: { formats: string[] }): FrameDecoder;
  getSupportedFormats(): Promise<string[]>;
}

/** BarcodeDetector when it exists and knows our formats; the WASM decoder otherwise. */
export async function createFrameDecoder(formats: readonly string[] = CAMERA_FORMATS): Promise<{ decoder: FrameDecoder; engine: 'native' | 'wasm' }> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorStatic }).BarcodeDetector;
  if (Native !== undefined) {
    const supported = await Native.getSupportedFormats().catch(() => [] as string[]);
    const usable = formats.filter((f) => supported.includes(f));
    if (usable.length > 0) return { decoder: new Native({ formats: usable }), engine: 'native' };
  }
  const { createZxingDecoder } = await import('./zxing-decoder.ts');
  return { decoder: createZxingDecoder(formats), engine: 'wasm' };
}

/**
 * A code held in front of the camera is seen on every frame: publish it once, and again only after it
 * left the picture for `quietMs` (the cashier scanning a second, identical item).
 */
export function createRepeatFilter(quietMs = 1500): (code: string, now: number) => boolean {
  let last: { code: string; seenAt: number } | null = null;
  return (code, now) => {
    const fresh = last === null || last.code !== code || now - last.seenAt > quietMs;
    last = { code, seenAt: now };
    return fresh;
  };
}

export interface CameraSession {
  engine: 'native' | 'wasm';
  torchAvailable: boolean;
  setTorch(on: boolean): Promise<void>;
  stop(): void;
}

export interface CameraOptions {
  stream?: ScanStream;
  /** Also told about each code (the overlay flashes it). */
  onCode?: (code: string) => void;
  intervalMs?: number;
  mediaDevices?: MediaDevices;
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

export async function startCameraScanner(video: HTMLVideoElement, options: CameraOptions = {}): Promise<CameraSession> {
  const stream = options.stream ?? scanStream;
  const devices = options.mediaDevices ?? navigator.mediaDevices;
  const media = await devices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  const stopMedia = (): void => media.getTracks().forEach((t) => t.stop());
  let decoder: Awaited<ReturnType<typeof createFrameDecoder>>;
  try {
    video.srcObject = media;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    decoder = await createFrameDecoder();
  } catch (error) {
    stopMedia();
    throw error;
  }
  const track = media.getVideoTracks()[0];
  const capabilities = (track?.getCapabilities?.() ?? {}) as TorchCapabilities;
  const fresh = createRepeatFilter();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tick = async (): Promise<void> => {
    if (stopped) return;
    try {
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        const [found] = await decoder.decoder.detect(video);
        if (found !== undefined && !stopped && fresh(found.rawValue, Date.now())) {
          stream.publish({ code: found.rawValue, source: 'camera', at: Date.now() });
          options.onCode?.(found.rawValue);
        }
      }
    } catch (error) {
      // One bad frame (resize, track ending) is not fatal; the next one is tried.
      console.warn('camera frame not decoded', error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.intervalMs ?? 150);
  };
  void tick();

  return {
    engine: decoder.engine,
    torchAvailable: capabilities.torch === true,
    async setTorch(on) {
      await track?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      stopMedia();
      video.srcObject = null;
    },
  };
}
