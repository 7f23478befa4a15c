/**
 * Barcodes as SVG markup for printable HTML labels: jsbarcode encodes (its object renderer gives the
 * module pattern, "1" = bar), we draw the bars as <rect>s in a string. No DOM needed, so labels can
 * be built in a worker or a unit test, and the printed bars are exactly jsbarcode's encoding.
 */
import JsBarcode from 'jsbarcode';

export type SvgBarcodeFormat = 'CODE128' | 'EAN13' | 'EAN8';

interface Encoding {
  data: string;
  text?: string;
}

/** jsbarcode's module pattern ("1" bar, "0" space) for `value`, guard bars included. */
export function barcodePattern(value: string, format: SvgBarcodeFormat): string {
  const target: { encodings?: Encoding[] } = {};
  // EAN: 12 digits (jsbarcode adds the check digit) or 13 (it verifies it and throws when wrong).
  JsBarcode(target, value, { format, flat: true });
  return (target.encodings ?? []).map((e) => e.data).join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface SvgBarcodeOptions {
  /** Bar height in modules (the SVG scales to the CSS size it is given). */
  heightModules?: number;
  /** Print the value under the bars. */
  showText?: boolean;
  /** CSS width of the symbol, e.g. "60mm". */
  cssWidth?: string;
}

const QUIET = 10;

export function barcodeSvg(value: string, format: SvgBarcodeFormat, options: SvgBarcodeOptions = {}): string {
  const pattern = barcodePattern(value, format);
  const height = options.heightModules ?? 50;
  const textHeight = options.showText === false ? 0 : 12;
  const width = pattern.length + 2 * QUIET;
  const rects: string[] = [];
  for (let i = 0; i < pattern.length; ) {
    if (pattern[i] !== '1') {
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === '1') j++;
    rects.push(`<rect x="${QUIET + i}" y="0" width="${j - i}" height="${height}"/>`);
    i = j;
  }
  const label = textHeight === 0 ? '' : `<text x="${width / 2}" y="${height + 10}" text-anchor="middle" font-family="monospace" font-size="10">${escapeXml(value)}</text>`;
  const style = options.cssWidth ? ` style="width:${options.cssWidth};height:auto"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" viewBox="0 0 ${width} ${height + textHeight}" shape-rendering="crispEdges"` +
    ` data-format="${format}" data-value="${escapeXml(value)}" role="img" aria-label="${escapeXml(value)}"${style}>` +
    `<rect x="0" y="0" width="${width}" height="${height + textHeight}" fill="#fff"/><g fill="#000">${rects.join('')}</g>${label}</svg>`
  );
}
