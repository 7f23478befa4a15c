/**
 * Two registers edit the same customer while offline — the phone on one, the email on the other.
 * Back online, the conflicting revisions are merged field-wise in the sync workers (ADR 0015): both
 * registers show both changes, and the server's document has a single revision, no _conflicts.
 */
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { CustomerDoc } from '../../src/domain/documents.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { allOffline, readyToSell } from './customers-helpers.ts';
import { serverDocs } from './helpers.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ seedDemo: true, staticDir: process.env['E2E_STATIC_DIR'] ?? path.resolve('dist') });
});

test.afterAll(async () => {
  await server?.stop();
});

const EMAIL = 'ada.lovelace@example.fr';
const NEW_EMAIL = 'ada@analytical.example';

async function openProfile(page: Page, query: string): Promise<void> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-search').fill(query);
  await expect(page.getByTestId('customer-row')).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId('customer-row').click();
  await expect(page.getByTestId('customer-form')).toBeVisible();
}

async function editField(page: Page, field: 'phone' | 'email', value: string): Promise<void> {
  await openProfile(page, 'lovelace');
  await page.getByTestId(`customer-${field}`).fill(value);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-form')).toHaveCount(0);
}

test('one customer edited on two offline registers: both changes kept everywhere, no conflict left', async ({ browser }) => {
  test.setTimeout(300_000);
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const pages: Page[] = [];
    for (const [i, context] of contexts.entries()) {
      const page = await context.newPage();
      await readyToSell(page, server, `Caisse ${i + 1}`);
      pages.push(page);
    }
    const [a, b] = pages as [Page, Page];

    // Created on A while online; B receives it before the network goes.
    await a.getByTestId('nav-customers').click();
    await a.getByTestId('customer-new').click();
    await a.getByTestId('customer-name').fill('Ada Lovelace');
    await a.getByTestId('customer-email').fill(EMAIL);
    await a.getByTestId('customer-save').click();
    await expect(a.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
    await openProfile(b, 'lovelace');
    await b.getByTestId('customer-cancel').click();

    await allOffline(contexts, pages);
    await editField(a, 'phone', '06 12 34 56 78');
    await editField(b, 'email', NEW_EMAIL);
    for (const context of contexts) await context.setOffline(false);

    // The server ends with one revision holding both edits and no conflicting revision.
    const id = (await serverDocs<CustomerDoc>(server, 'demo', 'customer:')).find((c) => c.name === 'Ada Lovelace')!._id;
    const onServer = async (): Promise<Record<string, unknown>> => {
      const res = await server.adminFetch(`/db/store-demo/${encodeURIComponent(id)}?conflicts=true`);
      return (await res.json()) as Record<string, unknown>;
    };
    await expect.poll(async () => {
      const doc = await onServer();
      return { phone: doc['phone'], email: doc['email'], conflicts: doc['_conflicts'] ?? null };
    }, { timeout: 120_000, intervals: [1_000, 2_000] }).toEqual({ phone: '+33612345678', email: NEW_EMAIL, conflicts: null });

    // Both registers show both changes.
    for (const page of pages) {
      await page.getByTestId('nav-customers').click();
      await page.getByTestId('customer-search').fill('lovelace');
      const row = page.getByTestId('customer-row');
      await expect(row).toContainText(NEW_EMAIL, { timeout: 60_000 });
      await expect(row).toContainText('06 12 34 56 78');
      await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 60_000 });
    }
    const final = await onServer();
    expect(final['_conflicts']).toBeUndefined();
    expect((final['clock'] as Record<string, string> | undefined)?.['phone']).toBeDefined();
  } finally {
    for (const context of contexts) await context.close();
  }
});
