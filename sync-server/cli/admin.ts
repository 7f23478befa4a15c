/**
 * Admin CLI: talks to a running sync server's admin API over HTTP.
 *   npm run admin -- create-store <id> [--name "…"]
 *   npm run admin -- create-register --store <id> [--name "…"]
 *   npm run admin -- pairing-code --store <id> --register <registerId>
 *   npm run admin -- list-stores
 *   npm run admin -- list-registers --store <id>
 *   npm run admin -- create-staff | list-staff | update-staff | verify-journal …  (cli/staff-commands.ts)
 *   npm run admin -- help
 * Server: COMPTOIR_URL (default http://localhost:8080). Credentials: COMPTOIR_ADMIN_USER /
 * COMPTOIR_ADMIN_PASSWORD (default: the demo admin / comptoir-demo).
 */
import { pairingBanner } from '../banner.ts';
import { DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USER } from '../config.ts';
import { PLATFORM_HELP, platformCommand } from './platform-commands.ts';
import { STAFF_HELP, staffCommand } from './staff-commands.ts';

const EXIT_USAGE = 64;
const EXIT_UNREACHABLE = 69;
const EXIT_AUTH = 77;

class CliError extends Error {
  constructor(
    message: string,
    public readonly code: number,
  ) {
    super(message);
  }
}

const HELP = `Comptoir admin

Usage: npm run admin -- <command> [options]

Commands:
  create-store <id> [--name "Shop name"]          create a store (id: lowercase letters, digits, "-")
  create-register --store <id> [--name "Caisse 2"]  create a register and print its pairing code
  pairing-code --store <id> --register <registerId> print a fresh pairing code for a register
  list-stores                                      list the stores
  list-registers --store <id>                      list a store's registers
${PLATFORM_HELP}${STAFF_HELP}  help                                             show this help

Environment:
  COMPTOIR_URL             server URL (default http://localhost:8080)
  COMPTOIR_ADMIN_USER      admin user (default ${DEMO_ADMIN_USER})
  COMPTOIR_ADMIN_PASSWORD  admin password (default: the demo password)
`;

interface Parsed {
  positional: string[];
  flags: Record<string, string>;
}

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags[a.slice(2, eq)] = a.slice(eq + 1);
      } else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new CliError(`Option ${a} needs a value.`, EXIT_USAGE);
        flags[a.slice(2)] = value;
        i++;
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function need(flags: Record<string, string>, name: string, command: string): string {
  const v = flags[name];
  if (!v) throw new CliError(`${command} needs --${name} <value>. See: npm run admin -- help`, EXIT_USAGE);
  return v;
}

const serverUrl = (process.env.COMPTOIR_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const user = process.env.COMPTOIR_ADMIN_USER || DEMO_ADMIN_USER;
const password = process.env.COMPTOIR_ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new CliError(
      `Cannot reach the sync server at ${serverUrl} (${cause}).\n` +
        `Start it with \`npm run server\` (or \`npm start\`), or point COMPTOIR_URL at it.`,
      EXIT_UNREACHABLE,
    );
  }
  const text = await res.text();
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  if (res.status === 401) {
    throw new CliError(
      `The server at ${serverUrl} refused the admin credentials (user "${user}").\n` +
        'Set COMPTOIR_ADMIN_USER and COMPTOIR_ADMIN_PASSWORD to the values the server was started with.',
      EXIT_AUTH,
    );
  }
  if (!res.ok) {
    const reason = typeof data.reason === 'string' ? data.reason : text.slice(0, 200) || res.statusText;
    throw new CliError(`Error ${res.status}: ${reason}`, 1);
  }
  return data as T;
}

interface Issued {
  registerId: string;
  storeId: string;
  name: string;
  pairingCode: string;
  expiresAt: string;
}

function printIssued(i: Issued): void {
  console.log(pairingBanner({ pairingCode: i.pairingCode, storeId: i.storeId, registerId: i.registerId, registerName: i.name, expiresAt: i.expiresAt, urls: [`${serverUrl}/`] }));
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    case 'create-store': {
      const id = positional[0] ?? flags.id;
      if (!id) throw new CliError('create-store needs a store id: npm run admin -- create-store paris-11 --name "Comptoir Paris 11"', EXIT_USAGE);
      const store = await api<{ id: string; name: string; dbName: string }>('POST', '/api/admin/stores', { id, name: flags.name ?? id });
      console.log(`Created store "${store.id}" (${store.name}), database ${store.dbName}.`);
      console.log(`Next: npm run admin -- create-register --store ${store.id} --name "Caisse 1"`);
      return;
    }
    case 'create-register': {
      const store = need(flags, 'store', 'create-register');
      printIssued(await api<Issued>('POST', `/api/admin/stores/${encodeURIComponent(store)}/registers`, flags.name ? { name: flags.name } : {}));
      return;
    }
    case 'pairing-code': {
      const store = need(flags, 'store', 'pairing-code');
      const register = need(flags, 'register', 'pairing-code');
      printIssued(await api<Issued>('POST', `/api/admin/stores/${encodeURIComponent(store)}/registers/${encodeURIComponent(register)}/pairing-code`, {}));
      return;
    }
    case 'list-stores': {
      const { stores } = await api<{ stores: Array<{ id: string; name: string; registers: number; createdAt: string }> }>('GET', '/api/admin/stores');
      if (stores.length === 0) console.log('No stores yet. Create one: npm run admin -- create-store <id> --name "…"');
      for (const s of stores) console.log(`${s.id.padEnd(32)} ${s.name.padEnd(32)} ${String(s.registers).padStart(3)} register(s)  created ${s.createdAt}`);
      return;
    }
    case 'list-registers': {
      const store = need(flags, 'store', 'list-registers');
      const { registers } = await api<{ registers: Array<{ registerId: string; name: string; paired: boolean; pairedAt: string | null }> }>(
        'GET',
        `/api/admin/stores/${encodeURIComponent(store)}/registers`,
      );
      if (registers.length === 0) console.log(`No registers in "${store}". Create one: npm run admin -- create-register --store ${store}`);
      for (const r of registers) console.log(`${r.registerId.padEnd(8)} ${r.name.padEnd(32)} ${r.paired ? `paired ${r.pairedAt ?? ''}` : 'not paired'}`);
      return;
    }
    default: {
      // Staff and journal commands (issue 3): cli/staff-commands.ts.
      const ctx = { api, usage: (m: string) => new CliError(m, EXIT_USAGE) };
      const code = (await platformCommand(command, flags, ctx)) ?? (await staffCommand(command, flags, ctx));
      if (code === null) throw new CliError(`Unknown command "${command}".\n\n${HELP}`, EXIT_USAGE);
      if (code !== 0) process.exitCode = code;
      return;
    }
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(err.message);
    process.exit(err.code);
  }
  console.error(err);
  process.exit(1);
});
