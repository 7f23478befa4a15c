/**
 * The packing slip as a packer sees it: the receipt printer's bytes decoded by the ESC/POS
 * interpreter (order number and its CODE128, ship-to, lines with ordered / packed quantities,
 * accents through CP858), the A4 page (its barcode decoded), and the print command end to end
 * through the print queue to a recording printer, with its 'printed' event.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { printPackingSlipFor } from '../../src/commands/order-documents.ts';
import { packingSlipFromOrder } from '../../src/documents/packing-slip-data.ts';
import { buildPackingSlipBytes } from '../../src/documents/packing-slip-escpos.ts';
import { packingSlipHtml } from '../../src/documents/packing-slip-html.ts';
import { printPackingSlip } from '../../src/hardware/order-printing.ts';
import { interpret, lastTextIndex } from '../support/escpos/interpreter.ts';
import { commandHarness, printHarness } from '../support/order-print-harness.ts';
import { device, orderStateOf, settings, webOrder } from '../support/order-documents-fixtures.ts';
import { decodePng, rasteriseSvgBars } from '../support/zpl/decode-barcodes.ts';

const slipOf = (order = webOrder(), state = orderStateOf(), lang: 'fr' | 'en' = 'fr', location?: string) => packingSlipFromOrder(order, state, settings, lang, location);

describe('packing slip on the receipt printer (ESC/POS)', () => {
  for (const columns of [32, 42, 48] as const) {
    it(`${columns} columns: order number, ship-to, lines with ordered and packed, note, accents in CP858, nothing wider than the paper`, () => {
      const out = interpret(buildPackingSlipBytes(slipOf(), { language: 'esc-pos', columns, codePage: 'cp858' }));
      const text = out.lines.join('\n');
      expect(text).toContain('Épicerie Léa');
      expect(text).toContain('BON DE LIVRAISON');
      expect(text).toMatch(/Commande\s+#1042/);
      expect(out.lines).toEqual(expect.arrayContaining(['LIVRER À', 'Zoé Müller', '3 allée des Châtaigniers', 'Bât. B', '25000 Besançon', 'Tél. 06 12 34 56 78']));
      expect(text).toMatch(/Café éthiopien( moulu)?\s+2\s+2/); // the name wraps on 58 mm paper
      expect(text).toMatch(/Œufs frais bio \(x6\)\s+1\s+0/);
      expect(text).toContain('! 1 à suivre');
      expect(text).toMatch(/Articles\s+2 \/ 3/);
      expect(text).toContain('Colissimo');
      expect(text).toContain("s'il vous");
      expect(text).not.toContain('?');
      for (const l of out.lines) expect(l.length).toBeLessThanOrEqual(columns);
      // Accents in the printer's code page, œ/Œ through a Windows-1252 switch (as receipts do).
      const accented = out.events.find((e) => e.type === 'line' && e.text.includes('Besançon'));
      expect(accented && accented.type === 'line' && accented.codePages).toEqual(['cp858']);
      expect(out.events).toContainEqual({ type: 'intl-set', n: 0 });
    });
  }

  it('carries the order number as CODE128 and cuts after the last line', () => {
    const out = interpret(buildPackingSlipBytes(slipOf()));
    expect(out.barcodes).toEqual([{ type: 'barcode', symbology: 'CODE128', data: '#1042' }]);
    expect(out.cuts).toHaveLength(1);
    expect(lastTextIndex(out)).toBeLessThan(out.events.indexOf(out.cuts[0]!));
    expect(out.kicks).toEqual([]);
    // The order number is printed large (double width and height).
    const number = out.events.find((e) => e.type === 'line' && e.text.includes('#1042'));
    expect(number).toMatchObject({ width: 2, height: 2, bold: true });
  });

  it('a long service name wraps under its caption instead of being cut', () => {
    const text = interpret(buildPackingSlipBytes(slipOf(), { language: 'esc-pos', columns: 32, codePage: 'cp858' })).lines;
    const at = text.indexOf('Livraison');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 3).join(' ').replace(/\s+/g, ' ').trim()).toBe('Colissimo Domicile - sans signature');
  });

  it('pickup: "Retrait en magasin", the customer instead of an address', () => {
    const order = webOrder({ delivery: 'pickup', shippingAddress: undefined, shippingMethod: undefined });
    const out = interpret(buildPackingSlipBytes(slipOf(order, orderStateOf({ delivery: 'pickup' }))));
    const text = out.lines.join('\n');
    expect(text).toMatch(/Livraison\s+Retrait en magasin/);
    expect(out.lines).toEqual(expect.arrayContaining(['RETRAIT PAR', 'Zoé Müller', 'zoe@example.org']));
    expect(text).not.toContain('Besançon');
  });

  it('prints the address as corrected at the counter, not the one the order came with', () => {
    const corrected = { name: 'Zoé Müller-Dupont', address1: '8 quai Vauban', city: 'Besançon', postcode: '25000', country: 'FR' };
    const out = interpret(buildPackingSlipBytes(slipOf(webOrder(), orderStateOf({ shippingAddress: corrected }))));
    expect(out.lines).toEqual(expect.arrayContaining(['Zoé Müller-Dupont', '8 quai Vauban']));
    expect(out.lines).not.toContain('3 allée des Châtaigniers');
  });

  it('a location’s part of a split order lists only that location’s lines', () => {
    const state = orderStateOf({
      lines: [
        { sku: 'CAF-1', name: 'Café éthiopien moulu', location: 'shop', ordered: 2, picked: 2, packed: 2, shipped: 0 },
        { sku: 'OEU-1', name: 'Œufs frais bio (x6)', location: 'wh', ordered: 1, picked: 1, packed: 0, shipped: 0 },
      ],
    });
    const text = interpret(buildPackingSlipBytes(slipOf(webOrder(), state, 'fr', 'wh'))).lines.join('\n');
    expect(text).toMatch(/Emplacement\s+Entrepôt Nord/);
    expect(text).toContain('Œufs frais bio');
    expect(text).not.toContain('Café');
    expect(text).toMatch(/Articles\s+1 \/ 1/);
  });

  it('before any pick: packed 0 everywhere and no "to follow" noise', () => {
    const state = orderStateOf({ lines: orderStateOf().lines.map((l) => ({ ...l, picked: 0 })) });
    const text = interpret(buildPackingSlipBytes(slipOf(webOrder(), state))).lines.join('\n');
    expect(text).not.toContain('à suivre');
    expect(text).toMatch(/Articles\s+0 \/ 3/);
  });

  it('in English when the shop speaks English', () => {
    const text = interpret(buildPackingSlipBytes(slipOf(webOrder(), orderStateOf(), 'en'))).lines.join('\n');
    expect(text).toContain('PACKING SLIP');
    expect(text).toMatch(/Order\s+#1042/);
    expect(text).toContain('SHIP TO');
    expect(text).toContain('! 1 to follow');
    expect(text).toContain('Customer note:');
  });

  it('StarPRNT: the Star code page command for CP858', () => {
    const hex = Buffer.from(buildPackingSlipBytes(slipOf(), { language: 'star-prnt', columns: 48, codePage: 'cp858' })).toString('hex');
    expect(hex).toContain('1b1d7404');
  });
});

describe('packing slip as an A4 page', () => {
  const html = packingSlipHtml(slipOf(webOrder({ note: 'Fragile <verre> & "cadeau"' })));

  it('is an A4, UTF-8 page with a table of the lines and a repeating header', () => {
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/<tr data-sku="CAF-1"><td class="sku">CAF-1<\/td><td>Café éthiopien moulu<\/td><td class="n">2<\/td><td class="n">2<\/td><\/tr>/);
    expect(html).toMatch(/data-sku="OEU-1">.*Œufs frais bio \(x6\) <span class="short">\(1 à suivre\)<\/span>/);
    expect(html).toContain('25000 Besançon');
    expect(html).toContain('Fragile &#60;verre&#62; &#38; &#34;cadeau&#34;');
  });

  it('its SVG barcode decodes to the order number', async () => {
    const svgs = html.match(/<svg[^]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(1);
    expect((await decodePng(rasteriseSvgBars(svgs[0]!))).map((d) => d.text)).toEqual(['#1042']);
  });

  it('pickup in English says "Store pickup"', () => {
    const page = packingSlipHtml(slipOf(webOrder({ delivery: 'pickup' }), orderStateOf({ delivery: 'pickup' }), 'en'));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Store pickup');
    expect(page).toContain('PICKUP BY');
  });
});

describe('printing a packing slip', () => {
  it('goes to the paired receipt printer through the print queue', async () => {
    const h = printHarness();
    const { job, target } = await printPackingSlip(webOrder(), orderStateOf(), {}, h.deps);
    await h.run();
    expect(target).toBe('receipt_printer');
    expect((await h.jobs()).map((j) => [j.id, j.kind, j.ref, j.deviceId, j.state])).toEqual([[job.id, 'packing-slip', webOrder()._id, 'p1', 'done']]);
    const out = interpret(h.receipt.bytes);
    expect(out.barcodes.map((b) => b.data)).toEqual(['#1042']);
    expect(out.lines).toContain('25000 Besançon');
  });

  it('uses the printer’s width (32 columns)', async () => {
    const h = printHarness({ receiptPrinter: device('p1', 'receipt_printer', 'usb', { columns: 32 }) });
    await printPackingSlip(webOrder(), orderStateOf(), {}, h.deps);
    await h.run();
    for (const l of interpret(h.receipt.bytes).lines) expect(l.length).toBeLessThanOrEqual(32);
  });

  it('falls back to the A4 page in the browser’s dialog without a receipt printer, or when A4 is asked for', async () => {
    const none = printHarness({ receiptPrinter: null });
    const a = await printPackingSlip(webOrder(), orderStateOf(), {}, none.deps);
    expect(a.target).toBe('browser');
    expect(a.job).toMatchObject({ deviceId: 'browser-dialog', payload: { encoding: 'html' } });
    expect(none.text(a.job)).toContain('@page { size: A4;');
    const paired = printHarness();
    const b = await printPackingSlip(webOrder(), orderStateOf(), { paper: 'a4' }, paired.deps);
    expect(b.target).toBe('browser');
    expect(paired.receipt.writes).toHaveLength(0);
  });

  it('the command prints and records a "printed" event; a reprint is a new job', async () => {
    const h = printHarness();
    const c = commandHarness([{ order: webOrder(), state: orderStateOf() }], h.deps);
    const first = await printPackingSlipFor(webOrder()._id, {}, c.deps);
    const second = await printPackingSlipFor(webOrder()._id, {}, c.deps);
    expect(first.ok && second.ok).toBe(true);
    expect(first.ok && first.value).toMatchObject({ orderIds: [webOrder()._id], target: 'receipt_printer', recorded: true });
    expect(c.recorded).toEqual([
      { orderId: webOrder()._id, what: 'packing_slip' },
      { orderId: webOrder()._id, what: 'packing_slip' },
    ]);
    await h.run();
    expect(interpret(h.receipt.bytes).cuts).toHaveLength(2);
  });

  it('the command refuses an unknown or cancelled order, and says when the event could not be written', async () => {
    const h = printHarness();
    const c = commandHarness([{ order: webOrder(), state: orderStateOf({ status: 'cancelled' }) }], h.deps);
    expect(await printPackingSlipFor('weborder:nope', {}, c.deps)).toEqual({ ok: false, error: { kind: 'order_not_found', orderId: 'weborder:nope' } });
    expect(await printPackingSlipFor(webOrder()._id, {}, c.deps)).toEqual({ ok: false, error: { kind: 'order_cancelled', orderId: webOrder()._id } });
    expect(await h.jobs()).toEqual([]);
    const ok = commandHarness([{ order: webOrder(), state: orderStateOf() }], h.deps);
    ok.failRecording(true);
    const r = await printPackingSlipFor(webOrder()._id, {}, ok.deps);
    expect(r.ok && r.value.recorded).toBe(false);
    expect(await h.jobs()).toHaveLength(1);
  });
});
