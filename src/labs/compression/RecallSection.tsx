/**
 * Section 4, "Recall": how often a corrupted query gives back its own
 * record, per kind of corruption, with the Hopfield stage and without it
 * (the corrupted code straight to the decoder), and any field's score the
 * same way.
 */
import { useMemo } from 'react';
import { runCommand } from '../../engine/commands';
import type { MetricInfo } from '../../models/compression/metrics';
import type { StageRule } from '../../models/compression/hopfieldStage';
import type { QueryKind, RecallPoint } from '../../models/compression/recall';
import { Select } from '../../ui/Controls';
import { Help } from '../../ui/Help';
import { LineChart, type LineSeries } from '../../ui/LineChart';
import { TeX } from '../../ui/Math';
import { ProgressBar } from '../../ui/ProgressBar';
import { LabButton } from './LabButton';
import { COMMANDS } from './commands';
import { score } from './format';
import { ParamSlider } from './ParamControls';
import { useLab, useLabContext } from './useLab';
import { Table } from './Table';

/** What a recall plot shows: a rate, or one field's score. */
export interface RecallScore {
  readonly key: string;
  readonly label: string;
  readonly with: (p: RecallPoint) => number;
  readonly without: (p: RecallPoint) => number;
  readonly metric?: MetricInfo;
}

export function recallScores(metrics: readonly MetricInfo[]): RecallScore[] {
  return [
    {
      key: 'own',
      label: 'own record comes back (nearest stored code)',
      with: (p) => p.ownRecordRate,
      without: (p) => p.ownRecordRateWithout,
    },
    {
      key: 'exact',
      label: 'the exact stored code reaches the decoder',
      with: (p) => p.exactCodeRate,
      without: (p) => p.exactCodeRateWithout,
    },
    ...metrics.map((m) => ({
      key: m.key,
      label: `${m.key} (${m.metric === 'exact' ? 'share exact' : m.metric}${m.metric === 'exact' || m.metric === 'correlation' ? '' : `, ${m.unit}`})`,
      with: (p: RecallPoint) => p.perField[m.key],
      without: (p: RecallPoint) => p.perFieldWithout[m.key],
      metric: m,
    })),
  ];
}

const KINDS: { kind: QueryKind; title: string; x: string; at: (a: number) => number }[] = [
  { kind: 'missing', title: 'Fields missing', x: 'fields missing (%)', at: (a) => 100 * a },
  { kind: 'flip', title: 'Code bits flipped', x: 'bits flipped (k of K)', at: (a) => a },
  { kind: 'noise', title: 'Input noise', x: 'noise sd σ (standardised units)', at: (a) => a },
];

function RecallCharts({ points, s }: { points: readonly RecallPoint[]; s: RecallScore }) {
  const charts = useMemo(
    () =>
      KINDS.map((k) => {
        const ps = points.filter((p) => p.query === k.kind);
        const series: LineSeries[] = [
          {
            name: 'with the Hopfield stage',
            values: ps.map((p) => ({ x: k.at(p.amount), y: s.with(p) })),
          },
          {
            name: 'without (straight to the decoder)',
            values: ps.map((p) => ({ x: k.at(p.amount), y: s.without(p) })),
            dashed: true,
          },
        ];
        return { ...k, series, n: ps.length };
      }).filter((c) => c.n > 0),
    [points, s],
  );
  const bounded = !s.metric || s.metric.metric === 'exact';
  return (
    <div className="ui-trio" data-testid="recall-charts">
      {charts.map((c) => (
        <LineChart
          key={c.kind}
          series={c.series}
          xLabel={c.x}
          yLabel={s.key === 'own' || s.key === 'exact' ? 'rate' : s.key}
          yDomain={bounded ? [0, 1] : undefined}
          height={230}
          title={c.title}
          testId={`recall-${c.kind}`}
        />
      ))}
    </div>
  );
}

function RecallTable({ points }: { points: readonly RecallPoint[] }) {
  return (
    <Table
      testId="recall-table"
      head={[
        'query',
        'own record, with / without',
        'exact code, with / without',
        'stage steps',
        'ms a query',
      ]}
    >
      {points.map((p) => (
        <tr key={`${p.query}${p.amount}`}>
          <th scope="row">
            {p.query === 'missing'
              ? `${(100 * p.amount).toFixed(0)} % missing`
              : p.query === 'flip'
                ? `${p.amount} bit${p.amount === 1 ? '' : 's'} flipped`
                : `σ = ${p.amount}`}
          </th>
          <td className="num">
            {p.ownRecordRate.toFixed(2)} / {p.ownRecordRateWithout.toFixed(2)}
          </td>
          <td className="num">
            {p.exactCodeRate.toFixed(2)} / {p.exactCodeRateWithout.toFixed(2)}
          </td>
          <td className="num">{p.steps.mean.toFixed(1)}</td>
          <td className="num">{p.ms ? p.ms.mean.toFixed(2) : ''}</td>
        </tr>
      ))}
    </Table>
  );
}

