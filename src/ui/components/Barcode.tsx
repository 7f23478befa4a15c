import JsBarcode from 'jsbarcode';
import { createEffect } from 'solid-js';
import type { JSX } from 'solid-js';

/** A Code 128 barcode drawn by jsbarcode into an <svg>. */
export function Barcode(props: { value: string; height?: number; label?: string }): JSX.Element {
  let svg!: SVGSVGElement;
  createEffect(() => {
    try {
      JsBarcode(svg, props.value, {
        format: 'CODE128',
        height: props.height ?? 48,
        width: 2,
        margin: 0,
        displayValue: true,
        fontSize: 14,
        font: 'ui-monospace, monospace',
        background: 'transparent',
      });
    } catch (e) {
      console.error('[comptoir] barcode', e);
    }
  });
  return <svg ref={svg} class="barcode" role="img" aria-label={props.label ?? props.value} data-value={props.value} />;
}
