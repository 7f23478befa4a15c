/**
 * Test-side barcode reading: ZXing (WebAssembly) in Node, with its .wasm passed explicitly (left to
 * itself it would download it), over PNG images — a ZPL label rendered by zpl-renderer-js, or the
 * SVG bars of an HTML label rasterised by `rasteriseSvgBars`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });
  prepared = true;
}

export interface Decoded {
  format: string;
  text: string;
  x: number;
  y: number;
}

export async function decodePng(png: ArrayLike<number>): Promise<Decoded[]> {
  prepare();
  const results: ReadResult[] = await readBarcodes(new Uint8Array(png), { formats: ['Code128', 'EAN13', 'EAN8'], tryHarder: true, maxNumberOfSymbols: 8 });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text, x: r.position.topLeft.x, y: r.position.topLeft.y }));
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An 8-bit greyscale PNG. */
export function encodeGreyPng(width: number, height: number, grey: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(grey.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = new Uint8Array(13);
  const v = new DataView(header.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Draws the bars of one barcode <svg> (as barcode-svg.ts writes it: a viewBox and <rect x width>
 * children inside <g fill="#000">) at `scale` pixels per module, with a white margin.
 */
export function rasteriseSvgBars(svg: string, scale = 3): Uint8Array {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('no viewBox');
  const widthModules = Number(viewBox[1]);
  const bars = [...(/<g fill="#000">(.*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(/<rect x="(\d+)" y="0" width="(\d+)" height="(\d+)"\/>/g)];
  const height = 60;
  const width = widthModules * scale;
  const grey = new Uint8Array(width * height).fill(255);
  for (const [, x, w] of bars) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
      for (let y = 10; y < height - 10; y++) grey[y * width + px] = 0;
    }
  }
  return encodeGreyPng(width, height, grey);
}
