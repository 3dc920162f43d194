/**
 * The seed project's claims ("Simulation-of-Associative-Memory": 312 MB of
 * biological data compressed to 0.6 MB, 99.8 %, 520x, 100 % recall, robust
 * to 30 % noise, "instant" recall) next to what a run measured. The claimed
 * numbers are the seed's text, quoted; every measured number comes from the
 * report passed in. None of the seed's numbers was measured by the seed.
 */
import type { CompressionReport } from './pipeline';
import type { QueryKind, RecallPoint } from './recall';

export interface ClaimCheck {
  readonly claim: string;
  /** What the seed says, as it says it. */
  readonly claimed: string;
  /** The measured number (NaN when the run did not measure it). */
  readonly measured: number;
  readonly unit: string;
  /** How the measured number was obtained. */
  readonly how: string;
}

function pointAt(recall: readonly RecallPoint[], query: QueryKind, amount: number) {
  let best: RecallPoint | undefined;
  for (const p of recall) {
    if (p.query !== query) continue;
    if (!best || Math.abs(p.amount - amount) < Math.abs(best.amount - amount)) best = p;
  }
  return best && Math.abs(best.amount - amount) <= 0.05 * Math.max(1, amount) ? best : undefined;
}

const rate = (p: RecallPoint | undefined): number => (p ? p.ownRecordRate : NaN);

/** The seed's claims against one report. */
export function seedClaims(r: CompressionReport): ClaimCheck[] {
  const clean = pointAt(r.recall, 'flip', 0) ?? pointAt(r.recall, 'missing', 0);
  const flips30 = Math.round(0.3 * r.bits);
  const timed = pointAt(r.recall, 'flip', flips30) ?? clean;
  const mb = (b: number) => (b / 1e6).toFixed(2);
  // the numeric field that says most about fidelity: a correlation if there is one, else the first
  const numeric = r.metrics.filter((m) => m.metric !== 'exact');
  const fidelity = numeric.find((m) => m.metric === 'correlation') ?? numeric[0];
  return [
    {
      claim: 'compressed size',
      claimed: '312 MB -> 0.6 MB',
      measured: r.archiveBytes,
      unit: 'bytes',
      how: `${r.records} records: ${mb(r.rawBytes)} MB of CSV -> ${mb(r.archiveBytes)} MB archive (decoder + codes + normalisation + schema)`,
    },
    {
      claim: 'space saved',
      claimed: '99.8 %',
      measured: r.saved,
      unit: 'share',
      how: '1 - archive bytes / CSV bytes',
    },
    {
      claim: 'compression ratio',
      claimed: '520x',
      measured: r.ratio,
      unit: 'x',
      how: `CSV bytes / archive bytes, lossy; brotli q${r.brotliQuality} gets ${(r.rawBytes / r.brotliBytes).toFixed(1)}x losslessly`,
    },
    {
      claim: 'recall',
      claimed: '100 %',
      measured: rate(clean),
      unit: 'share',
      how: "own-record rate of uncorrupted queries (nearest stored code is the record's own, ties split)",
    },
    {
      claim: 'record fidelity',
      claimed: '100 % recall (implied: the data comes back)',
      measured: fidelity ? r.reconstructionError[fidelity.key] : NaN,
      unit: fidelity?.unit ?? '',
      how: fidelity
        ? `${fidelity.key} of the records rebuilt from the archive (${fidelity.metric}; lossy)`
        : 'no numeric field',
    },
    {
      claim: 'robust to 30 % noise (fields missing)',
      claimed: 'robust',
      measured: rate(pointAt(r.recall, 'missing', 0.3)),
      unit: 'share',
      how: 'own-record rate with 30 % of the fields missing',
    },
    {
      claim: 'robust to 30 % noise (code bits flipped)',
      claimed: 'robust',
      measured: rate(pointAt(r.recall, 'flip', flips30)),
      unit: 'share',
      how: `own-record rate with ${flips30} of ${r.bits} code bits flipped`,
    },
    {
      claim: 'robust to 30 % noise (input noise)',
      claimed: 'robust',
      measured: rate(pointAt(r.recall, 'noise', 0.3)),
      unit: 'share',
      how: 'own-record rate with Gaussian noise sigma = 0.3 on the standardised inputs',
    },
    {
      claim: 'recall time',
      claimed: 'instant',
      measured: timed?.ms?.mean ?? NaN,
      unit: 'ms per query',
      how: timed
        ? `${r.stage.rule} stage: ${timed.steps.mean.toFixed(2)} steps on average (${timed.query} ${timed.amount}), wall time of the cleanup only`
        : 'not measured',
    },
  ];
}
