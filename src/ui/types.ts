/**
 * Row types the screens use, derived from the named queries so that the UI never imports the
 * store's schema (lint forbids it) and still follows it when it changes.
 */
import type {
  findProductByCode,
  watchOutbox,
  watchPersistence,
  watchRecentSales,
  watchStoreSettings,
  watchWebOrders,
} from '../store/queries.ts';
import type { Emitted } from './reactive.ts';

export type ProductRow = NonNullable<Awaited<ReturnType<typeof findProductByCode>>>;
export type SaleRow = Emitted<ReturnType<typeof watchRecentSales>>[number];
export type WebOrderRow = Emitted<ReturnType<typeof watchWebOrders>>[number];
export type OutboxRow = Emitted<ReturnType<typeof watchOutbox>>[number];
export type PersistenceAnswer = NonNullable<Emitted<ReturnType<typeof watchPersistence>>>;
export type StoreSettingsRow = NonNullable<Emitted<ReturnType<typeof watchStoreSettings>>>;
