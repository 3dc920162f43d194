/**
 * The Consolidation lab's engine. Owns the digits, the hippocampus (stored
 * episodes as tensors), the replays and the VAE on screen, and publishes
 * what the visitor sees to the store. The maths is src/models/consolidation/consolidation.ts
 * (the same pipeline as the CLI and the weight script).
 *
 * Tensors: the stored episodes and the VAE are the only long-lived ones
 * (./tensors, which keeps typed copies to rebuild them when the backend
 * changes); a new encode, "Train from scratch" and dispose() free the old ones.
 * Training runs in chunks (trainEpochs yields every few batches), so the
 * page stays responsive; everything is read back with await data().
 */
import { backendReady } from '../../engine/backendStore';
import { loadMnist, type MnistSet } from '../../data/mnist';
import {
  evaluateVae,
  gatherDigits,
  pipelineSeeds,
  replay,
  splitDigits,
  CONSOLIDATION_DEFAULTS,
  type ImageSet,
} from '../../models/consolidation/consolidation';
import {
  PRETRAINED_CONFIG,
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../../models/consolidation/consolidationPretrained';
import {
  createVae,
  loadVae,
  mixSeed,
  trainEpochs,
  unitFromBipolarRange,
  type SerialisedVae,
  type Vae,
} from '../../models/consolidation/vae';
import { vaeFromJson } from '../../models/consolidation/vaeParams';
import { LabTensors, onBackendSwitch } from './tensors';
import type { Patch } from './explore';
import { say, sayFailed, type ConsolidationStore } from './store';
import { latentMap, replayView } from './views';

/** Held-out digits on the map and in the metrics (never stored). */
export const HELD_OUT = 1000;
/** Of those, labelled for the decoding read-out. */
export const LABELLED = 300;

/**
 * The held-out digits: the next HELD_OUT of the seeded permutation after
 * the episodes, and never among the first PRETRAINED_CONFIG.episodes (the
 * episodes of the opening VAE, a prefix of the same permutation for seed 1).
 */
function heldOutIndices(count: number, episodes: number, seed: number): Int32Array {
  const n = Math.max(episodes, PRETRAINED_CONFIG.episodes);
  return splitDigits(count, n, HELD_OUT, pipelineSeeds(seed).split).heldOut;
}

export class ConsolidationRunner {
  private set: MnistSet | null = null;
  private heldOut: ImageSet | null = null;
  private readonly tensors = new LabTensors();
  private episodes: ImageSet | null = null;
  private replayData: Float32Array | null = null;
  private disposed = false;
  private unsubBackend: (() => void) | null = null;
  /** The training loop now running, if any (a backend change waits for it to stop). */
  private training: Promise<void> | null = null;
  /** Set while the tensors are rebuilt: a training loop failing on the old backend is expected. */
  private rebuilding = false;
  private pauseRequested = false;
  private epochsDone = 0;

  constructor(readonly store: ConsolidationStore) {}

  async start(): Promise<void> {
    this.store.setState({ status: 'loading', loadError: null });
    try {
      const [load] = await Promise.all([loadMnist(), backendReady()]);
      if (this.disposed) return;
      this.set = load.set;
      this.makeHeldOut();
      const res = await fetch(new URL(PRETRAINED_FILE, document.baseURI).href);
      if (!res.ok)
        throw new Error(`the trained VAE (${PRETRAINED_FILE}) is missing (HTTP ${res.status})`);
      const doc = (await res.json()) as PretrainedDoc;
      if (this.disposed) return;
      const weights = vaeFromJson(doc.vae);
      this.replaceVae(loadVae(weights), weights);
      this.store.setState({
        status: 'ready',
        source: 'pretrained',
        vaeNote:
          `Trained by scripts/train-consolidation.ts with this page's code: ${doc.pipeline.episodes.toLocaleString('en')} episodes, ` +
          `${doc.pipeline.replays.toLocaleString('en')} replays, ${doc.pipeline.epochs} epochs, seed ${doc.pipeline.seed} (${doc.seconds} s in Node, WASM).`,
      });
      // A backend change (e.g. a lost GPU device) leaves the tensors behind: make them again.
      this.unsubBackend ??= onBackendSwitch((label) => void this.rebuild(label));
      await this.refresh();
    } catch (e) {
      if (!this.disposed) this.store.setState({ status: 'error', loadError: (e as Error).message });
    }
  }

  /**
   * Rebuilds the VAE (from its last copy: the shipped weights, or the last
   * completed epoch) and the hippocampus on the new backend. A live run in
   * progress stops there and waits for Play.
   */
  async rebuild(backendLabel: string): Promise<void> {
    this.rebuilding = true;
    this.pauseRequested = true;
    try {
      await this.training;
      // Storing or replaying: let it finish (or fail) on the old tensors first.
      while (this.store.getState().busy && !this.disposed)
        await new Promise((r) => setTimeout(r, 50));
      if (this.disposed) return;
      this.tensors.rebuild();
      const s = this.store.getState();
      const live = s.source === 'live';
      if (live) this.epochsDone = this.tensors.savedEpochs;
      const stopped = live && s.training !== 'idle';
      const more = this.epochsDone < s.epochs;
      this.store.setState({
        history: live ? s.history.slice(0, this.epochsDone) : s.history,
        training: stopped ? (more ? 'paused' : 'done') : s.training,
        progress: live ? this.epochsDone / s.epochs : s.progress,
      });
      const what = this.tensors.hippocampus ? 'the VAE and the hippocampus were' : 'the VAE was';
      const epoch = live ? ` (the VAE as it was after epoch ${this.epochsDone})` : '';
      const play = stopped && more ? ' Press Play to train on.' : '';
      say(
        this.store,
        'info',
        `The maths backend changed to ${backendLabel}: ${what} rebuilt on it${epoch}.${play}`,
      );
      await this.refresh();
    } finally {
      this.rebuilding = false;
    }
  }

  private makeHeldOut(): void {
    const s = this.store.getState();
    this.heldOut = gatherDigits(
      this.set!,
      heldOutIndices(this.set!.count, s.episodes, s.seed),
      'unit',
    );
  }

  /** Step 1: store the episodes in the hippocampus. */
  async encode(): Promise<void> {
    if (!this.set || this.busy()) return;
    this.store.setState({ busy: 'Storing episodes…' });
    try {
      const s = this.store.getState();
      const t0 = performance.now();
      const split = splitDigits(this.set.count, s.episodes, HELD_OUT, pipelineSeeds(s.seed).split);
      this.makeHeldOut();
      this.episodes = gatherDigits(this.set, split.episodes, 'bipolar');
      await this.tensors.store(this.episodes).norms.data();
      if (this.disposed) return;
      const d = this.episodes.d;
      const sample = Array.from({ length: 12 }, (_, i) =>
        this.episodes!.images.slice(i * d, (i + 1) * d),
      );
      this.replayData = null;
      this.store.setState({
        encoded: {
          count: this.episodes.n,
          ms: performance.now() - t0,
          sample,
          sampleLabels: Array.from(this.episodes.labels.subarray(0, 12)),
        },
        replay: null,
        partial: null,
      });
    } catch (e) {
      sayFailed(this.store, 'Storing', e, this.rebuilding);
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  /** Step 2: replay from noise cues; shows the first replays as they come out. */
  async replay(): Promise<void> {
    const memory = this.tensors.hippocampus;
    if (!memory || !this.episodes || this.busy()) return;
    this.store.setState({ busy: 'Replaying…' });
    try {
      const s = this.store.getState();
      const t0 = performance.now();
      const episodes = this.episodes;
      const r = await replay(memory, {
        count: s.replays,
        seed: pipelineSeeds(s.seed).cues,
        steps: CONSOLIDATION_DEFAULTS.replaySteps,
        batch: 200,
        onBatch: async (done, replays, episode) => {
          this.store.setState({ replay: replayView(episodes, done, replays, episode, t0) });
          await new Promise((res) => setTimeout(res, 0));
        },
      });
      if (this.disposed) return;
      this.replayData = unitFromBipolarRange(r.replays);
      const exact = r.maxDeviation.reduce((a, m) => a + (m < 0.05 ? 1 : 0), 0) / s.replays;
      this.store.setState((st) => ({
        replay: st.replay && { ...st.replay, exact, ms: performance.now() - t0 },
      }));
    } catch (e) {
      sayFailed(this.store, 'Replay', e, this.rebuilding);
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  /** Step 3: a fresh VAE trained on the replays only. */
  async trainFromScratch(): Promise<void> {
    if (!this.replayData || this.busy()) return;
    const s = this.store.getState();
    const c = CONSOLIDATION_DEFAULTS;
    this.replaceVae(
      createVae({
        inputSize: 784,
        hiddenSize: c.hiddenSize,
        latentSize: s.latentSize,
        seed: pipelineSeeds(s.seed).vae,
        learningRate: c.learningRate,
      }),
    );
    this.epochsDone = 0;
    await this.tensors.snapshot(0);
    this.store.setState({
      source: 'live',
      vaeNote: `Training live (${s.latentSize} latents) on ${(this.replayData.length / 784).toLocaleString('en')} replays (not the originals).`,
      history: [],
      progress: 0,
      trainSeconds: 0,
      samplesPerSecond: null,
      distortion: null,
      fewShot: null,
      imagination: null,
      interpolation: null,
      probe: null,
    });
    await this.refresh();
    await this.resume();
  }

  /** Play: trains the remaining epochs (an interrupted epoch starts afresh). */
  async resume(): Promise<void> {
    if (this.training) return;
    const run = this.trainLoop();
    this.training = run;
    try {
      await run;
    } finally {
      this.training = null;
    }
  }

  private async trainLoop(): Promise<void> {
    const vae = this.tensors.vae;
    const data = this.replayData;
    if (!vae || !data || this.busy()) return;
    const s = this.store.getState();
    const left = s.epochs - this.epochsDone;
    if (left <= 0 || s.source !== 'live') return;
    this.pauseRequested = false;
    this.store.setState({ training: 'running', busy: 'Training…' });
    // The replays made, not the setting: it may have changed since.
    const n = data.length / 784;
    const planned = n * s.epochs;
    let mark = performance.now();
    let seconds = s.trainSeconds;
    let inEpoch = 0;
    try {
      const result = await trainEpochs(vae, data, n, {
        epochs: left,
        batchSize: CONSOLIDATION_DEFAULTS.batchSize,
        seed: mixSeed(pipelineSeeds(s.seed).order, this.epochsDone),
        yieldEvery: 2,
        shouldStop: () => this.pauseRequested || this.disposed,
        onBatch: () => {
          inEpoch += CONSOLIDATION_DEFAULTS.batchSize;
          const now = performance.now();
          if (now - mark > 250) {
            seconds += (now - mark) / 1000;
            mark = now;
            const done = this.epochsDone * n + Math.min(inEpoch, n);
            this.store.setState({
              progress: done / planned,
              trainSeconds: seconds,
              samplesPerSecond: done / Math.max(seconds, 1e-3),
            });
          }
        },
        onEpoch: async (stats) => {
          seconds += (performance.now() - mark) / 1000;
          this.epochsDone++;
          inEpoch = 0;
          const ev = await evaluateVae(vae, this.heldOut!, LABELLED);
          await this.tensors.snapshot(this.epochsDone);
          this.store.setState((st) => ({
            history: [...st.history, { epoch: this.epochsDone, trainLoss: stats.loss, ...ev }],
            progress: (this.epochsDone * n) / planned,
            trainSeconds: seconds,
            samplesPerSecond: (this.epochsDone * n) / Math.max(seconds, 1e-3),
          }));
          await this.refreshMap(vae);
          mark = performance.now();
        },
      });
      if (this.disposed || this.rebuilding) return;
      await this.tensors.snapshot(this.epochsDone);
      this.store.setState({
        training: result.stopped ? 'paused' : 'done',
        vaeNote: result.stopped
          ? this.store.getState().vaeNote
          : `Trained live on ${n.toLocaleString('en')} replays for ${s.epochs} epoch${s.epochs === 1 ? '' : 's'} in ${seconds.toFixed(0)} s.`,
      });
    } catch (e) {
      // On a lost backend the loop fails; rebuild() takes over from the last copy.
      if (!this.disposed && !this.rebuilding) {
        say(this.store, 'error', `Training failed: ${(e as Error).message}`);
      }
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  pause(): void {
    this.pauseRequested = true;
  }

  /** Metrics and map of the VAE on screen. */
  private async refresh(): Promise<void> {
    const vae = this.tensors.vae;
    if (!vae || !this.heldOut) return;
    const ev = await evaluateVae(vae, this.heldOut, LABELLED);
    if (vae.disposed) return;
    this.store.setState({ metrics: ev });
    await this.refreshMap(vae);
  }

  /** The held-out latent means on the plane: directly (L = 2) or their PCA (L > 2). */
  private async refreshMap(vae: Vae): Promise<void> {
    const h = this.heldOut!;
    const { points, frame } = await latentMap(vae, h, this.store.getState().map?.pca);
    if (vae.disposed || this.disposed) return;
    const last = this.store.getState().history.at(-1);
    this.store.setState((s) => ({
      map: { points, labels: h.labels, ...frame },
      metrics: last ?? s.metrics,
    }));
  }

  /** Applies an exploration's result if its VAE is still the one on screen. */
  async show(f: (vae: Vae) => Promise<Patch>): Promise<void> {
    const vae = this.tensors.vae;
    if (!vae) return;
    const patch = await f(vae);
    if (!vae.disposed && !this.disposed) this.store.setState(patch);
  }

  /** What the explorations (./explorer) work on. */
  get current() {
    const { vae, hippocampus: memory } = this.tensors;
    return { vae, heldOut: this.heldOut, memory, episodes: this.episodes };
  }

  busy(): boolean {
    return this.store.getState().busy !== null;
  }

  private replaceVae(vae: Vae, weights: SerialisedVae | null = null): void {
    this.tensors.setVae(vae, weights);
    this.store.setState({
      partial: null,
      arithmetic: null,
      boundary: null,
      extended: null,
      extendedSweep: null,
    });
  }

  /** Leaving the lab: frees every tensor. */
  dispose(): void {
    this.disposed = true;
    this.pauseRequested = true;
    this.unsubBackend?.();
    this.tensors.dispose();
  }
}
