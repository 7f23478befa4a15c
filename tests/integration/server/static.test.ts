/** Serving the built app: SPA fallback, no-cache for index.html and sw.js, API paths untouched. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../support/server.ts';

let server: RunningServer;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-dist-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Comptoir</title>');
  fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await startServer({ staticDir: dist });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

it('serves the app with an SPA fallback and the right cache headers', async () => {
  const root = await fetch(`${server.url}/`);
  expect(root.status).toBe(200);
  expect(root.headers.get('cache-control')).toBe('no-cache');
  expect(await root.text()).toContain('<title>Comptoir</title>');

  const deep = await fetch(`${server.url}/orders/123`, { headers: { Accept: 'text/html' } });
  expect(deep.status).toBe(200);
  expect(deep.headers.get('cache-control')).toBe('no-cache');
  expect(await deep.text()).toContain('<title>Comptoir</title>');

  const sw = await fetch(`${server.url}/sw.js`);
  expect(sw.status).toBe(200);
  expect(sw.headers.get('cache-control')).toBe('no-cache');

  const asset = await fetch(`${server.url}/assets/app-abc123.js`);
  expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  expect((await fetch(`${server.url}/assets/missing-999.js`)).status).toBe(404);

  // API paths never fall back to the page.
  const api = await fetch(`${server.url}/api/nope`, { headers: { Accept: 'text/html' } });
  expect(api.status).toBe(404);
  expect(api.headers.get('content-type')).toMatch(/json/);
  expect((await fetch(`${server.url}/db/store-x`, { headers: { Accept: 'text/html' } })).status).toBe(401);
});
