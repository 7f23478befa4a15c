/**
 * Runs a bench page in Debian's headless Chromium: bundles `entry` with esbuild, serves it from
 * 127.0.0.1, opens it, waits for `globalName` on window, and hands the page to `run`.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export async function withBenchPage<T>(entry: string, globalName: string, run: (page: Page) => Promise<T>): Promise<T> {
  const name = basename(entry, '.ts');
  const outDir = join(root, '.tmp', `bench-${name}`);
  const script = `${name}.js`;
  await mkdir(outDir, { recursive: true });
  await build({ entryPoints: [join(root, 'bench', entry)], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile: join(outDir, script), logLevel: 'warning' });
  await writeFile(join(outDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/${script}"></script>`);
  const server = createServer((req, res) => {
    const file = req.url === `/${script}` ? script : 'index.html';
    readFile(join(outDir, file)).then(
      (body) => res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[${name}]`, e));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction((g) => g in window, globalName);
    return await run(page);
  } finally {
    await browser.close();
    server.close();
  }
}
