import type { webImportFr } from './web-import.fr.ts';

export const webImportEn: typeof webImportFr = {
  link: 'Import web orders…',
  title: 'Import web orders',
  intro: 'Imports the orders placed on the online shops between two dates. An order already here is never imported twice.',
  range: (from: string, to: string) => `Import the web orders from ${from} to ${to}`,
  from: 'From',
  to: 'to',
  start: 'Import',
  running: 'Importing…',
  progress: (done: number, total: number) => `${done} / ${total} order${total === 1 ? '' : 's'}`,
  summary: (imported: number, unchanged: number) => `${imported} imported or updated, ${unchanged} already up to date.`,
  states: { running: 'Running', done: 'Done', failed: 'Failed', interrupted: 'Interrupted (server restarted)' },
  errors: 'Errors',
  problemsTitle: 'Import problems',
  problemsEmpty: 'No problems: every web order matches the catalogue.',
  order: 'Order',
  platform: 'Shop',
  problem: 'Problem',
  problemText: (code: string) => {
    const [kind, ...rest] = code.split(':');
    const detail = rest.join(':');
    if (kind === 'unknown_sku') return `SKU not in the catalogue: ${detail}`;
    if (kind === 'no_sku') return `Item without a SKU: ${detail}`;
    return code;
  },
};
