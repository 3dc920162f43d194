/**
 * LineChart: lines over x, with axes, legend, reference markers and a
 * crosshair read-out (pointer, or keyboard: focus the chart, then arrows,
 * Shift+arrows, Home/End; Escape hides it).
 *
 * React owns the SVG skeleton; d3 computes scales, path strings and axes, so
 * a live curve updates only the `d` attributes and the axis ticks each frame,
 * never re-mounting. Series longer than ~4 points per pixel column are
 * decimated (M4) before drawing, which keeps the drawn line exact.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  type ScaleContinuousNumeric,
  axisBottom,
  axisLeft,
  line as d3line,
  scaleLinear,
  scaleLog,
  select,
} from 'd3';
import {
  type ChartMarker,
  type Point,
  type SeriesValues,
  chartDomains,
  decimate,
  describeChart,
  drawable,
  formatNumber,
  toPoints,
} from './chartMath';
import { Axes, Legend, Marker, Tooltip } from './ChartParts';
import { useElementSize } from './hooks';
import { useCrosshair } from './useCrosshair';
import { seriesColor } from './scales';
import './ui.css';
import './charts.css';

export interface LineSeries {
  name: string;
  /** Plain numbers are plotted at x = 0, 1, 2, ...; points should be sorted by x. */
  values: SeriesValues;
  color?: string;
  dashed?: boolean;
}

export interface LineChartProps {
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  /** CSS px, default 260. */
  height?: number;
  /** CSS px; by default the chart fills its container's width. */
  width?: number;
  title?: string;
  /** Reference lines: x gives a vertical line, y a horizontal one, both a labelled point. */
  markers?: readonly ChartMarker[];
  logX?: boolean;
  logY?: boolean;
  yDomain?: readonly [number, number];
  testId?: string;
}

const M = { top: 16, right: 20, bottom: 48, left: 66 };
const NO_MARKERS: readonly ChartMarker[] = [];

function makeScale(log: boolean, domain: [number, number], range: [number, number], nice: boolean) {
  const s: ScaleContinuousNumeric<number, number> = (log ? scaleLog() : scaleLinear())
    .domain(domain)
    .range(range);
  return nice ? s.nice() : s;
}

export function LineChart({
  series,
  xLabel,
  yLabel,
  height = 260,
  width: fixedWidth,
  title,
  markers = NO_MARKERS,
  logX = false,
  logY = false,
  yDomain,
  testId,
}: LineChartProps) {
  const [wrap, setWrap] = useState<HTMLElement | null>(null);
  const box = useElementSize(wrap);
  const width = fixedWidth ?? Math.floor(box?.width ?? 0);
  const iw = Math.max(0, width - M.left - M.right);
  const ih = Math.max(0, height - M.top - M.bottom);

  const points = useMemo(() => series.map((s) => toPoints(s.values)), [series]);
  const domains = useMemo(
    () => chartDomains(points, markers, { logX, logY, yDomain }),
    [points, markers, logX, logY, yDomain],
  );
  const x = useMemo(() => makeScale(logX, domains.x, [0, iw], true), [logX, domains.x, iw]);
  const y = useMemo(
    () => makeScale(logY, domains.y, [ih, 0], !yDomain),
    [logY, domains.y, ih, yDomain],
  );
  const paths = useMemo(() => {
    const gen = d3line<Point>()
      .defined((p) => drawable(p.x, logX) && drawable(p.y, logY))
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    return points.map((pts) => gen(decimate(pts, x, iw)) ?? '');
  }, [points, x, y, iw, logX, logY]);

  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    const nx = Math.max(2, Math.floor(iw / 90));
    const ny = Math.max(2, Math.floor(ih / 45));
    if (xAxis.current) {
      select(xAxis.current).call(logX ? axisBottom(x).ticks(nx, '~g') : axisBottom(x).ticks(nx));
    }
    if (yAxis.current) {
      // SI prefixes (−12k, 3.5M) keep tick labels narrow enough for the margin.
      const axis = (logY ? axisLeft(y).ticks(ny, '~g') : axisLeft(y).ticks(ny, '~s')).tickSizeInner(
        -iw,
      );
      select(yAxis.current).call(axis);
    }
  }, [x, y, iw, ih, logX, logY]);

  const { hoverX, readout, announce, hide, onPointer, onKeyDown } = useCrosshair(
    points,
    series,
    x,
    xLabel,
  );

  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const names = series.map((s) => s.name);
  const hx = hoverX === null ? null : x(hoverX);
  const flip = hx !== null && hx > iw * 0.6;

  return (
    <figure className="ui-chart" ref={setWrap} data-testid={testId}>
      {title && <figcaption className="ui-chart-title">{title}</figcaption>}
      <div className="ui-chart-plot">
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-labelledby={`${ids}-t`}
            aria-describedby={`${ids}-d`}
            tabIndex={0}
            className="ui-focusable"
            onKeyDown={onKeyDown}
            onBlur={hide}
          >
            <title id={`${ids}-t`}>{title ?? `${yLabel} against ${xLabel}`}</title>
            <desc id={`${ids}-d`}>{describeChart(names, points, xLabel, yLabel)}</desc>
            <defs>
              <clipPath id={`${ids}-clip`}>
                <rect x={-2} y={-2} width={iw + 4} height={ih + 4} />
              </clipPath>
            </defs>
            <g transform={`translate(${M.left},${M.top})`}>
              <Axes
                xRef={xAxis}
                yRef={yAxis}
                iw={iw}
                ih={ih}
                left={M.left}
                xLabel={xLabel}
                yLabel={yLabel}
              />
              <g clipPath={`url(#${ids}-clip)`}>
                {markers.map((m, k) => (
                  <Marker key={k} marker={m} x={x} y={y} iw={iw} ih={ih} logX={logX} logY={logY} />
                ))}
                {paths.map((d, k) => (
                  <path
                    key={k}
                    d={d}
                    fill="none"
                    stroke={seriesColor(k, series[k].color)}
                    strokeWidth={2.5}
                    strokeDasharray={series[k].dashed ? '7 5' : undefined}
                    strokeLinejoin="round"
                    strokeLinecap="round"
                  />
                ))}
              </g>
              {hx !== null && (
                <g pointerEvents="none">
                  <line className="ui-chart-crosshair" x1={hx} x2={hx} y1={0} y2={ih} />
                  {readout.map((r) =>
                    drawable(r.p.y, logY) ? (
                      <circle key={r.k} cx={x(r.p.x)} cy={y(r.p.y)} r={4.5} fill={r.color} />
                    ) : null,
                  )}
                </g>
              )}
              <rect
                width={iw}
                height={ih}
                fill="transparent"
                onPointerMove={onPointer}
                onPointerDown={onPointer}
                onPointerLeave={(e) => e.pointerType === 'mouse' && hide()}
              />
            </g>
          </svg>
        )}
        {hx !== null && hoverX !== null && (
          <Tooltip
            left={M.left + hx}
            top={M.top}
            flip={flip}
            heading={`${xLabel} ${formatNumber(hoverX)}`}
            rows={readout.map((r) => ({
              key: r.k,
              color: r.color,
              text: `${r.name}: ${formatNumber(r.p.y)}`,
            }))}
          />
        )}
      </div>
      <Legend series={series} />
      <div className="ui-sr-only" aria-live="polite">
        {announce}
      </div>
    </figure>
  );
}
