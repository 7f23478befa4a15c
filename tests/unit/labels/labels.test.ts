import { ready } from 'zpl-renderer-js';
import { describe, expect, it } from 'vitest';
import { shelfLabelFromProduct, shippingLabelFromOrder, SHELF_LABEL_SIZE, SHIPPING_LABEL_SIZE } from '../../../src/documents/label-data.ts';
import { shelfLabelsHtml, shippingLabelHtml } from '../../../src/documents/label-html.ts';
import { code128Modules, shelfLabelZpl, shippingLabelZpl } from '../../../src/documents/label-zpl.ts';
import { money } from '../../../src/domain/money.ts';
import { decodePng, rasteriseSvgBars } from '../../support/zpl/decode-barcodes.ts';
import { barcodes, parseZpl, textFields, type ZplField } from '../../support/zpl/parse.ts';

const store = { name: 'Épicerie Léa', address: ['12 rue des Écoles', '75005 Paris'] };
const order = {
  orderNumber: '#1042',
  customer: { name: 'Zoé Müller' },
  shippingAddress: { name: 'Zoé Müller', address1: '3 allée des Châtaigniers ^XZ~JR', address2: 'Bât. B', city: 'Besançon', postcode: '25000', country: 'FR' },
  shippingMethod: { name: 'Colissimo', price: money(690) },
};
const product = { name: 'Confiture de cerises noires d’Itxassou bio', price: money(1250), currency: 'EUR', priceIncludesTax: true, sku: 'CONF-ITX', barcodes: ['4006381333931'] };

function inside(f: ZplField, size: { widthDots: number; heightDots: number }): void {
  expect(f.x).toBeGreaterThanOrEqual(0);
  expect(f.y).toBeGreaterThanOrEqual(0);
  expect(f.x).toBeLessThan(size.widthDots);
  expect(f.y + (f.barcode?.height ?? f.font?.height ?? 0)).toBeLessThanOrEqual(size.heightDots);
}

describe('shipping label (ZPL)', () => {
  const label = shippingLabelFromOrder(order, store, { carrier: 'Colissimo', number: '6A12345678901' });
  const zpl = shippingLabelZpl(label);
  const parsed = parseZpl(zpl);

  it('is a 4 × 6 in UTF-8 label with ship-from above ship-to', () => {
    expect(parsed).toMatchObject({ width: 812, height: 1218, charset: 28 });
    const from = textFields(parsed, 'Épicerie Léa')[0] as ZplField;
    const to = textFields(parsed, 'Zoé Müller')[0] as ZplField;
    expect(from.y).toBeLessThan(to.y);
    expect(to.font?.height).toBeGreaterThan(from.font?.height ?? 0); // the addressee is the big text
    expect(textFields(parsed, '25000 Besançon')).toHaveLength(1);
    for (const f of parsed.fields) inside(f, SHIPPING_LABEL_SIZE);
  });

  it('keeps ^ and ~ in an address as text, never as commands', () => {
    expect(textFields(parsed, '3 allée des Châtaigniers ^XZ~JR')).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~JR');
  });

  it('carries CODE128s of the order and tracking numbers that fit the label', () => {
    const codes = barcodes(parsed);
    expect(codes.map((c) => [c.barcode?.type, c.data])).toEqual([
      ['CODE128', '#1042'],
      ['CODE128', '6A12345678901'],
    ]);
    for (const c of codes) {
      expect(c.x + code128Modules(c.data) * (c.barcode?.moduleWidth ?? 1)).toBeLessThanOrEqual(812);
      inside(c, SHIPPING_LABEL_SIZE);
    }
    expect(textFields(parsed, 'Commande #1042 · Colissimo')).toHaveLength(1);
  });

  it('says the tracking number is still to come when unknown', () => {
    const p = parseZpl(shippingLabelZpl(shippingLabelFromOrder(order, store)));
    expect(barcodes(p).map((b) => b.data)).toEqual(['#1042']);
    expect(textFields(p, 'à compléter')).toHaveLength(1);
  });

  it('renders to an image whose barcodes decode to the order and tracking numbers', async () => {
    const { api } = await ready;
    const png = Buffer.from(await api.zplToBase64Async(zpl, 101.6, 152.4, 8), 'base64');
    const decoded = await decodePng(png);
    expect(decoded.map((d) => d.text).sort()).toEqual(['#1042', '6A12345678901']);
    const orderCode = decoded.find((d) => d.text === '#1042');
    expect(orderCode?.y).toBeGreaterThan(640); // below the addresses, where the ZPL put it
  });
});

