/**
 * Admin CLI commands for staff and the journal (dispatched from cli/admin.ts):
 *   create-staff --store <id> --name "…" --role cashier|manager --pin 1234
 *   list-staff --store <id>
 *   update-staff --store <id> --id staff:<…> [--name "…"] [--role …] [--pin …] [--active true|false]
 *   verify-journal --store <id>      exit code 1 when a register's chain is broken
 */
import { formatMoney } from '../../src/domain/money-format.ts';
import { money } from '../../src/domain/money.ts';

export const STAFF_HELP = `  create-staff --store <id> --name "…" --role cashier|manager --pin <4-8 digits>
                                                   add a staff member (the PIN is stored hashed)
  list-staff --store <id>                          list a store's staff (never their PINs)
  update-staff --store <id> --id <staffId> [--name "…"] [--role …] [--pin …] [--active true|false]
                                                   rename, change role, set a new PIN, deactivate
  verify-journal --store <id>                      check every register's journal chain (exit 1 if broken)
`;

export interface CliContext {
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** An error to throw for a usage mistake (exit 64). */
  usage(message: string): Error;
}

interface StaffView {
  id: string;
  name: string;
  role: string;
  active: boolean;
  updatedAt: string;
}

type Verdict =
  | { registerId: string; ok: true; entries: number; grandTotal: number }
  | { registerId: string; ok: false; entryId: string; seq: number; problem: string; message: string };

function need(flags: Record<string, string>, name: string, command: string, ctx: CliContext): string {
  const v = flags[name];
  if (!v) throw ctx.usage(`${command} needs --${name} <value>. See: npm run admin -- help`);
  return v;
}

const line = (s: StaffView): string => `${s.id.padEnd(34)} ${s.name.padEnd(24)} ${s.role.padEnd(8)} ${s.active ? 'active' : 'inactive'}`;
const euros = (minor: number): string => formatMoney(money(minor), { currency: 'EUR', locale: 'en' });

/** Runs a staff/journal command; null when `command` is not one of them, else the exit code. */
export async function staffCommand(command: string, flags: Record<string, string>, ctx: CliContext): Promise<number | null> {
  switch (command) {
    case 'create-staff': {
      const store = need(flags, 'store', command, ctx);
      const body = { name: need(flags, 'name', command, ctx), role: flags.role ?? 'cashier', pin: need(flags, 'pin', command, ctx) };
      const s = await ctx.api<StaffView>('POST', `/api/admin/stores/${encodeURIComponent(store)}/staff`, body);
      console.log(`Created ${s.role} "${s.name}" (${s.id}) in store "${store}".`);
      return 0;
    }
    case 'list-staff': {
      const store = need(flags, 'store', command, ctx);
      const { staff } = await ctx.api<{ staff: StaffView[] }>('GET', `/api/admin/stores/${encodeURIComponent(store)}/staff`);
      if (staff.length === 0) console.log(`No staff in "${store}". Add someone: npm run admin -- create-staff --store ${store} --name "…" --role cashier --pin 1234`);
      for (const s of staff) console.log(line(s));
      return 0;
    }
    case 'update-staff': {
      const store = need(flags, 'store', command, ctx);
      const id = need(flags, 'id', command, ctx);
      const body: Record<string, unknown> = {};
      for (const k of ['name', 'role', 'pin'] as const) if (flags[k] !== undefined) body[k] = flags[k];
      if (flags.active !== undefined) {
        if (flags.active !== 'true' && flags.active !== 'false') throw ctx.usage('--active is true or false');
        body.active = flags.active === 'true';
      }
      if (Object.keys(body).length === 0) throw ctx.usage('update-staff needs at least one of --name, --role, --pin, --active');
      const s = await ctx.api<StaffView>('PATCH', `/api/admin/stores/${encodeURIComponent(store)}/staff/${encodeURIComponent(id)}`, body);
      console.log(`Updated: ${line(s)}`);
      return 0;
    }
    case 'verify-journal': {
      const store = need(flags, 'store', command, ctx);
      const { registers } = await ctx.api<{ ok: boolean; registers: Verdict[] }>('GET', `/api/admin/stores/${encodeURIComponent(store)}/journal/verify`);
      if (registers.length === 0) console.log(`No sales or Z reports in "${store}" yet: nothing to verify.`);
      let broken = false;
      for (const r of registers) {
        if (r.ok) {
          console.log(`${r.registerId}: ok, ${r.entries} entries, grand total ${euros(r.grandTotal)}`);
        } else {
          broken = true;
          console.log(`${r.registerId}: BROKEN at entry ${r.entryId}: ${r.problem} — ${r.message}`);
        }
      }
      return broken ? 1 : 0;
    }
    default:
      return null;
  }
}
