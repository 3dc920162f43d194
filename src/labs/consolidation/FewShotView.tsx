/**
 * Step 5's few-shot comparison (SCIENCE.md section 3, step 5): for each
 * read-out, accuracy on the VAE's latent means against the same read-out
 * on the raw pixels, as the page measured it on this VAE, and a verdict
 * computed from those numbers (level = within LEVEL). It never claims a
 * win it did not measure: where pixels are ahead, it says so.
 */
import { MNIST_PIXELS } from '../../data/mnist';
import {
  FEW_SHOT_READOUTS,
  readoutCurve,
  type FewShotPoint,
  type FewShotReadout,
} from '../../models/consolidation/fewShot';
import { LineChart } from '../../ui/LineChart';

/** Accuracies this close count as level. */
export const LEVEL = 0.02;

const READOUT_NAMES: Record<FewShotReadout, string> = {
  logistic: 'logistic regression',
  nearestMean: 'nearest class mean',
};

/** One sentence on where latents stand against pixels across n, from the numbers. */
export function fewShotVerdict(points: readonly FewShotPoint[]): string {
  const ahead = points.filter((p) => p.latent > p.pixels + LEVEL).map((p) => p.n);
  const behind = points.filter((p) => p.latent < p.pixels - LEVEL).map((p) => p.n);
  const list = (ns: number[]) => ns.map((n) => `n = ${n}`).join(', ');
  if (behind.length === 0 && ahead.length === points.length) return 'Latents win at every n.';
  if (behind.length === 0) {
    return ahead.length > 0
      ? `Latents are level with pixels or ahead at every n (ahead at ${list(ahead)}).`
      : 'Latents and pixels are level at every n: neither wins.';
  }
  if (behind.length === points.length) return 'Pixels win at every n.';
  return `Pixels are ahead at ${list(behind)}${ahead.length ? `; latents at ${list(ahead)}` : ''}; level elsewhere.`;
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;

export function FewShotView({
  points,
  latent,
  testSize,
}: {
  points: readonly FewShotPoint[];
  latent: number;
  testSize: number;
}) {
  return (
    <div className="cl-few-shot" data-testid="few-shot-view">
      <p className="small">
        Few-shot learning: a read-out trained on n labelled held-out digits (balanced by class),
        tested on {testSize.toLocaleString('en')} others, on the {latent} latent means against the{' '}
        {MNIST_PIXELS} raw pixels. Level means within {LEVEL}.
      </p>
      {FEW_SHOT_READOUTS.map((readout) => {
        const curve = readoutCurve(points, readout);
        if (!curve.length) return null;
        return (
          <div key={readout} data-testid={`few-shot-${readout}`}>
            <p className="small">
              <strong>{READOUT_NAMES[readout]}</strong>:{' '}
              {curve
                .map(
                  (p) =>
                    `n = ${p.n}: latents ${p.latent.toFixed(2)}, pixels ${p.pixels.toFixed(2)} (${signed(p.latent - p.pixels)})`,
                )
                .join('; ')}
              . <span data-testid={`few-shot-verdict-${readout}`}>{fewShotVerdict(curve)}</span>
            </p>
            <LineChart
              height={180}
              logX
              yDomain={[0, 1]}
              series={[
                {
                  name: `latent (${latent})`,
                  values: curve.map((p) => ({ x: p.n, y: p.latent })),
                },
                {
                  name: `pixels (${MNIST_PIXELS})`,
                  values: curve.map((p) => ({ x: p.n, y: p.pixels })),
                },
              ]}
              xLabel="labelled examples n"
              yLabel="test accuracy"
              testId={readout === 'logistic' ? 'few-shot' : `few-shot-chart-${readout}`}
            />
          </div>
        );
      })}
      <p className="small muted">
        Spens &amp; Burgess show latents beating pixels on Shapes3D. MNIST's raw pixels are a strong
        baseline (a digit's pixels are nearly linearly separable already), so what this page shows
        is the measurement above, not the paper's claim
        {latent === 2 ? '; and 2 numbers cannot hold 10 classes apart with straight lines' : ''}.
        The layer sizes, replays, epochs, latent sizes and read-outs tried to give latents their
        best chance are in docs/consolidation.md.
      </p>
    </div>
  );
}
