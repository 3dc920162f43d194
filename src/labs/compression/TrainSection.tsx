/** Section 2, "Train": the encoder and decoder, trained here, and what the Hopfield stage holds. */
import { useMemo } from 'react';
import { capacityOf } from '../../models/compression/hopfieldStage';
import { Help } from '../../ui/Help';
import { LineChart, type LineSeries } from '../../ui/LineChart';
import { TeX } from '../../ui/Math';
import { ProgressBar } from '../../ui/ProgressBar';
import { LabButton } from './LabButton';
import { COMMANDS, isTraining } from './commands';
import { seconds, thousands } from './format';
import { ParamSelect, ParamSlider } from './ParamControls';
import { useLab } from './useLab';

const PRECISION_LABELS = { float16: 'float16 (2 bytes)', float32: 'float32 (4 bytes)' } as const;
const STAGE_LABELS = {
  auto: 'auto (by load)',
  hebbian: 'classic Hebbian',
  storkey: 'classic Storkey',
  modern: 'modern Hopfield network',
  none: 'none',
} as const;

function TrainProgress() {
  const t = useLab((s) => s.training);
  const busy = useLab(isTraining);
  if (t.status === 'idle') return null;
  const done = t.totalSteps > 0 ? t.steps / t.totalSteps : NaN;
  return (
    <div className="cz-train-status" data-testid="training">
      {busy && (
        <ProgressBar
          value={t.status === 'probing' ? NaN : done}
          label={
            t.status === 'probing'
              ? 'Timing a training step'
              : t.status === 'compressing'
                ? 'Storing every record’s code and writing the file'
                : `Training: step ${thousands(t.steps)} of ${thousands(t.totalSteps)}, epoch ${t.epoch} of ${t.epochs}`
          }
          etaSeconds={t.status === 'running' ? (t.etaSeconds ?? undefined) : undefined}
        />
      )}
      {t.reason && <p className="small">{t.reason}</p>}
      {t.status === 'running' && t.etaSeconds !== null && (
        <p className="small muted">About {seconds(t.etaSeconds)} left at the pace so far.</p>
      )}
      {t.status === 'done' && (
        <p className="small" data-testid="training-done">
          Trained {t.epoch} epoch{t.epoch === 1 ? '' : 's'} ({thousands(t.steps)} steps of{' '}
          {t.batchSize} records) in {(t.elapsedMs / 1000).toFixed(1)} s on {t.backend}
          {t.mode === 'page' && t.longestTaskMs !== null
            ? `; the longest chunk of steps on this page took ${t.longestTaskMs.toFixed(0)} ms`
            : t.mode === 'worker'
              ? ' in a Web Worker'
              : ''}
          {t.stepMs !== null && `; a step took ${t.stepMs.toFixed(1)} ms`}.
        </p>
      )}
      {t.status === 'cancelled' && <p className="small">Training was stopped; nothing was kept.</p>}
      {t.status === 'error' && <p className="error">{t.error}</p>}
    </div>
  );
}

function LossChart() {
  const loss = useLab((s) => s.training.epochLoss);
  const series = useMemo<LineSeries[]>(
    () => [{ name: 'mean loss of the epoch', values: loss.map((y, i) => ({ x: i + 1, y })) }],
    [loss],
  );
  if (loss.length < 2) return null;
  return (
    <LineChart series={series} xLabel="epoch" yLabel="loss (nats + squared error)" height={200} />
  );
}

function Formulas() {
  return (
    <Help title="The model, in formulas">
      <p>
        A record becomes an input vector <TeX tex="x" /> of <TeX tex="D" /> units: one-hot
        categories and standardised numbers <TeX tex="z = (v - \mu)/\sigma" />. With <TeX tex="H" />{' '}
        hidden units and <TeX tex="K" /> code bits:
      </p>
      <TeX
        display
        tex="h = \mathrm{relu}(x W_1 + b_1),\quad t = \tanh(h W_2 + b_2),\quad c = \mathrm{sgn}(t) \in \{-1,+1\}^K"
      />
      <TeX display tex="g = \mathrm{relu}(c\, W_3 + b_3),\quad y = g W_4 + b_4" />
      <p>
        <strong>Binarisation: the straight-through estimator</strong> (Bengio, Léonard &amp;
        Courville 2013), deterministic: the forward pass uses <TeX tex="\mathrm{sgn}(t)" /> (0
        counts as +1), the backward pass treats it as the identity,{' '}
        <TeX tex="\partial L/\partial t = \partial L/\partial c" />, and the tanh before it keeps
        that gradient bounded.
      </p>
      <p>
        Loss per record: cross-entropy <TeX tex="\log\sum_j e^{y_j} - y_{\text{label}}" /> for each
        category, plus the mean squared error of each numeric field; every field weighs 1. Each
        field of a training input is left out with probability 0.2 (denoising), Adam with step
        0.002.
      </p>
    </Help>
  );
}