describe('shelf label (ZPL)', () => {
  const label = shelfLabelFromProduct(product, { quantity: 0.37, unit: 'kg' });
  const parsed = parseZpl(shelfLabelZpl(label));

  it('shows the name, the price in French format, the price per kg and an EAN-13', () => {
    expect(label.price).toBe('12,50 €');
    expect(label.unitPrice).toBe('33,78 €/kg');
    expect(textFields(parsed, '12,50 €')).toHaveLength(1);
    expect(textFields(parsed, '33,78 €/kg')).toHaveLength(1);
    expect(parsed.fields.filter((f) => f.kind === 'text').map((f) => f.data).join(' ')).toContain('Confiture de cerises');
    const [ean] = barcodes(parsed);
    expect(ean?.barcode?.type).toBe('EAN13');
    expect(ean?.data).toBe('400638133393');
    for (const f of parsed.fields) inside(f, SHELF_LABEL_SIZE);
    // EAN-13: 95 modules + quiet zones at the ^BY width must fit right of x.
    expect((ean?.x ?? 0) + 113 * (ean?.barcode?.moduleWidth ?? 0)).toBeLessThanOrEqual(457 + 18);
  });

  it('renders to an image whose EAN-13 decodes with its check digit', async () => {
    const { api } = await ready;
    const png = Buffer.from(await api.zplToBase64Async(shelfLabelZpl(label), 57.15, 31.75, 8), 'base64');
    expect((await decodePng(png)).map((d) => [d.format, d.text])).toEqual([['EAN13', '4006381333931']]);
  });

  it('falls back to a CODE128 of the SKU when the product has no GTIN', () => {
    const p = parseZpl(shelfLabelZpl(shelfLabelFromProduct({ ...product, barcodes: [] })));
    expect(barcodes(p).map((b) => [b.barcode?.type, b.data])).toEqual([['CODE128', 'CONF-ITX']]);
  });
});

describe('labels as printable HTML', () => {
  const svgs = (html: string): string[] => html.match(/<svg[^]*?<\/svg>/g) ?? [];

  it('sizes the shipping page 4 × 6 in and its SVG barcodes decode to the order and tracking numbers', async () => {
    const html = shippingLabelHtml(shippingLabelFromOrder(order, store, { carrier: 'Colissimo', number: '6A12345678901' }));
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('size: 4in 6in');
    expect(html).toContain('3 allée des Châtaigniers ^XZ~JR');
    const decoded = await Promise.all(svgs(html).map(async (svg) => (await decodePng(rasteriseSvgBars(svg))).map((d) => d.text)));
    expect(decoded).toEqual([['#1042'], ['6A12345678901']]);
  });

  it('prints one shelf label per 57 × 32 mm page with a decodable EAN-13', async () => {
    const html = shelfLabelsHtml([shelfLabelFromProduct(product), shelfLabelFromProduct({ ...product, name: 'Miel & <pollen>', barcodes: ['96385074'] })]);
    expect(html).toContain('size: 57mm 32mm');
    expect(html.match(/class="label shelf"/g)).toHaveLength(2);
    expect(html).toContain('Miel &#38; &#60;pollen&#62;');
    const decoded = await Promise.all(svgs(html).map(async (svg) => (await decodePng(rasteriseSvgBars(svg))).map((d) => [d.format, d.text])));
    expect(decoded).toEqual([[['EAN13', '4006381333931']], [['EAN8', '96385074']]]);
  });
});
