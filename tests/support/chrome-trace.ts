/**
 * A Chrome trace of one page's renderer while something runs (a diagnostic, written only when asked):
 * open the file in Perfetto or chrome://tracing to see what each main-thread task did, and how much
 * of its wall time was CPU time (a task of 2 ms of work stretched to 80 ms waited for a core).
 *
 * Only thread names and events of 0.3 ms or more are kept: a million-row run traced in full does not
 * fit in one string.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc,blink,IndexedDB,toplevel';
const MIN_DURATION_US = 300;

/** Starts tracing; the returned function stops and writes the trace to `file`. */
export async function startChromeTrace(context: BrowserContext, page: Page, file: string): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  const events: unknown[] = [];
  const complete = new Promise<void>((resolve) => {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value as Array<{ ph?: string; dur?: number }>) if (ev.ph === 'M' || (ev.dur ?? 0) >= MIN_DURATION_US) events.push(ev);
    });
    cdp.on('Tracing.tracingComplete', () => resolve());
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await writeFile(file, JSON.stringify({ traceEvents: events }));
    await cdp.detach();
  };
}
