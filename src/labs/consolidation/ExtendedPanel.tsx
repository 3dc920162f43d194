/**
 * Step 6, the extended model (SCIENCE.md section 3.6): a threshold decides
 * which pixels the VAE predicts badly enough to be stored, next to the
 * latent code, in a modern Hopfield network over traces.
 */
import type { ReactNode } from 'react';
import { MNIST_PIXELS } from '../../data/mnist';
import { runCommand } from '../../engine/commands';
import {
  EXTENDED_BETA,
  LATENT_WEIGHT,
  SWEEP_TRACES,
  extendedBeta,
} from '../../models/consolidation/extendedModel';
import { Help } from '../../ui/Help';
import { LineChart } from '../../ui/LineChart';
import { Slider } from '../../ui/Controls';
import { TeX } from '../../ui/Math';
import { COMMANDS } from './commands';
import { DigitImage } from './DigitImage';
import { LabButton } from './LabControls';
import { StepSection } from './Stepper';
import { useLab, useLabContext, useLabFields } from './useLab';

const D = MNIST_PIXELS;

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

export function ExtendedPanel() {
  const ctx = useLabContext();
  const {
    extendedThreshold: threshold,
    extended: view,
    extendedSweep: sweep,
    training,
  } = useLabFields('extendedThreshold', 'extended', 'extendedSweep', 'training');
  const latent = useLab((s) => s.map?.latentSize ?? 2);
  const running = training === 'running';
  const betaEff = extendedBeta(latent, D);
  return (
    <StepSection
      n={6}
      title="The extended model: what a memory trace keeps"
      className="cl-extended"
    >
      <p className="small">
        In the full model a hippocampal trace is not the whole picture: it keeps the episode's
        latent code (the concept) plus only the pixels the neocortex predicts badly, those with{' '}
        <TeX tex={String.raw`|x_j - \hat x_j| > \theta`} /> where x̂ is the VAE's prediction. Recall
        completes the trace from the top half of the episode in a modern Hopfield network (β ={' '}
        {EXTENDED_BETA}, logits scaled by 1/√{latent + 1 + D}, β′ = {betaEff.toFixed(2)}), decodes
        its latent and pastes the stored pixels over the decoded image. The {SWEEP_TRACES} episodes
        are held-out digits, never seen by the VAE.
      </p>
      <div className="cl-ext-controls">
        <Slider
          label="threshold θ (pixel error, 0 to 1)"
          value={threshold}
          min={0}
          max={1}
          step={0.01}
          format={(v) => v.toFixed(2)}
          onChange={(v) => runCommand(COMMANDS.setThreshold, ctx, v)}
          help="Lower stores more sensory detail: a bigger trace, a more faithful recall."
          disabled={running}
        />
        <div className="cl-buttons">
          <LabButton command={COMMANDS.previousEpisode} testId="ext-prev" />
          <LabButton command={COMMANDS.nextEpisode} testId="ext-next" />
          <LabButton command={COMMANDS.sweep} testId="ext-sweep" />
        </div>
      </div>
      {running && (
        <p className="small muted">
          Step 6 follows the VAE on screen once training pauses or ends.
        </p>
      )}
      {view && (
        <div className="cl-ext-view">
          <div className="cl-strip cl-ext-images">
            <Figure caption={`episode #${view.index} (a ${view.label})`}>
              <DigitImage values={view.episode} size={84} label="the episode" />
            </Figure>
            <Figure caption="VAE prediction x̂">
              <DigitImage values={view.prediction} size={84} label="the VAE's prediction" />
            </Figure>
            <Figure caption={`stored mask (θ = ${view.threshold.toFixed(2)})`}>
              <DigitImage
                values={view.mask}
                size={84}
                label={`stored pixels at threshold ${view.threshold.toFixed(2)}`}
                testId="ext-mask"
              />
            </Figure>
            <Figure caption="cue: top half">
              <DigitImage values={view.cue} size={84} label="the cue, bottom half unknown" />
            </Figure>
            <Figure caption="recalled">
              <DigitImage
                values={view.recalled}
                size={84}
                label="recalled through the traces"
                testId="ext-recalled"
              />
            </Figure>
          </div>
          <p className="small" data-testid="ext-size">
            Stored: <strong>{view.stored}</strong> of {D} pixels ({pct(view.stored / D)}); the trace
            holds <strong>{view.valuesPerTrace}</strong> values ({latent} latents + {view.stored}{' '}
            pixels, each with its position). Recall error {pct(view.error)} (mean |r − x| over all
            pixels, r the recalled image)
            {view.ownTrace ? '' : '; the strongest trace was another episode'}.
          </p>
        </div>
      )}
      {sweep && (
        <>
          <p className="small" data-testid="ext-sweep-note">
            Sweep over {sweep.traces} traces, each of {sweep.probes} episodes recalled from its top
            half. Dashed: the VAE alone recalling the cue ({pct(sweep.vaeOnly)}).
          </p>
          <div className="cl-ext-charts" data-testid="ext-sweep-charts">
            <LineChart
              height={200}
              series={[
                {
                  name: 'values per trace',
                  values: sweep.points.map((p) => ({ x: p.threshold, y: p.valuesPerTrace })),
                },
              ]}
              markers={[{ x: threshold, label: 'θ' }]}
              xLabel="threshold θ"
              yLabel="memory (values/trace)"
            />
            <LineChart
              height={200}
              series={[
                {
                  name: 'extended model',
                  values: sweep.points.map((p) => ({ x: p.threshold, y: 100 * p.recallError })),
                },
                {
                  name: 'VAE alone',
                  values: sweep.points.map((p) => ({ x: p.threshold, y: 100 * sweep.vaeOnly })),
                  dashed: true,
                },
              ]}
              markers={[{ x: threshold, label: 'θ' }]}
              xLabel="threshold θ"
              yLabel="recall error (%)"
            />
          </div>
        </>
      )}
      <Help title="The trace and the recall, in formulas">
        <div className="small">
          <p>
            Episode x and prediction x̂ = decode(μ(x)) in [0, 1]; stored mask and trace:
            <TeX
              display
              tex={String.raw`m_j = [\,|x_j - \hat x_j| > \theta\,],\quad s = m \odot (2x - 1),\quad t = \big(w\,\mu,\; -\tfrac{1}{2}\lVert (w\mu, s)\rVert^2,\; s\big)`}
            />
            The cue holds 1 in the extra coordinate, so each trace gets the logit −β′‖τ′ − (wμ,
            s)‖²/2 (+ a constant): the nearest trace wins, rather than the one with the longest
            latent or the most stored pixels; w = {LATENT_WEIGHT}. The cue is{' '}
            <TeX tex={String.raw`\tau = (w\,\mu(c),\; 1,\; v)`} /> with v the visible pixels in [−1,
            1] and 0 where hidden. One update gives the attention and the recalled image
            <TeX
              display
              tex={String.raw`p = \mathrm{softmax}\big(\tfrac{\beta}{\sqrt{D}}\, T\tau\big),\quad z = \textstyle\sum_i p_i \mu_i,\quad r_j = \big(1 - \sum_i p_i m_{ij}\big)\,\mathrm{dec}(z)_j + \sum_i p_i m_{ij} x_{ij}`}
            />
            with D = L + 1 + {D}. Memory size: L + k values per trace (k stored pixels). θ = 0
            stores every pixel (the episode itself, recalled to Hopfield precision); θ = 1 stores
            none (pure VAE recall: the decoded latent).
          </p>
        </div>
      </Help>
    </StepSection>
  );
}

function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="cl-ext-figure">
      {children}
      <figcaption className="small">{caption}</figcaption>
    </figure>
  );
}
