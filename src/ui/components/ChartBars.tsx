/**
 * A bar chart drawn as plain SVG (no chart library): vertical bars for a series over time (days,
 * hours), horizontal bars for a ranking (tenders, categories). Negative values (a refund-heavy hour)
 * go below the zero line. Accessible: the SVG is one image with a <title> and a <desc> that says
 * what it shows and its highest bar; each bar carries its own <title> (a tooltip); the numbers
 * themselves are in the table beside every chart.
 */
import { createMemo, createUniqueId, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** The value as shown (formatted money, a count). */
  valueText: string;
}

export interface ChartBarsProps {
  title: string;
  /** Overrides the generated description. */
  description?: string;
  /** How the generated description reads: (bars, highest value text, its label) → text. */
  describe: (n: number, max: string, at: string) => string;
  bars: readonly ChartBar[];
  orientation: 'vertical' | 'horizontal';
  testid?: string;
}

const V = { barWidth: 26, gap: 6, height: 180, top: 14, bottom: 34, left: 6, minWidth: 320 };
const H = { row: 26, gap: 6, labelWidth: 180, barMax: 230, valueWidth: 100, pad: 4 };

export function ChartBars(props: ChartBarsProps): JSX.Element {
  const titleId = createUniqueId();
  const descId = createUniqueId();
  const extent = createMemo(() => {
    let max = 0;
    let min = 0;
    for (const b of props.bars) {
      if (b.value > max) max = b.value;
      if (b.value < min) min = b.value;
    }
    return { max, min, span: max - min || 1 };
  });
  const highest = createMemo(() => props.bars.reduce<ChartBar | undefined>((best, b) => (best === undefined || b.value > best.value ? b : best), undefined));
  const description = (): string => props.description ?? props.describe(props.bars.length, highest()?.valueText ?? '', highest()?.label ?? '');

  return (
    <figure class={`chart chart-${props.orientation}`} data-testid={props.testid}>
      <Show when={props.orientation === 'vertical'} fallback={<Horizontal {...props} titleId={titleId} descId={descId} description={description()} extent={extent()} />}>
        <Vertical {...props} titleId={titleId} descId={descId} description={description()} extent={extent()} />
      </Show>
    </figure>
  );
}

interface Drawn extends ChartBarsProps {
  titleId: string;
  descId: string;
  description: string;
  extent: { max: number; min: number; span: number };
}

function Vertical(props: Drawn): JSX.Element {
  const width = (): number => Math.max(V.minWidth, V.left * 2 + props.bars.length * (V.barWidth + V.gap));
  const plot = V.height - V.top - V.bottom;
  const y = (value: number): number => V.top + ((props.extent.max - value) / props.extent.span) * plot;
  const zero = (): number => y(0);
  // Every label when they fit, else one in `step` (the first of each run), so labels never overlap.
  const step = (): number => Math.max(1, Math.ceil(props.bars.length / Math.floor(width() / 44)));
  return (
    <svg class="chart-svg" width={width()} height={V.height} viewBox={`0 0 ${width()} ${V.height}`} role="img" aria-labelledby={`${props.titleId} ${props.descId}`} preserveAspectRatio="xMinYMid meet">
      <title id={props.titleId}>{props.title}</title>
      <desc id={props.descId}>{props.description}</desc>
      <line class="chart-axis" x1={0} x2={width()} y1={zero()} y2={zero()} />
      <For each={props.bars}>
        {(bar, i) => {
          const x = (): number => V.left + i() * (V.barWidth + V.gap);
          const top = (): number => Math.min(y(bar.value), zero());
          const h = (): number => Math.max(bar.value === 0 ? 0 : 1, Math.abs(y(bar.value) - zero()));
          return (
            <g class="chart-bar" classList={{ negative: bar.value < 0 }} data-key={bar.key} data-value={bar.value}>
              <rect x={x()} y={top()} width={V.barWidth} height={h()} rx={2}>
                <title>{`${bar.label} — ${bar.valueText}`}</title>
              </rect>
              <Show when={i() % step() === 0}>
                <text class="chart-label" x={x() + V.barWidth / 2} y={V.height - V.bottom + 16} text-anchor="middle">
                  {bar.label}
                </text>
              </Show>
            </g>
          );
        }}
      </For>
    </svg>
  );
}

function Horizontal(props: Drawn): JSX.Element {
  const height = (): number => Math.max(H.row, props.bars.length * (H.row + H.gap));
  const width = H.labelWidth + H.barMax + H.valueWidth;
  const x = (value: number): number => H.labelWidth + ((value - props.extent.min) / props.extent.span) * H.barMax;
  const zero = (): number => x(0);
  const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return (
    <svg class="chart-svg" width={width} height={height()} viewBox={`0 0 ${width} ${height()}`} role="img" aria-labelledby={`${props.titleId} ${props.descId}`} preserveAspectRatio="xMinYMin meet">
      <title id={props.titleId}>{props.title}</title>
      <desc id={props.descId}>{props.description}</desc>
      <line class="chart-axis" x1={zero()} x2={zero()} y1={0} y2={height()} />
      <For each={props.bars}>
        {(bar, i) => {
          const yTop = (): number => i() * (H.row + H.gap);
          const left = (): number => Math.min(x(bar.value), zero());
          const w = (): number => Math.max(bar.value === 0 ? 0 : 1, Math.abs(x(bar.value) - zero()));
          return (
            <g class="chart-bar" classList={{ negative: bar.value < 0 }} data-key={bar.key} data-value={bar.value}>
              <text class="chart-label" x={H.labelWidth - H.pad * 2} y={yTop() + H.row / 2} text-anchor="end" dominant-baseline="middle">
                {clip(bar.label)}
              </text>
              <rect x={left()} y={yTop() + 3} width={w()} height={H.row - 6} rx={2}>
                <title>{`${bar.label} — ${bar.valueText}`}</title>
              </rect>
              <text class="chart-value" x={Math.max(x(bar.value), zero()) + H.pad * 2} y={yTop() + H.row / 2} dominant-baseline="middle">
                {bar.valueText}
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}
