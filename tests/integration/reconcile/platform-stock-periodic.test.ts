/**
 * The periodic stock reconciliation (STOCK_RECONCILE_INTERVAL_MS): a stock figure changed on the
 * platform behind Comptoir's back is put right by the next run without anyone asking, and the run's
 * result is kept for the registers (reconcile:stock:<platform>, with when it was fixed).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockPlatform, type MockPlatform } from '../../support/mock-platforms/index.ts';
import { mockStockOf, setMockStock } from '../../support/mock-platforms/stock.ts';
import { startServer, type Pairing, type RunningServer } from '../../support/server.ts';
import { adminPut, FAST_OUTBOUND_ENV, linkPlatforms, productDoc, registerPut, stockCount, waitFor } from '../outbound/helpers.ts';

const STORE = 'reconcile-periodic';
let server: RunningServer;
let reg: Pairing;
let woo: MockPlatform;

beforeAll(async () => {
  woo = await startMockPlatform('woocommerce');
  woo.addProduct({ sku: 'EPI-0001', name: "Confiture d'abricot 370 g", price: '2.50', stock: 3 });
  server = await startServer({ env: { ...FAST_OUTBOUND_ENV, STOCK_RECONCILE_INTERVAL_MS: '700' } });
  await server.createStore(STORE, 'Épicerie Périodique');
  await linkPlatforms(server, STORE, [['woocommerce', woo.linkConfig('woocommerce-test-secret')]]);
  reg = await server.pairNewRegister(STORE, 'Caisse 1');
  await adminPut(server, STORE, productDoc('EPI-0001', "Confiture d'abricot 370 g"));
  await registerPut(reg, stockCount(reg.registerId, 'EPI-0001', 7));
  await waitFor('the first stock push', async () => (await mockStockOf(woo, 'EPI-0001')) === 7);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await woo?.close();
});

it('puts a drifted figure right on the next periodic run', async () => {
  const drifted = Date.now();
  await setMockStock(woo, 'EPI-0001', 1);
  await waitFor('the periodic run to push 7 again', async () => (await mockStockOf(woo, 'EPI-0001')) === 7);
  const doc = await waitFor('the stored result of a run that fixed it', async () => {
    const d = (await (await server.adminFetch(`/db/store-${STORE}/${encodeURIComponent('reconcile:stock:woocommerce')}`)).json()) as Record<string, unknown>;
    return typeof d.fixedAt === 'string' && Date.parse(d.fixedAt) >= drifted && (d.fixQueued as number) >= 1 ? d : null;
  });
  expect(doc).toMatchObject({ type: 'stock_differences', platform: 'woocommerce', shop: woo.shop });
});
