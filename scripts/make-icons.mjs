// Generates the PWA icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) without any
// image library: the pixels are drawn in memory and written as PNG with node:zlib.
// Glyph: a bold "C" (Comptoir) with a small till drawer bar, white on the brand teal.
// Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BRAND = [0x0f, 0x6e, 0x6e]; // #0f6e6e, same as theme_color
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Coverage (0..1) of the glyph at unit coordinates (u, v in 0..1 of the glyph box), supersampled by
 * the caller. A thick ring open on the right makes the "C"; a bar under it is the till drawer.
 */
function glyph(u, v) {
  const cx = 0.5, cy = 0.44, rOut = 0.36, rIn = 0.2;
  const dx = u - cx, dy = v - cy;
  const d = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx); // 0 = right
  const inRing = d <= rOut && d >= rIn && Math.abs(angle) > Math.PI / 4.2;
  const inDrawer = v >= 0.86 && v <= 0.95 && u >= 0.16 && u <= 0.84;
  return inRing || inDrawer;
}

function render(size, { maskable }) {
  // Maskable icons keep the glyph inside the 80 % safe zone and fill the whole square.
  const inset = maskable ? 0.24 : 0.17;
  const radius = maskable ? 0 : size * 0.18;
  const S = 4; // supersampling
  return png(size, (x, y) => {
    // rounded-square background (full bleed when maskable)
    let bgCover = 0, fgCover = 0;
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const px = x + (sx + 0.5) / S, py = y + (sy + 0.5) / S;
        const qx = Math.max(radius - px, 0, px - (size - radius));
        const qy = Math.max(radius - py, 0, py - (size - radius));
        const inBg = radius === 0 || Math.hypot(qx, qy) <= radius;
        if (!inBg) continue;
        bgCover++;
        const u = (px / size - inset) / (1 - 2 * inset);
        const v = (py / size - inset) / (1 - 2 * inset);
        if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && glyph(u, v)) fgCover++;
      }
    }
    if (bgCover === 0) return [0, 0, 0, 0];
    const f = fgCover / bgCover;
    const mix = BRAND.map((c, i) => Math.round(c * (1 - f) + WHITE[i] * f));
    return [...mix, Math.round((bgCover / (S * S)) * 255)];
  });
}

mkdirSync(join(root, 'public'), { recursive: true });
const out = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
for (const [name, size, maskable] of out) {
  writeFileSync(join(root, 'public', name), render(size, { maskable }));
  console.log(`public/${name} (${size}×${size}${maskable ? ', maskable' : ''})`);
}
