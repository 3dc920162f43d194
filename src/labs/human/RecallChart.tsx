/**
 * One free-recall curve chart (serial position, first recall or lag-CRP) of
 * one or more summaries: the model's protocols, the visitor and CMR.
 */
import { useMemo } from 'react';
import type { FreeRecallSummary } from '../../models/human/freeRecall';
import type { Point } from '../../ui/chartMath';
import { LineChart, type LineSeries } from '../../ui/LineChart';
import { crpPoints, pfrPoints, spcPoints } from './curves';

export type CurveKind = 'spc' | 'pfr' | 'crp';

const AXES: Record<CurveKind, { x: string; y: string; points: (s: FreeRecallSummary) => Point[] }> =
  {
    spc: { x: 'serial position', y: 'P(recall)', points: spcPoints },
    pfr: { x: 'serial position', y: 'P(first recall)', points: pfrPoints },
    crp: { x: 'lag', y: 'conditional P', points: crpPoints },
  };

/** One array for every chart: a new [0, 1] each render would redraw the axes each render. */
const Y01 = [0, 1] as const;

/** A summary drawn as one line. */
export interface CurveLine {
  name: string;
  summary: FreeRecallSummary;
  color: string;
  dashed?: boolean;
}

export function RecallChart({
  kind,
  lines,
  title,
  height = 220,
  testId,
}: {
  kind: CurveKind;
  /** Keep the array's identity while it is unchanged (the chart redraws when it changes). */
  lines: readonly CurveLine[];
  title: string;
  height?: number;
  testId?: string;
}) {
  const axes = AXES[kind];
  const series = useMemo<LineSeries[]>(
    () =>
      lines.map((l) => ({
        name: l.name,
        values: axes.points(l.summary),
        color: l.color,
        dashed: l.dashed,
      })),
    [lines, axes],
  );
  return (
    <LineChart
      series={series}
      xLabel={axes.x}
      yLabel={axes.y}
      yDomain={Y01}
      height={height}
      title={title}
      testId={testId}
    />
  );
}
