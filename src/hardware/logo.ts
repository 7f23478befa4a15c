/**
 * Shop logo: a data URL (PNG/JPEG/SVG) → RGBA pixels at a printable size (width a multiple of 8 dots,
 * at most `maxWidth`), for the encoder's raster image command. Browser only (decodes with the DOM).
 */
import type { LogoRaster } from '../documents/receipt-escpos.ts';

export async function logoFromDataUrl(dataUrl: string, maxWidth = 384): Promise<LogoRaster | null> {
  if (!/^data:image\//.test(dataUrl) || typeof document === 'undefined') return null;
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const scale = Math.min(1, maxWidth / img.naturalWidth);
  const width = Math.max(8, Math.floor((img.naturalWidth * scale) / 8) * 8);
  const height = Math.max(8, Math.ceil((img.naturalHeight * scale) / 8) * 8);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  // White background: transparent pixels would otherwise print black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, Math.round(img.naturalHeight * scale));
  const data = ctx.getImageData(0, 0, width, height);
  return { width, height, data: data.data };
}