/** What the stage adds over the flipped-bit points, in words, from the numbers on screen. */
export function contribution(points: readonly RecallPoint[], rule: StageRule): string | null {
  const flips = points.filter((p) => p.query === 'flip' && p.amount > 0);
  if (flips.length === 0 || rule === 'none') return null;
  const mean = (f: (p: RecallPoint) => number) =>
    flips.reduce((t, p) => t + f(p), 0) / flips.length;
  const own = mean((p) => p.ownRecordRate);
  const ownW = mean((p) => p.ownRecordRateWithout);
  const exact = mean((p) => p.exactCodeRate);
  const exactW = mean((p) => p.exactCodeRateWithout);
  const f = (x: number) => x.toFixed(2);
  const verdict =
    own > ownW + 0.01
      ? 'it helps.'
      : own >= ownW - 0.01
        ? 'no better than a nearest-code search.'
        : rule !== 'modern'
          ? `much worse: the ${rule} network does not hold these codes (they are not its fixed points), so it moves a query away from its record.`
          : own < ownW - 0.05
            ? 'worse.'
            : 'slightly worse, since several stored codes can tie and the modern update blends them.';
  const exactly =
    exact > exactW
      ? ` But it hands the decoder an exact stored code ${f(exact)} of the time (without it ${f(exactW)}), so when it is right the record comes back exactly as the file gives it.`
      : '';
  return `Over the flipped-bit queries, the ${rule} stage finds the own record ${f(own)} of the time against ${f(ownW)} for the nearest stored code without it: ${verdict}${exactly}`;
}

function Contribution({ points, rule }: { points: readonly RecallPoint[]; rule: StageRule }) {
  const text = contribution(points, rule);
  return text ? <p data-testid="stage-contribution">{text}</p> : null;
}

export function RecallSection() {
  const ctx = useLabContext();
  const recall = useLab((s) => s.recall);
  const metrics = useLab((s) => s.data.result?.metrics);
  const chosen = useLab((s) => s.recallScore);
  const canEncode = useLab((s) => s.compressed?.canEncode ?? true);
  const scores = useMemo(() => recallScores(metrics ?? []), [metrics]);
  const s = scores.find((x) => x.key === chosen) ?? scores[0];
  const points = recall.result?.points ?? [];
  return (
    <>
      <p>
        A query starts from a stored record and is corrupted: some of its fields left out (a
        category or one numeric column is a field; left-out inputs are 0), <TeX tex="k" /> distinct
        bits of its code flipped, or Gaussian noise of sd <TeX tex="\sigma" /> added to every
        standardised input. Its code is cleaned up by the Hopfield stage and decoded.{' '}
        <em>Recall</em> is how often the record that comes back is the query's own, not whether the
        network settled somewhere.
      </p>
      {!canEncode && (
        <p className="notice notice-warn">
          This model came from a file without its encoder: only flipped-bit queries can be made.
        </p>
      )}
      <div className="cz-row">
        <ParamSlider name="queries" step={10} max={500} />
        <div className="cz-pick">
          <Select
            label="Score shown"
            value={s.key}
            options={scores.map((x) => ({ value: x.key, label: x.label }))}
            onChange={(v) => runCommand(COMMANDS.setParam, ctx, ['recallScore', v])}
          />
        </div>
        <div className="cz-buttons">
          <LabButton command={COMMANDS.measureRecall} />
        </div>
      </div>
      {recall.status === 'running' && (
        <ProgressBar value={recall.progress} label="Measuring recall (in a worker)" />
      )}
      {recall.status === 'error' && <p className="error">{recall.error}</p>}
      {points.length > 0 ? (
        <>
          <RecallCharts points={points} s={s} />
          <Contribution points={points} rule={recall.result!.choice.rule} />
          {s.metric && (
            <p className="small muted">
              {s.metric.key} of a clean query: {score(s.metric, s.with(points[0]))}.
            </p>
          )}
          <RecallTable points={points} />
        </>
      ) : (
        recall.status !== 'running' && (
          <p className="muted">Train the autoencoder to measure recall.</p>
        )
      )}
      <Help title="How recall is scored">
        <p>
          Own-record rate: the code that reaches the decoder is compared with every stored code
          (Hamming distance); the query counts 1 when its own record's code is the nearest, and{' '}
          <TeX tex="1/m" /> when <TeX tex="m" /> stored codes tie at that distance (records with the
          same code cannot be told apart). Exact code: the code reaching the decoder <em>is</em> the
          stored one. Field scores: the decoded record against the query's own record (class and
          region exact, coordinates by distance, expression by Pearson <TeX tex="r" />, proteins by
          RMSE).
        </p>
        <p>
          The modern stage's update on bipolar codes, from Hamming distances <TeX tex="h_\mu" />:{' '}
          <TeX tex="\xi \leftarrow \mathrm{sgn}\big(\sum_\mu e^{-2\beta (h_\mu - h_{\min})} x_\mu\big)" />
          , repeated until the code stops changing; its steps and milliseconds are in the table.
        </p>
      </Help>
    </>
  );
}
