import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import type { ConnectionState } from '../../store/sync-port.ts';
import { fmtDateTime, lang, setLang, t } from '../i18n/index.ts';
import { currentPairing, session } from '../session.ts';
import { applyUpdate, updateAvailable } from '../pwa.ts';
import { OrdersBadge } from './OrdersBadge.tsx';
import { showShortcutHelp } from './ShortcutHelp.tsx';
import { StaffBadge } from './StaffBadge.tsx';

const ICONS: Record<ConnectionState, string> = {
  online: '●',
  syncing: '⟳',
  connecting: '…',
  offline: '⊘',
  error: '⚠',
  unpaired: '○',
};

export function ConnectionBadge(): JSX.Element {
  const state = (): ConnectionState => session.status.value().state;
  const title = (): string => {
    const s = session.status.value();
    const parts = [t().connection.label + ' : ' + t().connection[s.state]];
    if (s.lastSyncedAt) parts.push(t().header.lastSynced(fmtDateTime(s.lastSyncedAt)));
    if (s.message) parts.push(s.message);
    return parts.join(' — ');
  };
  return (
    <span
      class={`badge conn conn-${state()}`}
      data-testid="connection-state"
      data-state={state()}
      role="status"
      aria-live="polite"
      title={title()}
    >
      <span class="conn-icon" classList={{ spin: state() === 'syncing' }} aria-hidden="true">
        {ICONS[state()]}
      </span>
      <span class="conn-text">{t().connection[state()]}</span>
    </span>
  );
}

/** The register's screens, in the order a cashier's day goes; adding a screen is one line here. */
const NAV: ReadonlyArray<{ id: string; href: string; label: () => string }> = [
  { id: 'sell', href: '/', label: () => t().nav.sell },
  { id: 'sales', href: '/sales', label: () => t().nav.sales },
  { id: 'customers', href: '/customers', label: () => t().customers.nav },
  { id: 'orders', href: '/orders', label: () => t().nav.orders },
  { id: 'stock', href: '/stock', label: () => t().stock.nav },
  { id: 'products', href: '/products', label: () => t().products.nav },
  { id: 'shift', href: '/shift', label: () => t().shift.nav },
  { id: 'reports', href: '/reports', label: () => t().reports.nav },
  { id: 'returns', href: '/returns', label: () => t().returns.nav },
  { id: 'devices', href: '/devices', label: () => t().devices.nav },
  { id: 'sync', href: '/sync', label: () => t().nav.sync },
  { id: 'journal', href: '/journal', label: () => t().staff.journal.nav },
];

export function Header(): JSX.Element {
  const pending = (): number => session.status.value().pending;
  const persisted = (): boolean | null => session.persistence.value()?.persisted ?? null;
  const paired = (): boolean => Boolean(currentPairing());
  return (
    <header class="app-header">
      <div class="brand">
        <img src="/favicon.svg" alt="" width="32" height="32" />
        <div class="brand-text">
          <strong class="store-name">{session.settings.value()?.name ?? t().appName}</strong>
          <span class="register-name">
            <Show when={currentPairing()} fallback={t().connection.unpaired}>
              {(p) => (
                <>
                  {t().header.register} · {p().registerName}
                </>
              )}
            </Show>
          </span>
        </div>
      </div>

      <Show when={paired()}>
        <nav class="main-nav" aria-label={t().nav.main}>
          <For each={NAV}>
            {(link) => (
              <A href={link.href} end={link.href === '/'} data-testid={`nav-${link.id}`} activeClass="active">
                {link.label()}
                {/* New web orders not yet seen here: a count on the link, and a chime when one arrives. */}
                <Show when={link.id === 'orders'}>
                  <OrdersBadge />
                </Show>
              </A>
            )}
          </For>
        </nav>
      </Show>

      <Show when={updateAvailable()}>
        <button type="button" class="btn update" data-testid="apply-update" title={t().update.available} onClick={() => applyUpdate()}>
          ⬆ {t().update.apply}
        </button>
      </Show>
      <button type="button" class="help-button" data-testid="help-open" title={t().help.open} aria-label={t().help.open} onClick={() => showShortcutHelp()}>
        ?
      </button>
      <div class="lang-switch" role="group" aria-label={t().language}>
        <button type="button" aria-pressed={lang() === 'fr'} onClick={() => setLang('fr')} lang="fr">
          FR
        </button>
        <button type="button" aria-pressed={lang() === 'en'} onClick={() => setLang('en')} lang="en">
          EN
        </button>
      </div>
      <div class="status-area">
        <StaffBadge />
        <ConnectionBadge />
        <A
          href="/sync"
          class="badge pending"
          classList={{ 'has-pending': pending() > 0 }}
          title={t().header.pendingTitle}
        >
          <span class="pending-count" data-testid="pending-count">
            {pending()}
          </span>
          <span class="pending-text">{t().header.pending(pending())}</span>
        </A>
        <span
          class="badge persistence"
          classList={{ granted: persisted() === true, denied: persisted() === false }}
          data-testid="persistence"
          data-persisted={persisted() === null ? 'unknown' : String(persisted())}
        >
          <span aria-hidden="true">{persisted() === true ? '✓' : persisted() === false ? '⚠' : '…'}</span>{' '}
          {persisted() === true
            ? t().header.persistenceGranted
            : persisted() === false
              ? t().header.persistenceDenied
              : t().header.persistenceUnknown}
        </span>
      </div>
    </header>
  );
}
