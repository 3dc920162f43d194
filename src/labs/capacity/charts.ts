/**
 * What each experiment plots, as data: pure functions from the result tables
 * and the parameters that produced them to chart specs for ui/LineChart.
 * Theory lines and markers are computed from D here, never typed in.
 */
import type { ChartMarker, LineSeries } from '../../ui/LineChart';
import type { ParamValues } from '../../models/experiments/params';
import type { ExperimentName } from '../../models/experiments/registry';
import {
  ALPHA_C,
  mcElieceCapacity,
  round,
  storkeyCapacity,
  theoreticalCapacity,
} from '../../models/experiments/theory';
import type { Row } from '../../models/experiments/types';
import type { Rule } from '../../models/classic/hopfield';

export interface ChartSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  markers?: ChartMarker[];
  logX?: boolean;
  logY?: boolean;
  yDomain?: [number, number];
}

const RULE_LABEL: Record<string, string> = {
  hebbian: 'Hebbian',
  storkey: 'Storkey',
  pseudoinverse: 'Pseudo-inverse',
  covariance: 'covariance',
};
export const ruleLabel = (r: unknown) => RULE_LABEL[String(r)] ?? String(r);

/** Rows grouped by a column, in order of first appearance. */
function groups(rows: readonly Row[], key: string): [string, Row[]][] {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return [...m];
}

const pts = (rows: readonly Row[], x: string, y: string) =>
  rows.map((r) => ({ x: Number(r[x]), y: Number(r[y]) }));

/** A vertical theory line from y0 to y1 at x, as a dashed series (its label goes in the legend). */
function vline(x: number, y0: number, y1: number, name: string, color: string): LineSeries {
  return {
    name,
    values: [
      { x, y: y0 },
      { x, y: y1 },
    ],
    dashed: true,
    color,
  };
}

const THEORY_COLORS = ['#6b6b6b', '#a0a0a0', '#b07aa1'];

/**
 * Theory lines at D as loads N/D, dashed and named in the legend: D/(2 ln D),
 * 0.138 D and (with Storkey) D/sqrt(2 ln D).
 */
export function loadLines(d: number, withStorkey: boolean, y0 = 0, y1 = 1): LineSeries[] {
  const lines = [
    vline(
      mcElieceCapacity(d) / d,
      y0,
      y1,
      `theory D/(2 ln D) = ${round(mcElieceCapacity(d), 1)} patterns`,
      THEORY_COLORS[0],
    ),
    vline(ALPHA_C, y0, y1, `theory 0.138 D = ${round(ALPHA_C * d, 1)} patterns`, THEORY_COLORS[1]),
  ];
  if (withStorkey) {
    lines.push(
      vline(
        storkeyCapacity(d) / d,
        y0,
        y1,
        `theory D/√(2 ln D) = ${round(storkeyCapacity(d), 1)} (Storkey)`,
        THEORY_COLORS[2],
      ),
    );
  }
  return lines;
}

