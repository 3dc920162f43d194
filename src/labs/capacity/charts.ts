/**
 * What each experiment plots, as data: pure functions from the result tables
 * and the parameters that produced them to chart specs for ui/LineChart.
 * Theory lines and markers are computed from D here, never typed in.
 */
import type { ChartMarker } from '../../ui/chartMath';
import type { LineSeries } from '../../ui/LineChart';
import type { ExperimentName, ExperimentValues } from '../../models/experiments/registry';
import {
  ALPHA_C,
  denseCapacity,
  gardnerLoad,
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
  'krauth-mezard': 'Krauth-Mezard',
  unlearning: 'Hebbian + unlearning',
  'dense-am': 'dense memory',
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

/** One line of column `y` against the load N/D per group of rows (by column `by`). */
const byLoad = (rows: readonly Row[], by: string, y: string, name: (k: string) => string) =>
  groups(rows, by).map(([k, g]) => ({ name: name(k), values: pts(g, 'load', y) }));

const moduleName = (k: string) => (k === '1' ? 'one network' : `${k} modules`);
const same = (k: string) => k;

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

type Tables = Record<string, Row[]>;

/**
 * The two charts of a load sweep, one line per group of rows (by column
 * `by`): the exact-recall rate and the mean final overlap against N/D, each
 * with its theory lines.
 */
function loadCharts(
  rows: readonly Row[],
  by: string,
  name: (k: string) => string,
  t: { success: string; overlap: string; lines: LineSeries[]; overlapLines: LineSeries[] },
): ChartSpec[] {
  return [
    {
      id: 'success',
      title: t.success,
      xLabel: 'load N/D',
      yLabel: 'exact-recall rate',
      series: [...byLoad(rows, by, 'successRate', name), ...t.lines],
      yDomain: [0, 1],
    },
    {
      id: 'overlap',
      title: t.overlap,
      xLabel: 'load N/D',
      yLabel: 'mean final overlap',
      series: [...byLoad(rows, by, 'meanOverlap', name), ...t.overlapLines],
    },
  ];
}

/** Each experiment's charts, from its result tables and the values that produced them. */
const CHARTS: { [E in ExperimentName]: (tables: Tables, v: ExperimentValues[E]) => ChartSpec[] } = {
  capacity: ({ rows = [] }, v) => {
    const lines = loadLines(v.units, v.rule.includes('storkey'));
    if (v.rule.includes('krauth-mezard')) {
      const a = gardnerLoad(v.margin);
      lines.push(
        vline(
          a,
          0,
          1,
          `Gardner bound α_c(${v.margin}) = ${round(a, 3)} (Krauth-Mezard)`,
          THEORY_COLORS[2],
        ),
      );
    }
    return loadCharts(rows, 'rule', ruleLabel, {
      success: `Exact recall against load (D = ${v.units}, ${pct(v['flip-fraction'])} of the cue flipped)`,
      overlap: 'Final overlap with the target, m = (1/D) ξ·s',
      lines,
      overlapLines: lines,
    });
  },
  'capacity-size': ({ rows = [] }, v) => {
    const series: LineSeries[] = [];
    for (const [r, g] of groups(rows, 'rule')) {
      const rule: Rule = r === 'storkey' ? 'storkey' : 'hebbian';
      series.push({
        name: `${ruleLabel(r)}, measured`,
        values: g
          .filter((x) => x.empirical !== null)
          .map((x) => ({ x: Number(x.units), y: Number(x.empirical) })),
      });
      series.push({
        name: rule === 'storkey' ? 'Storkey theory D/√(2 ln D)' : 'Hebbian theory D/(2 ln D)',
        values: g.map((x) => ({
          x: Number(x.units),
          y: theoreticalCapacity(rule, Number(x.units)),
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
  },
  'dense-capacity': ({ rows = [] }, v) => {
    const series: LineSeries[] = [];
    for (const [d, g] of groups(rows, 'units')) {
      series.push({
        name: `D = ${d}, measured`,
        values: g
          .filter((x) => x.empirical !== null)
          .map((x) => ({ x: Number(x.power), y: Number(x.empirical) })),
      });
      series.push({
        name: `D = ${d}, theory D^(n−1)/(2(2n−3)!! ln D)`,
        values: g.map((x) => ({
          x: Number(x.power),
          y: denseCapacity(Number(x.power), Number(d)),
        })),
        dashed: true,
      });
    }
    return [
      {
        id: 'capacity',
        title: `Dense memory: capacity against the power n (exact-recall rate ≥ ${v.threshold})`,
        xLabel: 'power n of F(x) = xⁿ',
        yLabel: 'capacity (patterns)',
        series,
        logY: true,
      },
    ];
  },
  noise: ({ rows = [] }, v) => [
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
      series: [{ name: 'mean final overlap', values: pts(rows, 'flipFraction', 'meanOverlap') }],
      markers: [
        { x: 0.5, label: '50 %' },
        { y: 0, label: 'm = 0' },
      ],
      yDomain: [-1, 1],
    },
  ],
  patterns: ({ rows = [] }, v) => {
    const d = Number(v.units);
    return loadCharts(rows, 'kind', same, {
      success: `Exact recall by pattern statistics (D = ${d})`,
      overlap: 'Final overlap with the target',
      lines: loadLines(d, false),
      overlapLines: [],
    });
  },
  dynamics: ({ rows = [] }, v) => {
    const stoch = rows.filter((r) => r.dynamics === 'stochastic');
    const fixed = rows.filter((r) => r.dynamics !== 'stochastic');
    const t0 = Math.min(...v.temperatures);
    const t1 = Math.max(...v.temperatures);
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
    // Column `key` against T: the stochastic runs as a line, the others as levels.
    const againstT = (id: string, title: string, yLabel: string, key: string): ChartSpec => ({
      id,
      title,
      xLabel: 'temperature T',
      yLabel,
      series: [
        { name: 'stochastic (Glauber)', values: pts(stoch, 'temperature', key) },
        ...levels(key),
      ],
    });
    return [
      {
        ...againstT(
          'success',
          'Exact recall against temperature (dashed: deterministic dynamics)',
          'exact-recall rate',
          'successRate',
        ),
        yDomain: [0, 1],
      },
      againstT(
        'steps',
        'Steps (sync) or sweeps (async, stochastic) until recall stopped',
        'mean steps',
        'meanSteps',
      ),
    ];
  },
  modules: ({ rows = [] }, v) => [
    {
      id: 'success',
      title: `Exact recall of a memory: k modules of D/k units (D = ${v.units})`,
      xLabel: 'load N/D (the same in every module)',
      yLabel: 'exact-recall rate',
      series: byLoad(rows, 'modules', 'successRate', moduleName),
      markers: [{ x: ALPHA_C, label: 'load 0.138' }],
      yDomain: [0, 1],
    },
    {
      id: 'error',
      title: 'Fraction of a memory\u2019s units wrong after recall',
      xLabel: 'load N/D',
      yLabel: 'mean error fraction',
      series: byLoad(rows, 'modules', 'meanErrorFraction', moduleName),
    },
  ],
  presets: ({ traces = [] }) => [
    {
      id: 'hamming',
      title: 'Distance to the target after each step (as a fraction of D)',
      xLabel: 'step',
      yLabel: 'Hamming distance / D',
      series: groups(traces, 'label').map(([label, g]) => ({
        name: label,
        values: g.map((r) => ({ x: Number(r.step), y: Number(r.hamming) / Number(r.units) })),
      })),
      markers: [{ y: 0.5, label: '1/2: as far as a random state' }],
      yDomain: [0, 1],
    },
  ],
};

/** The charts of experiment `exp` for its tables so far and the values it ran with. */
export function chartsFor<E extends ExperimentName>(
  exp: E,
  tables: Tables,
  v: ExperimentValues[E],
): ChartSpec[] {
  return CHARTS[exp](tables, v);
}

function pct(v: number): string {
  return `${round(v * 100, 1)} %`;
}
