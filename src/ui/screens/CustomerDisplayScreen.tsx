/**
 * The customer-facing window (/display, opened by the sell screen for a second screen). It holds no
 * data of its own and runs no register: main.tsx mounts it without the register lock or the sync. It
 * follows the register over BroadcastChannel and asks for the current state when it opens.
 */
import { createSignal, For, Match, onCleanup, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import { subscribeDisplay } from '../../hardware/customer-display-channel.ts';
import { INITIAL_DISPLAY, type DisplayState } from '../../hardware/customer-display-state.ts';
import { fmtMoney, t } from '../i18n/index.ts';
import '../styles/peripherals.css';

export default function CustomerDisplayScreen(): JSX.Element {
  const [state, setState] = createSignal<DisplayState>(INITIAL_DISPLAY);
  onCleanup(subscribeDisplay(setState));
  const d = (): ReturnType<typeof t>['peripherals']['display'] => t().peripherals.display;

  return (
    <main class="customer-display" data-testid="customer-display" data-phase={state().phase}>
      <header data-testid="display-shop">{state().shopName ?? ''}</header>
      <Switch>
        <Match when={state().phase === 'idle'}>
          <div class="cd-center">
            <p class="cd-thanks">{d().welcome}</p>
          </div>
        </Match>
        <Match when={(() => { const s = state(); return s.phase === 'cart' ? s : null; })()} keyed>
          {(s) => (
            <>
              <ol class="cd-lines">
                <For each={s.lines.slice(-8)}>
                  {(line) => (
                    <li class="cd-line" data-testid="display-line">
                      <span>{line.quantity}×</span>
                      <span data-testid="display-line-name">{line.name}</span>
                      <span>{fmtMoney(line.total, s.currency)}</span>
                    </li>
                  )}
                </For>
              </ol>
              <div class="cd-total">
                <span>{d().total} · {d().items(s.itemCount)}</span>
                <span data-testid="display-total">{fmtMoney(s.total, s.currency)}</span>
              </div>
            </>
          )}
        </Match>
        <Match when={(() => { const s = state(); return s.phase === 'paid' ? s : null; })()} keyed>
          {(s) => (
            <div class="cd-center">
              <p>{d().total} <strong data-testid="display-total">{fmtMoney(s.total, s.currency)}</strong> · {d().given} {fmtMoney(s.tendered, s.currency)}</p>
              <p class="cd-change">{d().change} <span data-testid="display-change">{fmtMoney(s.change, s.currency)}</span></p>
              <p class="cd-thanks" data-testid="display-thanks">{d().thanks}</p>
              <p class="muted">{d().receipt(s.receipt)}</p>
            </div>
          )}
        </Match>
      </Switch>
    </main>
  );
}