export function chartsFor(
  exp: ExperimentName,
  tables: Record<string, Row[]>,
  v: ParamValues,
): ChartSpec[] {
  const rows = tables.rows ?? [];
  switch (exp) {
    case 'capacity': {
      const d = v.units as number;
      const byRule = groups(rows, 'rule');
      const storkey = (v.rule as string[]).includes('storkey');
      return [
        {
          id: 'success',
          title: `Exact recall against load (D = ${d}, ${pct(v['flip-fraction'])} of the cue flipped)`,
          xLabel: 'load N/D',
          yLabel: 'exact-recall rate',
          series: [
            ...byRule.map(([r, g]) => ({
              name: ruleLabel(r),
              values: pts(g, 'load', 'successRate'),
            })),
            ...loadLines(d, storkey),
          ],
          yDomain: [0, 1],
        },
        {
          id: 'overlap',
          title: 'Final overlap with the target, m = (1/D) ξ·s',
          xLabel: 'load N/D',
          yLabel: 'mean final overlap',
          series: [
            ...byRule.map(([r, g]) => ({
              name: ruleLabel(r),
              values: pts(g, 'load', 'meanOverlap'),
            })),
            ...loadLines(d, storkey, 0, 1),
          ],
        },
      ];
    }
    case 'capacity-size': {
      const series: LineSeries[] = [];
      for (const [r, g] of groups(rows, 'rule')) {
        series.push({
          name: `${ruleLabel(r)}, measured`,
          values: g
            .filter((x) => x.empirical !== null)
            .map((x) => ({ x: Number(x.units), y: Number(x.empirical) })),
        });
        series.push({
          name: r === 'storkey' ? 'Storkey theory D/√(2 ln D)' : 'Hebbian theory D/(2 ln D)',
          values: g.map((x) => ({
            x: Number(x.units),
            y: theoreticalCapacity(r as Rule, Number(x.units)),
          })),
          dashed: true,
        });
      }
      return [
        {
          id: 'capacity',
          title: `Capacity against size (exact-recall rate ≥ ${v.threshold})`,
          xLabel: 'units D',
          yLabel: 'capacity (patterns)',
          series,
          logX: true,
          logY: true,
        },
      ];
    }
    case 'noise':
      return [
        {
          id: 'rates',
          title: `Recall against cue noise (D = ${v.units}, N = ${v.patterns})`,
          xLabel: 'fraction of cue units flipped',
          yLabel: 'rate',
          series: [
            { name: 'exact recall of ξ', values: pts(rows, 'flipFraction', 'successRate') },
            { name: 'ended in −ξ (inverted)', values: pts(rows, 'flipFraction', 'invertedRate') },
          ],
          markers: [{ x: 0.5, label: '50 %' }],
          yDomain: [0, 1],
        },
        {
          id: 'overlap',
          title: 'Final overlap with the target: +1 is ξ, −1 is −ξ',
          xLabel: 'fraction of cue units flipped',
          yLabel: 'mean final overlap',
          series: [
            { name: 'mean final overlap', values: pts(rows, 'flipFraction', 'meanOverlap') },
          ],
          markers: [
            { x: 0.5, label: '50 %' },
            { y: 0, label: 'm = 0' },
          ],
          yDomain: [-1, 1],
        },
      ];
    case 'patterns': {
      const d = Number(v.units);
      return [
        {
          id: 'success',
          title: `Exact recall by pattern statistics (D = ${d})`,
          xLabel: 'load N/D',
          yLabel: 'exact-recall rate',
          series: [
            ...groups(rows, 'kind').map(([k, g]) => ({
              name: k,
              values: pts(g, 'load', 'successRate'),
            })),
            ...loadLines(d, false),
          ],
          yDomain: [0, 1],
        },
        {
          id: 'overlap',
          title: 'Final overlap with the target',
          xLabel: 'load N/D',
          yLabel: 'mean final overlap',
          series: groups(rows, 'kind').map(([k, g]) => ({
            name: k,
            values: pts(g, 'load', 'meanOverlap'),
          })),
        },
      ];
    }
    case 'dynamics': {
      const stoch = rows.filter((r) => r.dynamics === 'stochastic');
      const fixed = rows.filter((r) => r.dynamics !== 'stochastic');
      const temps = (v.temperatures as number[]) ?? [];
      const t0 = Math.min(...temps);
      const t1 = Math.max(...temps);
      // Deterministic dynamics have no temperature: dashed level lines across the range.
      const levels = (key: string): LineSeries[] =>
        fixed.map((r, k) => ({
          name: `${r.label}: ${round(Number(r[key]), 3)}`,
          values: [
            { x: t0, y: Number(r[key]) },
            { x: t1, y: Number(r[key]) },
          ],
          dashed: true,
          color: THEORY_COLORS[k],
        }));
      return [
        {
          id: 'success',
          title: 'Exact recall against temperature (dashed: deterministic dynamics)',
          xLabel: 'temperature T',
          yLabel: 'exact-recall rate',
          series: [
            { name: 'stochastic (Glauber)', values: pts(stoch, 'temperature', 'successRate') },
            ...levels('successRate'),
          ],
          yDomain: [0, 1],
        },
        {
          id: 'steps',
          title: 'Steps (sync) or sweeps (async, stochastic) until recall stopped',
          xLabel: 'temperature T',
          yLabel: 'mean steps',
          series: [
            { name: 'stochastic (Glauber)', values: pts(stoch, 'temperature', 'meanSteps') },
            ...levels('meanSteps'),
          ],
        },
      ];
    }
    case 'modules':
      return [
        {
          id: 'success',
          title: `Exact recall of a memory: k modules of D/k units (D = ${v.units})`,
          xLabel: 'load N/D (the same in every module)',
          yLabel: 'exact-recall rate',
          series: groups(rows, 'modules').map(([k, g]) => ({
            name: k === '1' ? 'one network' : `${k} modules`,
            values: pts(g, 'load', 'successRate'),
          })),
          markers: [{ x: ALPHA_C, label: 'load 0.138' }],
          yDomain: [0, 1],
        },
        {
          id: 'error',
          title: 'Fraction of a memory\u2019s units wrong after recall',
          xLabel: 'load N/D',
          yLabel: 'mean error fraction',
          series: groups(rows, 'modules').map(([k, g]) => ({
            name: k === '1' ? 'one network' : `${k} modules`,
            values: pts(g, 'load', 'meanErrorFraction'),
          })),
        },
      ];
    case 'presets': {
      return [
        {
          id: 'hamming',
          title: 'Distance to the target after each step (as a fraction of D)',
          xLabel: 'step',
          yLabel: 'Hamming distance / D',
          series: groups(tables.traces ?? [], 'label').map(([label, g]) => ({
            name: label,
            values: g.map((r) => ({ x: Number(r.step), y: Number(r.hamming) / Number(r.units) })),
          })),
          markers: [{ y: 0.5, label: '1/2: as far as a random state' }],
          yDomain: [0, 1],
        },
      ];
    }
  }
}

function pct(v: unknown): string {
  return `${round(Number(v) * 100, 1)} %`;
}
