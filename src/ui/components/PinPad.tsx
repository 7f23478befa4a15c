import { For } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** A touch keypad for PINs: digits append, ⌫ erases one, C clears (the input still takes the keyboard). */
export function PinPad(props: { value: string; onChange: (next: string) => void; max?: number; disabled?: boolean; testIdPrefix?: string }): JSX.Element {
  const press = (key: (typeof KEYS)[number]): void => {
    if (key === 'clear') return props.onChange('');
    if (key === 'back') return props.onChange(props.value.slice(0, -1));
    if (props.value.length < (props.max ?? 8)) props.onChange(props.value + key);
  };
  return (
    <div class="pin-pad" role="group" aria-label={t().staff.signIn.pinLabel}>
      <For each={KEYS}>
        {(key) => (
          <button
            type="button"
            class="btn pin-key"
            tabIndex={-1}
            disabled={props.disabled}
            data-testid={`${props.testIdPrefix ?? 'pinpad'}-${key}`}
            aria-label={key === 'back' ? t().staff.signIn.erase : key === 'clear' ? t().staff.signIn.clear : key}
            onClick={() => press(key)}
          >
            {key === 'back' ? '⌫' : key === 'clear' ? 'C' : key}
          </button>
        )}
      </For>
    </div>
  );
}
