/** The stepper's panels: 1 Encode, 2 Replay, 3 Train. */
import { MNIST_PIXELS } from '../../data/mnist';
import { HIPPOCAMPUS_BETA, hippocampusBeta } from '../../models/consolidation/consolidation';
import {
  EXACT_REPLAY_TOLERANCE,
  INHIBITION_BLOCK,
  REPLAY_INHIBITION,
} from '../../models/consolidation/replay';
import { LineChart } from '../../ui/LineChart';
import { ProgressBar } from '../../ui/ProgressBar';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS } from './commands';
import { DigitImage } from './DigitImage';
import { LabButton, SettingSelect } from './LabControls';
import { PAGE } from './params';
import { StepSection } from './Stepper';
import type { ReplayView } from './store';
import { useLab, useLabFields } from './useLab';

const fmt = (v: number, digits = 1) =>
  v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const TIMES = ['never', 'once', 'twice'];

/** How long the rest of a live run takes here, from its own pace so far ('' once it stops). */
export function timeLeft(progress: number, secs: number, training: string): string {
  if (training !== 'running' || !(progress > 0.02) || progress >= 1) return '';
  const rest = (secs * (1 - progress)) / progress;
  return rest < 1 ? ', almost done' : `, about ${fmt(rest, 0)} s to go`;
}

/** The messages a step's command caused, next to its button. */
function StepMessages({ source }: { source: string }) {
  const messages = useLab((s) => s.messages);
  return <InlineMessages messages={messages} source={source} />;
}

/**
 * A step's run button with the count it runs on: "Store 1,000 episodes"
 * beside the select of that count, and what the command said, below.
 */
function StepAction(props: {
  command: typeof COMMANDS.encode;
  label: string;
  testId: string;
  field: 'episodes' | 'replays';
  setCount: typeof COMMANDS.setEpisodes;
  countTestId: string;
}) {
  return (
    <>
      <LabButton
        command={props.command}
        variant="primary"
        label={props.label}
        testId={props.testId}
      />{' '}
      <SettingSelect field={props.field} command={props.setCount} testId={props.countTestId} />
      <StepMessages source={props.command.id} />
    </>
  );
}

export function EncodePanel() {
  const { encoded, episodes } = useLabFields('encoded', 'episodes');
  return (
    <StepSection n={1} title="Encode" className="cl-step">
      <p className="small">
        The hippocampus, a modern Hopfield network, stores {episodes.toLocaleString('en')} digits at
        once, as episodes: each image scaled to [−1, 1] becomes a row of X. Recall uses β ={' '}
        {HIPPOCAMPUS_BETA} with logits scaled by 1/√{MNIST_PIXELS} (β′ ={' '}
        {fmt(hippocampusBeta(MNIST_PIXELS), 3)}).
      </p>
      <StepAction
        command={COMMANDS.encode}
        label={`Store ${episodes.toLocaleString('en')} episodes`}
        testId="encode"
        field="episodes"
        setCount={COMMANDS.setEpisodes}
        countTestId="episodes"
      />
      {encoded && (
        <>
          <p className="small" data-testid="encoded">
            Stored {encoded.count.toLocaleString('en')} episodes in {fmt(encoded.ms, 0)} ms. The
            first few:
          </p>
          <div className="cl-strip">
            {encoded.sample.map((img, i) => (
              <DigitImage
                key={i}
                values={img}
                range="bipolar"
                size={36}
                label={`stored episode ${i}, a ${encoded.sampleLabels[i]}`}
              />
            ))}
          </div>
        </>
      )}
    </StepSection>
  );
}

export function ReplayPanel() {
  const { encoded, replay: r, replays } = useLabFields('encoded', 'replay', 'replays');
  return (
    <StepSection n={2} title="Replay" className="cl-step">
      <p className="small">
        At rest, the hippocampus is fed pure noise (every pixel uniform in [−1, 1]) and updated{' '}
        {TIMES[PAGE.replaySteps] ?? `${PAGE.replaySteps} times`}: ξ ← X softmax(β′ Xᵀξ − λc), where
        c counts each episode&apos;s replays so far (λ = {REPLAY_INHIBITION}). Each output is a
        stored episode, recalled without any cue to it.
      </p>
      <StepAction
        command={COMMANDS.replay}
        label={`Replay ${replays.toLocaleString('en')} times`}
        testId="replay"
        field="replays"
        setCount={COMMANDS.setReplays}
        countTestId="replays-count"
      />
      {!encoded && <p className="small muted">Store the episodes first.</p>}
      {r && (
        <>
          <div className="cl-strip" data-testid="replays">
            {r.images.map((img, i) => (
              <figure key={i} className="cl-replay">
                <DigitImage
                  values={img}
                  range="bipolar"
                  size={36}
                  label={`replay ${i + 1}: episode ${r.episodes[i]}, a ${r.labels[i]}`}
                />
                <figcaption>#{r.episodes[i]}</figcaption>
              </figure>
            ))}
          </div>
          <p className="small" data-testid="coverage">
            {r.count.toLocaleString('en')} replays, {r.distinct.toLocaleString('en')} different
            episodes: coverage {fmt(100 * r.coverage)}% of the stored set (uniform draws would give{' '}
            {fmt(100 * r.expectedCoverage)}%). Each replay holds its episode back for the cues after
            it: its logit drops by λ = {REPLAY_INHIBITION} per replay (inhibition of return, our
            addition to Spens & Burgess; counts updated every {INHIBITION_BLOCK} cues). Without it,
            noise replays a few episodes again and again, and a VAE trained on those replays
            separates the digits less well.
            {Number.isFinite(r.exact) &&
              ` ${fmt(100 * r.exact)}% are their episode to within ${EXACT_REPLAY_TOLERANCE} in every pixel; the rest are almost-exact blends.`}{' '}
            {fmt(r.ms / 1000)} s. Under each replay: the stored episode it is.
          </p>
          <ReplaysByDigit view={r} />
        </>
      )}
    </StepSection>
  );
}

