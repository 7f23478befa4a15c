/**
 * A seeded browser profile for the reconciliation data set, kept in the temp directory and shared by
 * the Playwright test and the benchmark (Node side). Writing 1.1 million rows into IndexedDB takes
 * minutes on a small machine; the read model is the same as long as the generator, the schema and
 * the size are, so it is seeded once and reused. IndexedDB belongs to an origin: whoever uses the
 * profile serves the page from 127.0.0.1 on the same fixed port.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlatformLevel } from '../src/domain/reconcile/types.ts';
import type { ReconcileDataSpec } from './reconcile-data.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export const RECONCILE_PORT = Number(process.env.RECONCILE_PORT ?? 47_613);

/** What was seeded: the generator's figures for every pair (the test's oracle) and the platform levels. */
export interface SeedMarker {
  key: string;
  counts: unknown;
  expected: Record<string, { onHand: number; reserved: number }>;
  levels: PlatformLevel[];
}

export interface SeededProfile {
  dir: string;
  /** Serve on this port (null: any port; the profile is then seeded afresh and thrown away). */
  port: number | null;
  /** The marker of a profile that already holds the data set, null when it must be seeded. */
  marker: SeedMarker | null;
  /** After seeding: remember it (a no-op for a throw-away profile). */
  remember(marker: Omit<SeedMarker, 'key'>): Promise<void>;
  /** After use: removes a throw-away profile. */
  release(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `fresh`: never reuse (RECONCILE_FRESH=1 in the environment does the same). */
export async function seededProfile(spec: ReconcileDataSpec, fresh = process.env.RECONCILE_FRESH === '1'): Promise<SeededProfile> {
  const key = createHash('sha256')
    .update(JSON.stringify(spec))
    .update(await readFile(join(root, 'bench/reconcile-data.ts'), 'utf8'))
    .update(await readFile(join(root, 'src/store/schema.ts'), 'utf8'))
    .digest('hex');
  if (!fresh && (await portIsFree(RECONCILE_PORT))) {
    const dir = join(os.tmpdir(), `comptoir-reconcile-profile-${spec.movements}-${spec.orders}`);
    const file = join(dir, 'comptoir-seed.json');
    const marker = (await readFile(file, 'utf8').then(JSON.parse, () => null)) as SeedMarker | null;
    if (marker?.key !== key) await rm(dir, { recursive: true, force: true });
    return {
      dir,
      port: RECONCILE_PORT,
      marker: marker?.key === key ? marker : null,
      remember: (m) => writeFile(file, JSON.stringify({ ...m, key })),
      release: async () => undefined,
    };
  }
  const dir = await mkdtemp(join(os.tmpdir(), 'comptoir-reconcile-once-'));
  return { dir, port: null, marker: null, remember: async () => undefined, release: () => rm(dir, { recursive: true, force: true }) };
}

/** The Chromium the tests use, with the arguments of playwright.config.ts. */
export const CHROMIUM = {
  headless: true,
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
};
