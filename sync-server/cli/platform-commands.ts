/**
 * Admin CLI commands for the web platforms (dispatched from cli/admin.ts):
 *   link-platform --store demo --platform shopify --shop x.myshopify.com --api-url https://… --secret …
 *                 [--access-token …] [--consumer-key … --consumer-secret …]
 *   list-platforms --store <id>
 *   import-products --store <id> --platform <p>
 *   import-csv --store <id> --file catalogue.csv
 *   inbox --store <id> [--state failed]       retry-inbox --store <id>
 */
import fs from 'node:fs';
import type { CliContext } from './staff-commands.ts';

export const PLATFORM_HELP = `  link-platform --store <id> --platform shopify|woocommerce|bigcommerce --shop <shop> --api-url <url> --secret <webhook secret>
                [--access-token …] [--consumer-key … --consumer-secret …]
                                                   link a store to a web shop (secrets stay on the server)
  list-platforms --store <id>                      list a store's platform links (never their secrets)
  import-products --store <id> --platform <p>      import the web shop's products, prices, barcodes and stock
  import-csv --store <id> --file <catalogue.csv>   import sku;name;price;vat;barcode;stock (all or nothing)
  inbox --store <id> [--state pending|done|failed] list webhook deliveries
  retry-inbox --store <id>                         retry the failed webhook deliveries
`;

const FLAG_CREDENTIALS: Record<string, string> = { 'access-token': 'accessToken', 'consumer-key': 'consumerKey', 'consumer-secret': 'consumerSecret' };

function need(flags: Record<string, string>, name: string, command: string, ctx: CliContext): string {
  const v = flags[name];
  if (!v) throw ctx.usage(`${command} needs --${name} <value>. See: npm run admin -- help`);
  return v;
}

export async function platformCommand(command: string, flags: Record<string, string>, ctx: CliContext): Promise<number | null> {
  switch (command) {
    case 'link-platform': {
      const store = need(flags, 'store', command, ctx);
      const platform = need(flags, 'platform', command, ctx);
      const credentials: Record<string, string> = {};
      for (const [flag, key] of Object.entries(FLAG_CREDENTIALS)) if (flags[flag]) credentials[key] = flags[flag]!;
      const link = await ctx.api<{ shop: string; credentials: string[] }>('PUT', `/api/admin/stores/${encodeURIComponent(store)}/platforms/${encodeURIComponent(platform)}`, {
        shop: need(flags, 'shop', command, ctx),
        apiUrl: need(flags, 'api-url', command, ctx),
        webhookSecret: need(flags, 'secret', command, ctx),
        credentials,
      });
      console.log(`Linked store "${store}" to ${platform} (${link.shop}); API credentials: ${link.credentials.join(', ') || 'none (webhooks only, no import or poll)'}.`);
      console.log(`Webhook URL: <server>/webhooks/${platform}/${store}`);
      return 0;
    }
    case 'list-platforms': {
      const store = need(flags, 'store', command, ctx);
      const { links } = await ctx.api<{ links: Array<{ platform: string; shop: string; apiUrl: string; credentials: string[] }> }>('GET', `/api/admin/stores/${encodeURIComponent(store)}/platforms`);
      if (links.length === 0) console.log(`Store "${store}" is not linked to any platform.`);
      for (const l of links) console.log(`${l.platform.padEnd(12)} ${l.shop.padEnd(32)} ${l.apiUrl}  credentials: ${l.credentials.join(', ') || 'none'}`);
      return 0;
    }
    case 'import-products': {
      const store = need(flags, 'store', command, ctx);
      const r = await ctx.api<Record<string, unknown>>('POST', `/api/admin/stores/${encodeURIComponent(store)}/import-products`, { platform: need(flags, 'platform', command, ctx) });
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    case 'import-csv': {
      // The API takes text/csv, or JSON {csv} (what this CLI's JSON client sends).
      const store = need(flags, 'store', command, ctx);
      const text = fs.readFileSync(need(flags, 'file', command, ctx), 'utf8');
      const r = await ctx.api<Record<string, unknown>>('POST', `/api/admin/stores/${encodeURIComponent(store)}/import-csv`, { csv: text });
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    case 'inbox': {
      const store = need(flags, 'store', command, ctx);
      const q = flags.state ? `?state=${encodeURIComponent(flags.state)}` : '';
      const { entries } = await ctx.api<{ entries: Array<{ _id: string; state: string; topic: string; attempts: number; result?: string; lastError?: string; receivedAt: string }> }>('GET', `/api/admin/stores/${encodeURIComponent(store)}/inbox${q}`);
      for (const e of entries) console.log(`${e.receivedAt} ${e.state.padEnd(8)} ${e.topic.padEnd(24)} ${e._id}  ${e.result ?? e.lastError ?? ''}`);
      if (entries.length === 0) console.log('No deliveries.');
      return 0;
    }
    case 'retry-inbox': {
      const store = need(flags, 'store', command, ctx);
      const r = await ctx.api<{ retried: number }>('POST', `/api/admin/stores/${encodeURIComponent(store)}/inbox/retry`, {});
      console.log(`${r.retried} failed deliver${r.retried === 1 ? 'y' : 'ies'} queued again.`);
      return 0;
    }
    default:
      return null;
  }
}
