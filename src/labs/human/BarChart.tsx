/**
 * Vertical bars with a value axis, labels under the bars and the values on
 * them when there is room: item support, attention weights, recall in the
 * context and emotion conditions. Each bar has a <title> (hover, touch and
 * screen readers) and the chart a text description.
 */
import { useState } from 'react';
import { scaleLinear } from 'd3';
import { formatNumber } from '../../ui/chartMath';
import { useElementSize } from '../../ui/hooks';

export interface Bar {
  label: string;
  value: number;
  /** Drawn in the accent colour (the chosen item). */
  highlight?: boolean;
  /** Drawn pale (an item already recalled). */
  muted?: boolean;
  /** Longer text for the bar's tooltip. */
  title?: string;
}

const M = { top: 18, right: 8, bottom: 34, left: 60 };

export function BarChart({
  bars,
  yLabel,
  title,
  max,
  height = 200,
  format = (v: number) => formatNumber(v),
  testId,
}: {
  bars: readonly Bar[];
  yLabel: string;
  title: string;
  /** Top of the value axis (default: the largest value, at least 1e-9). */
  max?: number;
  height?: number;
  format?: (v: number) => string;
  testId?: string;
}) {
  const [wrap, setWrap] = useState<HTMLElement | null>(null);
  const width = Math.floor(useElementSize(wrap)?.width ?? 0);
  const iw = Math.max(0, width - M.left - M.right);
  const ih = height - M.top - M.bottom;
  const top = max ?? Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const slot = bars.length ? iw / bars.length : 0;
  const labelEvery = Math.max(1, Math.ceil(28 / Math.max(slot, 1e-9)));
  const showValues = bars.length <= 8 && slot >= 40;
  const scale = scaleLinear().domain([0, top]).range([ih, 0]).nice();
  const y = (v: number) => scale(Math.max(0, Math.min(v, scale.domain()[1])));
  const ticks = scale.ticks(4);
  const desc = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  return (
    <figure className="ui-chart hm-bars" ref={setWrap} data-testid={testId}>
      <figcaption className="ui-chart-title">{title}</figcaption>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={`${title}. ${desc}`}>
          <g transform={`translate(${M.left},${M.top})`}>
            {ticks.map((t) => (
              <g key={t} className="hm-bars-tick">
                <line x1={0} x2={iw} y1={y(t)} y2={y(t)} />
                <text x={-6} y={y(t)} dy="0.32em" textAnchor="end">
                  {formatNumber(t)}
                </text>
              </g>
            ))}
            <text
              className="ui-chart-axis-label"
              transform={`translate(${-M.left + 10},${ih / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
            {bars.map((b, i) => {
              const v = Number.isFinite(b.value) ? b.value : 0;
              const x = i * slot + slot * 0.12;
              const cls = b.highlight
                ? 'hm-bar hm-bar--on'
                : b.muted
                  ? 'hm-bar hm-bar--muted'
                  : 'hm-bar';
              return (
                <g key={i} data-value={b.value}>
                  <rect className={cls} x={x} width={slot * 0.76} y={y(v)} height={ih - y(v)}>
                    <title>{b.title ?? `${b.label}: ${format(b.value)}`}</title>
                  </rect>
                  {showValues && (
                    <text
                      className="hm-bar-value"
                      x={x + slot * 0.38}
                      y={y(v) - 4}
                      textAnchor="middle"
                    >
                      {format(b.value)}
                    </text>
                  )}
                  {i % labelEvery === 0 && (
                    <text
                      className="hm-bar-label"
                      x={x + slot * 0.38}
                      y={ih + 16}
                      textAnchor="middle"
                    >
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      )}
    </figure>
  );
}
