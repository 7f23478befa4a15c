/** The explicit list of platform adapters. Adding a platform means adding it here (and to Platform). */
import type { Platform } from '../../src/domain/documents.ts';
import type { PlatformAdapter } from './adapter.ts';
import { bigCommerceAdapter } from './bigcommerce/index.ts';
import { shopifyAdapter } from './shopify/index.ts';
import { wooCommerceAdapter } from './woocommerce/index.ts';

const ADAPTERS: Readonly<Record<Platform, PlatformAdapter>> = {
  shopify: shopifyAdapter,
  woocommerce: wooCommerceAdapter,
  bigcommerce: bigCommerceAdapter,
};

export const PLATFORMS: readonly Platform[] = Object.keys(ADAPTERS) as Platform[];

export function isPlatform(x: unknown): x is Platform {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ADAPTERS, x);
}

export function adapterFor(platform: Platform): PlatformAdapter {
  return ADAPTERS[platform];
}
