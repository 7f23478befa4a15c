import { useLocation } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { isTyping, registeredShortcuts, type Shortcut } from '../shortcuts.ts';
import '../styles/customers-history.css';

const [open, setOpen] = createSignal(false);

/** Opens the shortcut help (the header's "?" button does this too). */
export function showShortcutHelp(): void {
  setOpen(true);
}

/** Shortcuts of screens that do not register their own, by route. */
function fallback(pathname: string): Shortcut[] {
  if (pathname === '/') {
    return [
      { keys: 'F2', label: () => t().help.keys.search },
      { keys: 'F4', label: () => t().help.keys.pay },
      { keys: '+ / −', label: () => t().help.keys.quantity },
    ];
  }
  return [];
}

/**
 * "?" (outside a text field) shows the shortcuts of the current screen and the global ones; Escape
 * or the close button hides it. Mounted once in the app shell.
 */
export function ShortcutHelp(): JSX.Element {
  const location = useLocation();
  const global = (): Shortcut[] => [
    { keys: '?', label: () => t().help.keys.help },
    { keys: t().keys.esc, label: () => t().help.keys.escape },
  ];
  const screen = (): Shortcut[] => {
    const registered = registeredShortcuts();
    return registered.length > 0 ? registered : fallback(location.pathname);
  };

  const onKey = (e: KeyboardEvent): void => {
    if (e.key === '?' && !isTyping(e) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setOpen((v) => !v);
    } else if (e.key === 'Escape' && open()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      setOpen(false);
    }
  };
  onMount(() => window.addEventListener('keydown', onKey, true));
  onCleanup(() => window.removeEventListener('keydown', onKey, true));

  const Rows = (p: { list: Shortcut[] }): JSX.Element => (
    <dl class="shortcut-list">
      <For each={p.list}>
        {(s) => (
          <div class="shortcut-row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.label()}</dd>
          </div>
        )}
      </For>
    </dl>
  );

  return (
    <Show when={open()}>
      <div class="overlay" onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
        <div class="panel shortcut-help" role="dialog" aria-modal="true" aria-label={t().help.title} data-testid="shortcut-help">
          <h2>{t().help.title}</h2>
          <h3 class="section-title">{t().help.screen}</h3>
          <Show when={screen().length > 0} fallback={<p class="muted">{t().help.none}</p>}>
            <Rows list={screen()} />
          </Show>
          <h3 class="section-title">{t().help.global}</h3>
          <Rows list={global()} />
          <div class="panel-actions">
            <button
              type="button"
              class="btn primary"
              data-testid="shortcut-help-close"
              ref={(el) => queueMicrotask(() => el.focus())}
              onClick={() => setOpen(false)}
            >
              {t().help.close} <kbd>{t().keys.esc}</kbd>
            </button>
          </div>
        </div>
      </div>
    </Show>
  );
}
