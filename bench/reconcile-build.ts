/**
 * Builds the reconciliation harness page (bench/reconcile-page.ts) with Vite, so that its worker is
 * bundled exactly as the app's are. Used by bench/reconcile.ts and tests/e2e/reconcile-longtask.spec.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Builds into `outDir` (emptied), for serving under `base` (e.g. "/__reconcile/"). */
export async function buildReconcileHarness(outDir: string, base = '/'): Promise<void> {
  const src = join(root, '.tmp', 'reconcile-harness-src');
  await mkdir(src, { recursive: true });
  await writeFile(
    join(src, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>Comptoir reconciliation harness</title><p id="state">ready</p><script type="module" src="../../bench/reconcile-page.ts"></script>\n',
  );
  await build({
    configFile: false,
    root: src,
    base,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  });
}
