/**
 * GTIN barcodes (EAN-13, EAN-8, UPC-A) with their mod-10 check digit, and Code 128 SKUs.
 * A scanned code that fails its check digit is a misread, not a product: callers must refuse it.
 */
export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'code128';

/** Mod-10 check digit of a GTIN body (all digits but the last), weights 3,1,3,1… from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`A GTIN body has only digits, got "${body}"`);
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    total += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (total % 10)) % 10;
}

/** Appends the check digit: withCheckDigit("376000000001") → "3760000000017". */
export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Code 128 SKUs: printable ASCII, 1 to 48 characters, not all digits of a GTIN length. */
function isCode128Sku(code: string): boolean {
  return /^[\x21-\x7e]{1,48}$/.test(code);
}

/** Tells what a scanned string is, or null when it is a GTIN with a wrong check digit or unprintable. */
export function classifyBarcode(code: string): BarcodeKind | null {
  if (/^\d{13}$/.test(code)) return isValidGtin(code) ? 'ean13' : null;
  if (/^\d{12}$/.test(code)) return isValidGtin(code) ? 'upca' : null;
  if (/^\d{8}$/.test(code)) return isValidGtin(code) ? 'ean8' : null;
  return isCode128Sku(code) ? 'code128' : null;
}