/** The load of the stage against the capacities of a classic network, over K. */
function LoadChart() {
  const c = useLab((s) => s.compressed);
  const recall = useLab((s) => s.recall.result);
  const choice = recall?.choice ?? c?.choice;
  const series = useMemo<LineSeries[]>(() => {
    const ks = Array.from({ length: 31 }, (_, i) => 16 + i * 8);
    const at = (f: (k: number) => number) => ks.map((k) => ({ x: k, y: f(k) }));
    return [
      {
        name: 'Hebbian, every pattern exact: K / (2 ln K)',
        values: at((k) => capacityOf(k).hebbianExact),
      },
      { name: 'Storkey: K / √(2 ln K)', values: at((k) => capacityOf(k).storkey) },
      {
        name: 'Hebbian, a few bits wrong: 0.138 K',
        values: at((k) => capacityOf(k).hebbianApprox),
        dashed: true,
      },
    ];
  }, []);
  const markers = useMemo(
    () =>
      choice
        ? [
            {
              x: choice.capacity.bits,
              y: choice.patterns,
              label: `your ${thousands(choice.patterns)} codes`,
            },
          ]
        : [],
    [choice],
  );
  if (!choice) return null;
  return (
    <div data-testid="stage">
      <p data-testid="stage-message">
        <strong>Load</strong>{' '}
        <TeX
          tex={`N/K = ${choice.patterns}/${choice.capacity.bits} = ${choice.load.toFixed(choice.load < 1 ? 3 : 1)}`}
        />{' '}
        ({thousands(choice.records)} records, {thousands(choice.patterns)} distinct codes).{' '}
        {choice.message}
      </p>
      {choice.fixedPointShare !== null && (
        <p className="small" data-testid="fixed-points">
          {(100 * choice.fixedPointShare).toFixed(1)} % of the stored codes are fixed points of the
          classic {choice.rule === 'modern' ? 'network that was tried' : choice.rule} network (a
          code that is not one drifts away from itself, even with no bit flipped).
        </p>
      )}
      {choice.rule === 'modern' && choice.reason !== 'requested' && (
        <p className="small">
          Why the modern network: a classic network recalls its patterns only while they are few
          {choice.reason === 'codes-not-fixed-points'
            ? ' and nearly uncorrelated; trained codes share most of their bits, so they are not even fixed points of it.'
            : '; these codes are far more than it holds.'}{' '}
          The modern update{' '}
          <TeX tex="\xi \leftarrow \mathrm{sgn}\big(X^\top \mathrm{softmax}(\beta X \xi)\big)" />{' '}
          (Ramsauer et al. 2020, on the stored codes <TeX tex="X" />) has no such limit.
        </p>
      )}
      <LineChart
        series={series}
        markers={markers}
        logY
        xLabel="code bits K"
        yLabel="patterns held"
        height={220}
        title={`Codes stored (○: your ${thousands(choice.patterns)} distinct codes) against what a classic network holds (random patterns)`}
        testId="load-chart"
      />
    </div>
  );
}

export function TrainSection() {
  return (
    <>
      <p>
        An encoder turns each record into a code of <TeX tex="K" /> bits; a decoder turns a code
        back into a record. They are trained here, in this browser, with TensorFlow.js.
      </p>
      <div className="ui-two">
        <div className="cz-controls">
          <ParamSlider
            name="bits"
            step={8}
            min={16}
            max={256}
            help="K, bits per code (16 to 256)"
          />
          <ParamSlider name="hidden" step={16} />
          <ParamSlider name="epochs" max={60} />
          <ParamSlider name="batchSize" log step={1} />
          <ParamSelect name="precision" labels={PRECISION_LABELS} />
          <div className="cz-buttons">
            <LabButton command={COMMANDS.train} variant="primary" testId="train" />
            <LabButton command={COMMANDS.cancelTraining} testId="cancel-training" />
          </div>
        </div>
        <div className="ui-views">
          <TrainProgress />
          <LossChart />
          <Formulas />
        </div>
      </div>
      <h3>The Hopfield stage</h3>
      <p>
        It stores the distinct codes and cleans up a corrupted one before it is decoded. It needs no
        bytes of its own: a classic network's weights follow from the codes, and the modern network
        is the codes.
      </p>
      <div className="ui-two">
        <div className="cz-controls">
          <ParamSelect name="stage" labels={STAGE_LABELS} />
          <ParamSlider name="beta" log step={0.01} />
        </div>
        <div className="ui-views">
          <LoadChart />
        </div>
      </div>
    </>
  );
}
