/**
 * The camera decoder for browsers without BarcodeDetector (Chrome on Windows/Linux/macOS): ZXing-C++
 * compiled to WebAssembly. The .wasm file is bundled by Vite from node_modules into our own assets
 * (the `?url` import) and precached by the service worker with the app shell: it is never fetched from
 * a CDN (zxing-wasm's default), so camera scanning works offline. Loaded only when first needed.
 */
import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DetectedCode, FrameDecoder } from './camera-scanner.ts';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path),
  },
});

/** BarcodeDetector format names → ZXing's. */
const FORMATS: Record<string, ReadInputBarcodeFormat> = {
  ean_13: 'EAN13',
  ean_8: 'EAN8',
  upc_a: 'UPCA',
  upc_e: 'UPCE',
  code_128: 'Code128',
  code_39: 'Code39',
  itf: 'ITF',
  qr_code: 'QRCode',
  data_matrix: 'DataMatrix',
};
const BACK: Record<string, string> = Object.fromEntries(Object.entries(FORMATS).map(([k, v]) => [v, k]));

export function createZxingDecoder(formats: readonly string[]): FrameDecoder {
  const zxingFormats = formats.map((f) => FORMATS[f]).filter((f): f is ReadInputBarcodeFormat => f !== undefined);
  let canvas: HTMLCanvasElement | null = null;
  return {
    async detect(video): Promise<DetectedCode[]> {
      const width = video.videoWidth;
      const height = video.videoHeight;
      if (width === 0 || height === 0) return [];
      canvas ??= document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx === null) return [];
      ctx.drawImage(video, 0, 0, width, height);
      const results = await readBarcodes(ctx.getImageData(0, 0, width, height), { formats: zxingFormats, maxNumberOfSymbols: 1 });
      return results.filter((r) => r.isValid).map((r) => ({ rawValue: r.text, format: BACK[r.format] ?? r.format }));
    },
  };
}
