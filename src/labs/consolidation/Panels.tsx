/** The stepper's panels: 1 Encode, 2 Replay, 3 Train. */
import { Button, LineChart, ProgressBar } from '../../ui';
import { DigitImage } from './DigitImage';
import { CHOICES, withCurrent } from './params';
import { useLab, useLabContext } from './useLab';

const fmt = (v: number, digits = 1) =>
  v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** How long the rest of a live run takes here, from its own pace so far ('' once it stops). */
export function timeLeft(progress: number, secs: number, training: string): string {
  if (training !== 'running' || !(progress > 0.02) || progress >= 1) return '';
  const rest = (secs * (1 - progress)) / progress;
  return rest < 1 ? ', almost done' : `, about ${fmt(rest, 0)} s to go`;
}

/** A setting's select: its usual choices, plus the current value if a link set another. */
function NumberSelect(props: {
  label: string;
  value: number;
  choices: readonly number[];
  disabled: boolean;
  onChange: (v: number) => void;
  testId: string;
  title?: string;
}) {
  return (
    <label className="small" title={props.title}>
      {props.label}{' '}
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.target.value))}
        data-testid={props.testId}
      >
        {withCurrent(props.choices, props.value).map((v) => (
          <option key={v} value={v}>
            {v.toLocaleString('en')}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EncodePanel() {
  const { runner, store } = useLabContext();
  const encoded = useLab((s) => s.encoded);
  const episodes = useLab((s) => s.episodes);
  const busy = useLab((s) => s.busy);
  return (
    <section className="panel cl-step" data-testid="step-encode">
      <h2>1 · Encode</h2>
      <p className="small">
        The hippocampus, a modern Hopfield network, stores {episodes.toLocaleString('en')} digits at
        once, as episodes: each image scaled to [−1, 1] becomes a row of X. Recall uses β = 20 with
        logits scaled by 1/√784 (β′ = {fmt(20 / 28, 3)}).
      </p>
      <Button
        variant="primary"
        onClick={() => void runner.encode()}
        disabled={busy !== null}
        testId="encode"
      >
        Store {episodes.toLocaleString('en')} episodes
      </Button>{' '}
      <NumberSelect
        label="episodes N"
        value={episodes}
        choices={CHOICES.episodes}
        disabled={busy !== null}
        onChange={(v) => store.setState({ episodes: v })}
        testId="episodes"
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
    </section>
  );
}

export function ReplayPanel() {
  const { runner, store } = useLabContext();
  const encoded = useLab((s) => s.encoded);
  const r = useLab((s) => s.replay);
  const replays = useLab((s) => s.replays);
  const busy = useLab((s) => s.busy);
  return (
    <section className="panel cl-step" data-testid="step-replay">
      <h2>2 · Replay</h2>
      <p className="small">
        At rest, the hippocampus is fed pure noise (every pixel uniform in [−1, 1]) and updated
        twice: ξ ← X softmax(β′ Xᵀξ). Each output is a stored episode, recalled without any cue to
        it.
      </p>
      <Button
        variant="primary"
        onClick={() => void runner.replay()}
        disabled={!encoded || busy !== null}
        testId="replay"
      >
        Replay {replays.toLocaleString('en')} times
      </Button>{' '}
      <NumberSelect
        label="replays R"
        value={replays}
        choices={CHOICES.replays}
        disabled={busy !== null}
        onChange={(v) => store.setState({ replays: v })}
        testId="replays-count"
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
            {fmt(100 * r.expectedCoverage)}%: some episodes are replayed more than others).
            {Number.isFinite(r.exact) &&
              ` ${fmt(100 * r.exact)}% are their episode to within 0.05 in every pixel; the rest are almost-exact blends.`}{' '}
            {fmt(r.ms / 1000)} s. Under each replay: the stored episode it is.
          </p>
        </>
      )}
    </section>
  );
}

export function TrainPanel() {
  const { runner, store } = useLabContext();
  const replay = useLab((s) => s.replay);
  const training = useLab((s) => s.training);
  const progress = useLab((s) => s.progress);
  const history = useLab((s) => s.history);
  const busy = useLab((s) => s.busy);
  const sps = useLab((s) => s.samplesPerSecond);
  const secs = useLab((s) => s.trainSeconds);
  const epochs = useLab((s) => s.epochs);
  const source = useLab((s) => s.source);
  const latentSize = useLab((s) => s.latentSize);
  const ready = replay !== null && Number.isFinite(replay.exact);
  const epochsX = history.map((h) => h.epoch);
  const series = (f: (h: (typeof history)[number]) => number) =>
    history.map((h, i) => ({ x: epochsX[i], y: f(h) }));
  return (
    <section className="panel cl-step" data-testid="step-train">
      <h2>3 · Train the neocortex</h2>
      <p className="small">
        A VAE (784 → 128 → {latentSize} latents → 128 → 784) learns from the replays only, never the
        originals:
        {` ${epochs}`} {epochs === 1 ? 'pass' : 'passes'} over them, minibatches of 64, Adam. After
        each pass the app measures it on 1,000 held-out digits it has never seen.
      </p>
      <div className="cl-buttons">
        <Button
          variant="primary"
          onClick={() => void runner.trainFromScratch()}
          disabled={!ready || busy !== null}
          testId="train"
        >
          Train from scratch
        </Button>
        {training === 'running' && (
          <Button onClick={() => runner.pause()} testId="pause">
            Pause
          </Button>
        )}
        {training === 'paused' && source === 'live' && (
          <Button onClick={() => void runner.resume()} testId="play">
            Play
          </Button>
        )}
        <NumberSelect
          label="epochs"
          value={epochs}
          choices={CHOICES.epochs}
          disabled={training === 'running'}
          onChange={(v) => store.setState({ epochs: v })}
          testId="epochs"
        />
        <NumberSelect
          label="latents"
          value={latentSize}
          choices={CHOICES.latent}
          disabled={training === 'running'}
          onChange={(v) => store.setState({ latentSize: v })}
          testId="latent-size"
          title="More than 2 latents: the map shows their first two principal components"
        />
      </div>
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
    </section>
  );
}
