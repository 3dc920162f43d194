/** Step 4 (the latent map and what it decodes) and step 5 (what a generative memory does). */
import { scaleBand, scaleLinear } from 'd3';
import { TeX } from '../../ui/Math';
import { COMMANDS } from './commands';
import { DigitImage } from './DigitImage';
import { FewShotView } from './FewShotView';
import { ArithmeticView, BoundaryView } from './GenerativeViews';
import { LabButton } from './LabControls';
import { PartialRecallView } from './PartialRecallView';
import { LatentMap } from './LatentMap';
import { PAGE } from './params';
import { StepSection } from './Stepper';
import { useLab, useLabFields } from './useLab';

const { heldOut: HELD_OUT, labelled: LABELLED } = PAGE;

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export function MapPanel() {
  const {
    probe,
    interpolation: interp,
    metrics,
    vaeNote: note,
  } = useLabFields('probe', 'interpolation', 'metrics', 'vaeNote');
  const latent = useLab((s) => s.map?.latentSize ?? 2);
  const frame = useLab((s) => s.map?.pca ?? null);
  return (
    <StepSection n={4} title="The neocortex's latent space" className="cl-explore">
      <p className="small">
        Each dot is one of {HELD_OUT.toLocaleString('en')} held-out digits placed at its latent mean
        {frame ? '' : ` (the VAE has ${latent} latents, drawn directly, no projection)`}, coloured
        by its true class: the VAE never saw a label. <strong>Hover</strong> a dot to see the digit
        and the VAE's reconstruction; <strong>click</strong> anywhere to decode that point;{' '}
        <strong>drag</strong> from one place to another for an interpolation.
      </p>
      {frame && (
        <p className="small cl-pca-note" data-testid="pca-note">
          <strong>
            PCA of the {latent}-D latent: PC1/PC2,{' '}
            {(100 * (frame.explained[0] + frame.explained[1])).toFixed(1)} % of the variance
          </strong>{' '}
          (PC1 {(100 * frame.explained[0]).toFixed(1)} %, PC2{' '}
          {(100 * frame.explained[1]).toFixed(1)} %). A click at (c₁, c₂) decodes the latent{' '}
          <TeX tex="z = m + c_1 u_1 + c_2 u_2" /> (m the mean latent, u₁ and u₂ the components): the
          other {latent - 2} directions stay at the mean.
        </p>
      )}
      <p className="small muted" data-testid="vae-note">
        {note}
        {metrics &&
          ` Held-out: reconstruction error ${metrics.reconError.toFixed(1)} nats per digit, KL ${metrics.kl.toFixed(2)} nats, decoding accuracy ${pct(metrics.decodingAccuracy)} (a linear read-out of the ${latent} latents trained on ${LABELLED} labelled digits, tested on the other ${HELD_OUT - LABELLED}; chance 10%).`}
      </p>
      <div className="cl-map-row">
        <LatentMap />
        <div className="cl-probe" data-testid="probe">
          {probe ? (
            <>
              <p className="small">
                {frame ? '(PC1, PC2)' : 'z'} = ({probe.z[0].toFixed(2)}, {probe.z[1].toFixed(2)})
              </p>
              {probe.original && (
                <figure>
                  <DigitImage
                    values={probe.original}
                    size={96}
                    label={`held-out digit, a ${probe.label}`}
                  />
                  <figcaption>held-out digit ({probe.label})</figcaption>
                </figure>
              )}
              <figure>
                <DigitImage values={probe.image} size={96} label="decoded image" testId="decoded" />
                <figcaption>
                  {probe.kind === 'digit' ? 'its reconstruction' : 'decoded from this point'}
                </figcaption>
              </figure>
            </>
          ) : (
            <p className="small muted">Hover a dot or click the plane.</p>
          )}
        </div>
      </div>
      {interp && (
        <div className="cl-strip" data-testid="interpolation">
          {interp.map((img, i) => (
            <DigitImage key={i} values={img} size={44} label={`interpolation step ${i + 1}`} />
          ))}
        </div>
      )}
    </StepSection>
  );
}

export function GenerativePanel() {
  const latent = useLab((s) => s.map?.latentSize ?? 2);
  const { imagination, distortion, fewShot } = useLabFields('imagination', 'distortion', 'fewShot');
  const encoded = useLab((s) => s.encoded !== null);
  return (
    <StepSection n={5} title="What a generative memory does" className="cl-generative">
      <div className="cl-buttons">
        <LabButton command={COMMANDS.imagine} testId="imagine" />
        <LabButton command={COMMANDS.recallPartial} testId="recall-partial" />
        <LabButton command={COMMANDS.analyse} testId="analyse" />
      </div>
      {!encoded && (
        <p className="small muted">
          Recall from a partial cue needs the hippocampus: store the episodes in step 1 first.
        </p>
      )}
      {/* data-panel: the parts a lesson step may show alone (presenter mode folds the rest). */}
      <div data-panel="imagine">
        <PartialRecallView />
        {imagination && (
          <>
            <p className="small">
              Imagination: 16 draws z ~ N(0, I) decoded. None is a stored digit; they are what the
              neocortex makes up.
            </p>
            <div className="cl-strip" data-testid="imagination">
              {imagination.map((img, i) => (
                <DigitImage key={i} values={img} size={44} label={`imagined digit ${i + 1}`} />
              ))}
            </div>
          </>
        )}
        <ArithmeticView />
      </div>
      <div data-panel="distortion">{distortion && <DistortionBars d={distortion} />}</div>
      <div data-panel="few-shot">
        {fewShot && (
          <FewShotView
            points={fewShot}
            latent={latent}
            testSize={HELD_OUT - Math.floor(HELD_OUT / 2)}
          />
        )}
      </div>
      <div data-panel="boundary">
        <BoundaryView />
      </div>
    </StepSection>
  );
}

function DistortionBars({
  d,
}: {
  d: { originals: number[]; reconstructions: number[]; ratio: number };
}) {
  const W = 460;
  const H = 180;
  const M = { top: 10, right: 10, bottom: 28, left: 46 };
  const x = scaleBand<number>()
    .domain(d.originals.map((_, c) => c))
    .range([M.left, W - M.right])
    .padding(0.2);
  const max = Math.max(...d.originals, ...d.reconstructions);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  const bw = x.bandwidth() / 2;
  return (
    <>
      <p className="small" data-testid="distortion">
        Prototypical distortion: within-class pixel variance of the held-out digits (grey) and of
        their reconstructions (blue), per class. Overall ratio reconstructions / originals:{' '}
        {d.ratio.toFixed(2)}
        {d.ratio < 1
          ? ': recalled digits are more typical of their class than the originals.'
          : ': here the reconstructions are not more typical than the originals.'}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="cl-bars"
        role="img"
        aria-label="within-class variance per class"
      >
        {d.originals.map((v, c) => (
          <g key={c}>
            <rect x={x(c)} y={y(v)} width={bw} height={y(0) - y(v)} fill="#9aa0a6" />
            <rect
              x={x(c)! + bw}
              y={y(d.reconstructions[c])}
              width={bw}
              height={y(0) - y(d.reconstructions[c])}
              fill="#4e79a7"
            />
            <text x={x(c)! + bw} y={H - 10} textAnchor="middle" fontSize={11}>
              {c}
            </text>
          </g>
        ))}
        {y.ticks(4).map((t) => (
          <text key={t} x={M.left - 4} y={y(t) + 4} textAnchor="end" fontSize={10}>
            {t.toFixed(2)}
          </text>
        ))}
      </svg>
    </>
  );
}
