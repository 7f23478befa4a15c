/**
 * Per-store platform links (shop, API base URL, credentials, webhook secret), kept in the private
 * system file (never in the store database, so secrets never replicate to registers).
 */
import type { Platform } from '../../src/domain/documents.ts';
import type { PlatformLinkRecord, SystemStore } from '../system/system-store.ts';
import { adapterFor, isPlatform } from './registry.ts';

export interface LinkInput {
  shop: string;
  apiUrl: string;
  credentials: Record<string, string>;
  webhookSecret: string;
}

/** Demo links: shops match the seeded web orders; no API credentials (polling is off for them). */
export const DEMO_LINKS: Readonly<Record<Platform, { shop: string; apiUrl: string; secretEnv: string; defaultSecret: string }>> = {
  shopify: { shop: 'demo-shop.myshopify.com', apiUrl: 'https://demo-shop.myshopify.com/admin/api/2025-01', secretEnv: 'SHOPIFY_WEBHOOK_SECRET', defaultSecret: 'demo-shopify-secret' },
  woocommerce: { shop: 'epicerie-comptoir.fr', apiUrl: 'https://epicerie-comptoir.fr/wp-json/wc/v3', secretEnv: 'WOOCOMMERCE_WEBHOOK_SECRET', defaultSecret: 'demo-woocommerce-secret' },
  bigcommerce: { shop: 'store-x7k2m9qd', apiUrl: 'https://api.bigcommerce.com/stores/x7k2m9qd', secretEnv: 'BIGCOMMERCE_WEBHOOK_SECRET', defaultSecret: 'demo-bigcommerce-secret' },
};

/** Checks an admin's input; returns the reason when it is unusable. */
export function parseLinkInput(platform: Platform, body: Record<string, unknown>): LinkInput | string {
  const shop = typeof body.shop === 'string' ? body.shop.trim() : '';
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,120}$/.test(shop)) return 'shop must be a host name or store id (letters, digits, "." and "-", no ":"), e.g. "my-shop.myshopify.com"';
  const apiUrl = typeof body.apiUrl === 'string' ? body.apiUrl.trim().replace(/\/+$/, '') : '';
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) return 'apiUrl must be an http(s) URL, e.g. "https://my-shop.myshopify.com/admin/api/2025-01"';
  const webhookSecret = typeof body.webhookSecret === 'string' ? body.webhookSecret : '';
  if (webhookSecret.length < 8 || webhookSecret.length > 512) return 'webhookSecret must be 8 to 512 characters';
  const credentials: Record<string, string> = {};
  const given = typeof body.credentials === 'object' && body.credentials !== null ? (body.credentials as Record<string, unknown>) : {};
  for (const key of adapterFor(platform).credentialKeys) {
    const v = given[key] ?? body[key];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string' || v.length > 1024) return `${key} must be a string`;
    credentials[key] = v;
  }
  return { shop, apiUrl, credentials, webhookSecret };
}

export class PlatformLinks {
  constructor(private readonly system: SystemStore) {}

  list(storeId?: string): readonly PlatformLinkRecord[] {
    const all = this.system.snapshot.platformLinks ?? [];
    return storeId === undefined ? all : all.filter((l) => l.storeId === storeId);
  }

  get(storeId: string, platform: string): PlatformLinkRecord | undefined {
    if (!isPlatform(platform)) return undefined;
    return this.list(storeId).find((l) => l.platform === platform);
  }

  async set(storeId: string, platform: Platform, input: LinkInput): Promise<PlatformLinkRecord> {
    return this.system.mutate((d) => {
      const links = (d.platformLinks ??= []);
      const record: PlatformLinkRecord = { storeId, platform, ...input, updatedAt: new Date().toISOString() };
      const i = links.findIndex((l) => l.storeId === storeId && l.platform === platform);
      if (i >= 0) links[i] = record;
      else links.push(record);
      return record;
    });
  }

  async remove(storeId: string, platform: Platform): Promise<boolean> {
    return this.system.mutate((d) => {
      const before = d.platformLinks?.length ?? 0;
      d.platformLinks = (d.platformLinks ?? []).filter((l) => !(l.storeId === storeId && l.platform === platform));
      return d.platformLinks.length !== before;
    });
  }

  /**
   * Links the demo store to all three platforms (first start), and applies SHOPIFY_WEBHOOK_SECRET,
   * WOOCOMMERCE_WEBHOOK_SECRET and BIGCOMMERCE_WEBHOOK_SECRET to the demo links at every start.
   */
  async ensureDemoLinks(storeId: string, env: Record<string, string | undefined>): Promise<void> {
    for (const [platform, demo] of Object.entries(DEMO_LINKS) as Array<[Platform, (typeof DEMO_LINKS)[Platform]]>) {
      const override = env[demo.secretEnv]?.trim();
      const existing = this.get(storeId, platform);
      if (!existing) {
        await this.set(storeId, platform, { shop: demo.shop, apiUrl: demo.apiUrl, credentials: {}, webhookSecret: override || demo.defaultSecret });
      } else if (override && existing.webhookSecret !== override) {
        await this.set(storeId, platform, { shop: existing.shop, apiUrl: existing.apiUrl, credentials: existing.credentials, webhookSecret: override });
      }
    }
  }
}

/** What the admin API shows of a link: never the secrets themselves. */
export function publicLink(l: PlatformLinkRecord) {
  return {
    storeId: l.storeId,
    platform: l.platform,
    shop: l.shop,
    apiUrl: l.apiUrl,
    credentials: Object.keys(l.credentials),
    hasWebhookSecret: l.webhookSecret !== '',
    updatedAt: l.updatedAt,
  };
}
