/**
 * The rate-distortion plot: bytes (log scale) against one field's score,
 * one mark per method, and the autoencoder at each K as its own line.
 * A table below lists every point, so the numbers are there to read, not
 * only to see. d3 computes the scales and axes; React draws the marks.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import type { MetricInfo } from '../../models/compression/metrics';
import { Axes } from '../../ui/ChartParts';
import { useElementSize } from '../../ui/hooks';
import { bytes, score, scoreName } from './format';
import '../../ui/charts.css';
import { Table } from './Table';

export interface RatePlotPoint {
  readonly name: string;
  readonly bytes: number;
  readonly value: number;
  readonly group: 'raw' | 'lossless' | 'lossy' | 'autoencoder';
  readonly detail: string;
}

const COLORS: Record<RatePlotPoint['group'], string> = {
  raw: '#5d6472',
  lossless: '#1a7f37',
  lossy: '#b2182b',
  autoencoder: '#2457c5',
};
const M = { top: 14, right: 18, bottom: 46, left: 62 };

export function RateChart({
  points,
  metric,
  height = 300,
}: {
  points: readonly RatePlotPoint[];
  metric: MetricInfo;
  height?: number;
}) {
  const [wrap, setWrap] = useState<HTMLElement | null>(null);
  const box = useElementSize(wrap);
  const width = Math.floor(box?.width ?? 0);
  const iw = Math.max(0, width - M.left - M.right);
  const ih = height - M.top - M.bottom;
  const drawn = points.filter((p) => p.bytes > 0 && Number.isFinite(p.value));
  const x = useMemo(() => {
    const b = drawn.map((p) => p.bytes);
    const lo = Math.min(...b, Infinity);
    const hi = Math.max(...b, -Infinity);
    return scaleLog()
      .domain(lo < hi ? [lo / 1.4, hi * 1.4] : [1, 10])
      .range([0, iw]);
  }, [drawn, iw]);
  const y = useMemo(() => {
    const v = drawn.map((p) => p.value);
    let lo = Math.min(...v, Infinity);
    let hi = Math.max(...v, -Infinity);
    if (metric.metric === 'exact' || metric.metric === 'correlation') hi = Math.max(hi, 1);
    if (metric.metric !== 'correlation') lo = Math.min(lo, 0);
    if (!(hi > lo)) hi = lo + 1;
    return scaleLinear().domain([lo, hi]).nice().range([ih, 0]);
  }, [drawn, ih, metric]);

  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(Math.max(2, iw / 90), '~s'));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(5).tickSizeInner(-iw));
  }, [x, y, iw]);

  const curve = drawn.filter((p) => p.group === 'autoencoder').sort((a, b) => a.bytes - b.bytes);
  const path = curve.map((p, i) => `${i ? 'L' : 'M'}${x(p.bytes)},${y(p.value)}`).join('');
  const yName = scoreName(metric);
  return (
    <figure className="ui-chart cz-rate" ref={setWrap} data-testid="rate-chart">
      <figcaption className="ui-chart-title">Bytes against error: {yName}</figcaption>
      <div className="ui-chart-plot">
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={`${yName} against bytes, one point per method`}
          >
            <g transform={`translate(${M.left},${M.top})`}>
              <Axes
                xRef={xAxis}
                yRef={yAxis}
                iw={iw}
                ih={ih}
                left={M.left}
                xLabel="bytes (log scale)"
                yLabel={`${metric.key} (${metric.better} is better)`}
              />
              {path && <path d={path} fill="none" stroke={COLORS.autoencoder} strokeWidth={2.5} />}
              {drawn.map((p) => (
                <g key={p.name} transform={`translate(${x(p.bytes)},${y(p.value)})`}>
                  <title>{`${p.name}: ${bytes(p.bytes)}, ${score(metric, p.value)}`}</title>
                  {p.group === 'lossless' || p.group === 'raw' ? (
                    <rect x={-5} y={-5} width={10} height={10} fill={COLORS[p.group]} />
                  ) : (
                    <circle r={5.5} fill={COLORS[p.group]} />
                  )}
                  {p.group === 'autoencoder' && (
                    <text className="cz-rate-label" x={8} y={-8}>
                      {p.name.replace('autoencoder, ', '')}
                    </text>
                  )}
                </g>
              ))}
            </g>
          </svg>
        )}
      </div>
      <Table testId="rate-table" head={['method', 'bytes', metric.key, 'what it is']}>
        {[...points]
          .sort((a, b) => a.bytes - b.bytes)
          .map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <span className="cz-swatch" style={{ background: COLORS[p.group] }} /> {p.name}
              </th>
              <td className="num">{bytes(p.bytes)}</td>
              <td className="num">{score(metric, p.value)}</td>
              <td className="small">{p.detail}</td>
            </tr>
          ))}
      </Table>
    </figure>
  );
}
