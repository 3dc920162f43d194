/**
 * Presentational pieces of LineChart (and of charts drawn like it): the
 * axes with their labels, reference markers, the legend and the crosshair
 * tooltip.
 */
import type { ReactNode, Ref } from 'react';
import type { ScaleContinuousNumeric } from 'd3';
import { type ChartMarker, drawable } from './chartMath';
import { seriesColor } from './scales';

type Scale = ScaleContinuousNumeric<number, number>;

/**
 * Inside the plot's `<g>` (translated by the left and top margins): the
 * groups d3 draws the y and x axes into (through the refs), the x label
 * under the x axis and the y label turned along the y axis in the left
 * margin of `left` px.
 */
export function Axes({
  xRef,
  yRef,
  iw,
  ih,
  left,
  xLabel,
  yLabel,
}: {
  xRef: Ref<SVGGElement>;
  yRef: Ref<SVGGElement>;
  iw: number;
  ih: number;
  left: number;
  xLabel: ReactNode;
  yLabel: ReactNode;
}) {
  return (
    <>
      <g ref={yRef} className="ui-chart-y" />
      <g ref={xRef} className="ui-chart-x" transform={`translate(0,${ih})`} />
      <text className="ui-chart-axis-label" x={iw / 2} y={ih + 40} textAnchor="middle">
        {xLabel}
      </text>
      <text
        className="ui-chart-axis-label"
        transform={`translate(${-left + 16},${ih / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {yLabel}
      </text>
    </>
  );
}

interface MarkerProps {
  marker: ChartMarker;
  x: Scale;
  y: Scale;
  iw: number;
  ih: number;
  logX: boolean;
  logY: boolean;
}

/** A reference line (x or y alone) or a labelled point (both). */
export function Marker({ marker, x, y, iw, ih, logX, logY }: MarkerProps) {
  const hasX = drawable(marker.x, logX);
  const hasY = drawable(marker.y, logY);
  if (!hasX && !hasY) return null;
  const mx = hasX ? x(marker.x!) : 0;
  const my = hasY ? y(marker.y!) : 0;
  const label = (lx: number, ly: number, anchor?: 'end') => (
    <text x={lx} y={ly} textAnchor={anchor}>
      {marker.label}
    </text>
  );
  return (
    <g className="ui-chart-marker">
      {hasX && hasY ? (
        <>
          <circle cx={mx} cy={my} r={5} fill="none" stroke="currentColor" strokeWidth={2} />
          {label(mx + 8, my - 8)}
        </>
      ) : hasX ? (
        <>
          <line x1={mx} x2={mx} y1={0} y2={ih} />
          {label(mx + 4, 12)}
        </>
      ) : (
        <>
          <line x1={0} x2={iw} y1={my} y2={my} />
          {label(iw - 4, my - 5, 'end')}
        </>
      )}
    </g>
  );
}

export function Legend({
  series,
}: {
  series: readonly { name: string; color?: string; dashed?: boolean }[];
}) {
  return (
    <ul className="ui-legend">
      {series.map((s, k) => (
        <li key={k}>
          <svg width={26} height={10} aria-hidden="true">
            <line
              x1={1}
              x2={25}
              y1={5}
              y2={5}
              stroke={seriesColor(k, s.color)}
              strokeWidth={3}
              strokeDasharray={s.dashed ? '6 4' : undefined}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

export interface TooltipProps {
  /** Anchor, in px from the plot's top-left. */
  left: number;
  top: number;
  /** Put the box left of the anchor (near the right edge). */
  flip: boolean;
  heading: string;
  rows: readonly { key: number; color: string; text: string }[];
}

export function Tooltip({ left, top, flip, heading, rows }: TooltipProps) {
  return (
    <div
      className="ui-tooltip"
      style={{
        left: left + (flip ? -12 : 12),
        top,
        transform: flip ? 'translateX(-100%)' : undefined,
      }}
    >
      <div>{heading}</div>
      {rows.map((r) => (
        <div key={r.key}>
          <span className="ui-tooltip-swatch" style={{ background: r.color }} />
          {r.text}
        </div>
      ))}
    </div>
  );
}