/** Per digit: stored episodes, replays, and replays per stored episode (uniform replay: R / N each). */
function ReplaysByDigit({ view: r }: { view: ReplayView }) {
  const stored = r.byDigit.reduce((a, k) => a + k.stored, 0);
  const even = r.count / Math.max(1, stored);
  const rate = (k: { stored: number; replayed: number }) =>
    k.stored > 0 ? k.replayed / k.stored : 0;
  const top = Math.max(even, ...r.byDigit.map(rate), 1e-9);
  return (
    <div className="cl-bydigit">
      <p className="small">
        Replays by digit. Equal replay would give every digit {even.toFixed(2)} replays per stored
        episode (the line); no episode was replayed more than {r.mostOfOne}{' '}
        {r.mostOfOne === 1 ? 'time' : 'times'}.
      </p>
      <table className="small" data-testid="replays-by-digit">
        <thead>
          <tr>
            <th scope="col">digit</th>
            <th scope="col">stored</th>
            <th scope="col">replayed</th>
            <th scope="col" className="cl-bydigit-rate">
              per episode
            </th>
          </tr>
        </thead>
        <tbody>
          {r.byDigit.map((k, c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <td>{k.stored}</td>
              <td>{k.replayed}</td>
              <td className="cl-bydigit-rate">
                <span
                  className="cl-bydigit-bar"
                  style={{ width: `${(100 * rate(k)) / top}%` }}
                  aria-hidden="true"
                />
                <span
                  className="cl-bydigit-even"
                  style={{ left: `${(100 * even) / top}%` }}
                  aria-hidden="true"
                />
                <span className="cl-bydigit-value">{k.stored > 0 ? rate(k).toFixed(2) : '–'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrainPanel() {
  const {
    replay,
    training,
    progress,
    history,
    samplesPerSecond: sps,
    trainSeconds: secs,
    epochs,
    source,
    latentSize,
  } = useLabFields(
    'replay',
    'training',
    'progress',
    'history',
    'samplesPerSecond',
    'trainSeconds',
    'epochs',
    'source',
    'latentSize',
  );
  const ready = replay !== null && Number.isFinite(replay.exact);
  const epochsX = history.map((h) => h.epoch);
  const series = (f: (h: (typeof history)[number]) => number) =>
    history.map((h, i) => ({ x: epochsX[i], y: f(h) }));
  return (
    <StepSection n={3} title="Train the neocortex" className="cl-step">
      <p className="small">
        A VAE ({[MNIST_PIXELS, ...PAGE.hidden].join(' → ')} → {latentSize} latents →{' '}
        {[...PAGE.hidden].reverse().join(' → ')} → {MNIST_PIXELS}) learns from the replays only,
        never the originals:
        {` ${epochs}`} {epochs === 1 ? 'pass' : 'passes'} over them, minibatches of {PAGE.batchSize}
        , Adam. After each pass the app measures it on {PAGE.heldOut.toLocaleString('en')} held-out
        digits it has never seen.
      </p>
      <div className="cl-buttons">
        <LabButton command={COMMANDS.train} variant="primary" testId="train" />
        {training === 'running' && <LabButton command={COMMANDS.pause} testId="pause" />}
        {training === 'paused' && source === 'live' && (
          <LabButton command={COMMANDS.play} testId="play" />
        )}
        <SettingSelect field="epochs" command={COMMANDS.setEpochs} testId="epochs" />
        <SettingSelect
          field="latentSize"
          command={COMMANDS.setLatentSize}
          testId="latent-size"
          title="More than 2 latents: the map shows their first two principal components"
        />
      </div>
      <StepMessages source="train" />
      {!ready && <p className="small muted">Replay first: the VAE trains on the replays.</p>}
      {source === 'live' && (
        <ProgressBar
          value={progress}
          label={`Training${sps ? ` · ${Math.round(sps).toLocaleString('en')} samples/s · ${fmt(secs, 0)} s${timeLeft(progress, secs, training)}` : ''}`}
        />
      )}
      {history.length > 0 && (
        <div className="cl-curves" data-testid="curves">
          <LineChart
            height={170}
            series={[{ name: 'held-out BCE', values: series((h) => h.reconError) }]}
            xLabel="epoch"
            yLabel="recon (nats)"
          />
          <LineChart
            height={170}
            series={[{ name: 'KL', values: series((h) => h.kl) }]}
            xLabel="epoch"
            yLabel="KL (nats)"
          />
          <LineChart
            height={170}
            series={[
              { name: 'decoding', values: series((h) => h.decodingAccuracy) },
              {
                name: 'chance',
                values: history.map((h) => ({ x: h.epoch, y: 0.1 })),
                dashed: true,
              },
            ]}
            yDomain={[0, 1]}
            xLabel="epoch"
            yLabel="accuracy"
          />
        </div>
      )}
    </StepSection>
  );
}
