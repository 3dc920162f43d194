/**
 * The Consolidation lab's engine. Owns the digits, the hippocampus (stored
 * episodes as tensors), the replays and the VAE on screen, and publishes
 * what the visitor sees to the store. The maths is src/models/consolidation
 * (the same pipeline as the CLI and the weight script).
 *
 * Tensors: the stored episodes and the VAE are the only long-lived ones;
 * a new encode, "Train from scratch" and dispose() free the old ones.
 * Training runs in chunks (trainEpochs yields every few batches), so the
 * page stays responsive; everything is read back with await data().
 */
import { backendReady } from '../../app/backendStore';
import { loadMnist, type MnistSet } from '../../data/mnist';
import {
  encodeEpisodes,
  evaluateVae,
  expectedCoverage,
  gatherDigits,
  pipelineSeeds,
  replay,
  splitDigits,
  CONSOLIDATION_DEFAULTS,
  type ImageSet,
} from '../../models/consolidation';
import {
  PRETRAINED_CONFIG,
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../../models/consolidationPretrained';
import { disposePatterns, type StoredPatterns } from '../../models/modernHopfield';
import {
  createVae,
  loadVae,
  mixSeed,
  trainEpochs,
  unitFromBipolarRange,
  type Vae,
} from '../../models/vae';
import { vaeFromJson } from '../../models/vaeParams';
import { pca } from '../../models/pca';
import type { Patch } from './explore';
import { say, type ConsolidationStore, type MapFrame } from './store';

/** Held-out digits on the map and in the metrics (never stored). */
export const HELD_OUT = 1000;
/** Of those, labelled for the decoding read-out. */
export const LABELLED = 300;
/** Replays shown as pictures. */
export const SHOWN = 24;

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
  private memory: StoredPatterns | null = null;
  private episodes: ImageSet | null = null;
  private replayData: Float32Array | null = null;
  private vae: Vae | null = null;
  private disposed = false;
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
      this.replaceVae(loadVae(vaeFromJson(doc.vae)));
      this.store.setState({
        status: 'ready',
        source: 'pretrained',
        vaeNote:
          `Trained by scripts/train-consolidation.ts with this page's code: ${doc.pipeline.episodes.toLocaleString('en')} episodes, ` +
          `${doc.pipeline.replays.toLocaleString('en')} replays, ${doc.pipeline.epochs} epochs, seed ${doc.pipeline.seed} (${doc.seconds} s in Node, WASM).`,
      });
      await this.refresh();
    } catch (e) {
      if (!this.disposed) this.store.setState({ status: 'error', loadError: (e as Error).message });
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
      this.heldOut = gatherDigits(
        this.set,
        heldOutIndices(this.set.count, s.episodes, s.seed),
        'unit',
      );
      this.episodes = gatherDigits(this.set, split.episodes, 'bipolar');
      if (this.memory) disposePatterns(this.memory);
      this.memory = encodeEpisodes(this.episodes);
      await this.memory.norms.data();
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
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  /** Step 2: replay from noise cues; shows the first replays as they come out. */
  async replay(): Promise<void> {
    if (!this.memory || !this.episodes || this.busy()) return;
    this.store.setState({ busy: 'Replaying…' });
    try {
      const s = this.store.getState();
      const t0 = performance.now();
      const episodes = this.episodes;
      const d = episodes.d;
      const r = await replay(this.memory, {
        count: s.replays,
        seed: pipelineSeeds(s.seed).cues,
        steps: CONSOLIDATION_DEFAULTS.replaySteps,
        batch: 200,
        onBatch: async (done, replays, episode) => {
          const seen = new Set(episode.subarray(0, done));
          const shown = Math.min(SHOWN, done);
          this.store.setState({
            replay: {
              images: Array.from({ length: shown }, (_, i) => replays.slice(i * d, (i + 1) * d)),
              episodes: Array.from(episode.subarray(0, shown)),
              labels: Array.from(episode.subarray(0, shown), (e) => episodes.labels[e]),
              count: done,
              distinct: seen.size,
              coverage: seen.size / episodes.n,
              expectedCoverage: expectedCoverage(episodes.n, done),
              exact: NaN,
              ms: performance.now() - t0,
            },
          });
          await new Promise((res) => setTimeout(res, 0));
        },
      });
      if (this.disposed) return;
      this.replayData = unitFromBipolarRange(r.replays);
      const exact = r.maxDeviation.reduce((a, m) => a + (m < 0.05 ? 1 : 0), 0) / s.replays;
      this.store.setState((st) => ({
        replay: st.replay && { ...st.replay, exact, ms: performance.now() - t0 },
      }));
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
    const vae = this.vae;
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
      if (this.disposed) return;
      this.store.setState({
        training: result.stopped ? 'paused' : 'done',
        vaeNote: result.stopped
          ? this.store.getState().vaeNote
          : `Trained live on ${n.toLocaleString('en')} replays for ${s.epochs} epoch${s.epochs === 1 ? '' : 's'} in ${seconds.toFixed(0)} s.`,
      });
    } catch (e) {
      if (!this.disposed) say(this.store, 'error', `Training failed: ${(e as Error).message}`);
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  pause(): void {
    this.pauseRequested = true;
  }

  /** Metrics and map of the VAE on screen. */
  private async refresh(): Promise<void> {
    const vae = this.vae;
    if (!vae || !this.heldOut) return;
    const ev = await evaluateVae(vae, this.heldOut, LABELLED);
    if (vae.disposed) return;
    this.store.setState({ metrics: ev });
    await this.refreshMap(vae);
  }

  /** The held-out latent means on the plane: directly (L = 2) or their PCA (L > 2). */
  private async refreshMap(vae: Vae): Promise<void> {
    const h = this.heldOut!;
    const l = vae.config.latentSize;
    const means = await vae.encodeMeans(h.images, h.n);
    if (vae.disposed || this.disposed) return;
    const prev = this.store.getState().map?.pca;
    let frame: MapFrame = { latentSize: l, pca: null };
    let points = means;
    if (l > 2) {
      // Signs aligned with the last frame, so the map does not flip between epochs.
      const reference = prev?.components.length === 2 * l ? prev.components : undefined;
      const p = pca(means, h.n, l, { k: 2, reference });
      const [v1, v2] = p.explainedVarianceRatio;
      frame = {
        latentSize: l,
        pca: { mean: p.mean, components: p.components, explained: [v1, v2] },
      };
      points = p.projections;
    }
    const last = this.store.getState().history.at(-1);
    this.store.setState((s) => ({
      map: { points, labels: h.labels, ...frame },
      metrics: last ?? s.metrics,
    }));
  }

  /** Applies an exploration's result if its VAE is still the one on screen. */
  async show(f: (vae: Vae) => Promise<Patch>): Promise<void> {
    const vae = this.vae;
    if (!vae) return;
    const patch = await f(vae);
    if (!vae.disposed && !this.disposed) this.store.setState(patch);
  }

  /** What the explorations (./explorer) work on. */
  get current() {
    return { vae: this.vae, heldOut: this.heldOut, memory: this.memory, episodes: this.episodes };
  }

  busy(): boolean {
    return this.store.getState().busy !== null;
  }

  private replaceVae(vae: Vae): void {
    this.vae?.dispose();
    this.vae = vae;
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
    this.vae?.dispose();
    this.vae = null;
    if (this.memory) disposePatterns(this.memory);
    this.memory = null;
  }
}
