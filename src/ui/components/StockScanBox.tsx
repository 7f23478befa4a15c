/**
 * The scan field of the stock screens: a keyboard-wedge, serial, HID or camera scan anywhere on the
 * screen (useScans), or a code typed here and Enter, resolves to a product (barcode in any GTIN
 * form, or SKU). An unknown code or a misread check digit is said out loud, never guessed.
 */
import { createSignal, onMount, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { productForScan } from '../../store/product-queries.ts';
import { beep } from '../beep.ts';
import { t } from '../i18n/index.ts';
import { useScans } from '../scanning.ts';
import type { ProductRow } from '../types.ts';

export function StockScanBox(props: { testId: string; onProduct: (p: ProductRow) => void; disabled?: boolean }): JSX.Element {
  const [text, setText] = createSignal('');
  const [unknown, setUnknown] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;

  async function resolve(code: string): Promise<void> {
    const trimmed = code.trim();
    if (trimmed === '' || props.disabled) return;
    const product = await productForScan(trimmed);
    if (product === undefined) {
      setUnknown(trimmed);
      beep('error');
      return;
    }
    setUnknown(null);
    props.onProduct(product);
  }

  useScans((scan) => void resolve(scan.code));
  onMount(() => input?.focus());

  return (
    <form class="stock-scan" onSubmit={(e) => { e.preventDefault(); const code = text(); setText(''); void resolve(code); }}>
      <label class="field grow">
        <span>{t().stock.scan}</span>
        <input ref={input} data-testid={props.testId} autocomplete="off" inputmode="text" placeholder={t().stock.scanPlaceholder}
          value={text()} onInput={(e) => setText(e.currentTarget.value)} disabled={props.disabled} />
      </label>
      <button type="submit" class="btn secondary" disabled={props.disabled}>{t().stock.add}</button>
      <Show when={unknown()}>{(code) => <p class="banner error" role="alert" data-testid={`${props.testId}-unknown`}>{t().stock.unknownCode(code())}</p>}</Show>
    </form>
  );
}
