import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The app version from the repository's package.json ("0.0.0" when unreadable). */
export const SERVER_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
