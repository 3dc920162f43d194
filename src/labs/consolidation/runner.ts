/**
 * The Consolidation lab's engine. It drives the pipeline's session
 * (src/models/consolidation/session.ts, the same one the CLI, the weight
 * script and the benchmark run) step by step, holds the tensors on screen
 * (./tensors: the hippocampus and the VAE, with typed copies to rebuild them
 * when the backend changes) and publishes what the visitor sees to the store.
 *
 * - The session on screen is made from the settings when the digits load
 *   and again at every "Store" (step 1); its held-out digits are the map's
 *   and the metrics'. A live VAE trains on the replays of the session it
 *   started from, so storing again does not pull them away from it.
 * - Replay and training run in chunks (REPLAY_BATCH cues, TRAIN_CHUNK
 *   minibatches) with a yield to the page after each, so it stays
 *   responsive; Pause stops between chunks and Play goes on from the next
 *   minibatch, which gives the same VAE as an uninterrupted run.
 * - It keeps itself in step: it watches `epochs`, so a paused or finished
 *   live run re-plans when the visitor changes the number of epochs.
 *
 * Tensors: the stored episodes and the VAE are the only long-lived ones; a
 * new "Store", "Train from scratch" and dispose() free the old ones.
 * Everything is read back with await data().
 */
import { loadDigitsAndBackend, onBackendSwitch } from '../../engine/digitsLab';
import { say } from '../../engine/messages';
import { watchFields } from '../../engine/watch';
import type { MnistSet } from '../../data/mnist';
import { REPLAY_BATCH } from '../../models/consolidation/consolidation';
import {
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../../models/consolidation/consolidationPretrained';
import {
  TRAIN_CHUNK,
  createConsolidationSession,
  epochRecord,
  type ConsolidationSession,
} from '../../models/consolidation/session';
import { loadVae, type SerialisedVae, type Vae } from '../../models/consolidation/vae';
import { vaeFromJson } from '../../models/consolidation/vaeParams';
import type { MinibatchTrainer } from '../../models/consolidation/vaeTrain';
import { LabTensors } from './tensors';
import type { Patch } from './explore';
import { PAGE } from './params';
import { sayFailed, type ConsolidationState, type ConsolidationStore } from './store';
import { latentMap, replayView } from './views';

const yieldToPage = () => new Promise((r) => setTimeout(r, 0));

const sameIndices = (a: Int32Array, b: Int32Array | undefined) =>
  b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

export class ConsolidationRunner {
  private set: MnistSet | null = null;
  /** The session on screen: its held-out digits, and its episodes once `encoded`. */
  private session: ConsolidationSession | null = null;
  private encoded = false;
  private readonly tensors = new LabTensors();
  /** The live VAE's training cursor over its session's replays. */
  private trainer: MinibatchTrainer | null = null;
  /** The session whose replays the live VAE trains on. */
  private trainSession: ConsolidationSession | null = null;
  private disposed = false;
  private unsubBackend: (() => void) | null = null;
  private readonly unwatch: () => void;
  /** The training loop now running, if any (a backend change waits for it to stop). */
  private training: Promise<void> | null = null;
  /** Set while the tensors are rebuilt: a training loop failing on the old backend is expected. */
  private rebuilding = false;
  private pauseRequested = false;

  constructor(readonly store: ConsolidationStore) {
    this.unwatch = watchFields(store, ['epochs'], () => this.replan());
  }

  /** The session for the settings now in the store (no tensors yet). */
  private sessionFor(s: ConsolidationState): ConsolidationSession {
    const { episodes, replays, latentSize, epochs, seed } = s;
    return createConsolidationSession(this.set!, {
      ...PAGE,
      episodes,
      replays,
      latentSize,
      epochs,
      seed,
    });
  }

  async start(): Promise<void> {
    const load = await loadDigitsAndBackend(this.store, () => this.disposed);
    if (!load) return;
    try {
      this.set = load.set;
      this.session = this.sessionFor(this.store.getState());
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
      this.unsubBackend ??= onBackendSwitch((_, label) => void this.rebuild(label));
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
      const vae = this.tensors.vae;
      const epochsDone = live ? this.tensors.savedEpochs : 0;
      if (live)
        this.trainer = vae && this.trainSession ? this.trainSession.trainer(vae, epochsDone) : null;
      const stopped = live && s.training !== 'idle';
      const more = epochsDone < s.epochs;
      this.store.setState({
        history: live ? s.history.slice(0, epochsDone) : s.history,
        training: stopped ? (more ? 'paused' : 'done') : s.training,
        progress: live ? epochsDone / s.epochs : s.progress,
      });
      const what = this.tensors.hippocampus ? 'the VAE and the hippocampus were' : 'the VAE was';
      const epoch = live ? ` (the VAE as it was after epoch ${epochsDone})` : '';
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

  /** Step 1: a session from the settings, its episodes stored in the hippocampus. */
  async encode(): Promise<void> {
    if (!this.set || this.busy()) return;
    this.store.setState({ busy: 'Storing episodes…' });
    try {
      const t0 = performance.now();
      const session = this.sessionFor(this.store.getState());
      const newHeldOut = !sameIndices(session.split.heldOut, this.session?.split.heldOut);
      await this.tensors.store(session.episodes).norms.data();
      if (this.disposed) return;
      this.session = session;
      this.encoded = true;
      const { d, images, labels } = session.episodes;
      const sample = Array.from({ length: 12 }, (_, i) => images.slice(i * d, (i + 1) * d));
      this.store.setState({
        encoded: {
          count: session.episodes.n,
          ms: performance.now() - t0,
          sample,
          sampleLabels: Array.from(labels.subarray(0, 12)),
        },
        replay: null,
        partial: null,
      });
      // Another seed or more episodes: other held-out digits, so the map and metrics follow.
      if (newHeldOut) await this.refresh();
    } catch (e) {
      sayFailed(this.store, 'Storing', e, 'encode', this.rebuilding);
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  /** Step 2: replay from noise cues; shows the first replays as they come out. */
  async replay(): Promise<void> {
    const memory = this.tensors.hippocampus;
    const session = this.session;
    if (!memory || !session || !this.encoded || this.busy()) return;
    this.store.setState({ busy: 'Replaying…' });
    try {
      const t0 = performance.now();
      session.startReplay(this.store.getState().replays);
      let p = await session.replay(memory, REPLAY_BATCH);
      for (;;) {
        this.store.setState({
          replay: replayView(session.episodes, p.done, p.replays, p.episode, t0),
        });
        await yieldToPage();
        if (p.result || this.disposed) break;
        p = await session.replay(memory, REPLAY_BATCH);
      }
      if (this.disposed || !p.result) return;
      const exact = p.result.exact;
      this.store.setState((st) => ({
        replay: st.replay && { ...st.replay, exact, ms: performance.now() - t0 },
      }));
    } catch (e) {
      sayFailed(this.store, 'Replay', e, 'replay', this.rebuilding);
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  /** Step 3: a fresh VAE trained on the replays only. */
  async trainFromScratch(): Promise<void> {
    const session = this.session;
    if (!session?.replayed || this.busy()) return;
    const s = this.store.getState();
    const vae = session.createVae(s.latentSize);
    this.replaceVae(vae);
    this.trainSession = session;
    this.trainer = session.trainer(vae);
    await this.tensors.snapshot(0);
    this.store.setState({
      source: 'live',
      vaeNote: `Training live (${s.latentSize} latents) on ${this.trainer.n.toLocaleString('en')} replays (not the originals).`,
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

  /** Play: trains on from the next minibatch to the epochs set. */
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
    const trainer = this.trainer;
    const session = this.session;
    if (!vae || !trainer || trainer.vae !== vae || !session || this.busy()) return;
    const s = this.store.getState();
    if (s.source !== 'live' || trainer.epochsDone >= s.epochs) return;
    this.pauseRequested = false;
    this.store.setState({ training: 'running', busy: 'Training…' });
    const n = trainer.n;
    const epochs = () => this.store.getState().epochs;
    let mark = performance.now();
    let seconds = s.trainSeconds;
    const pace = () => {
      const done = trainer.epochsDone * n + trainer.position;
      return {
        progress: done / (n * epochs()),
        trainSeconds: seconds,
        samplesPerSecond: done / Math.max(seconds, 1e-3),
      };
    };
    try {
      while (trainer.epochsDone < epochs() && !this.pauseRequested && !this.disposed) {
        const stats = await trainer.train(TRAIN_CHUNK);
        await yieldToPage();
        const now = performance.now();
        if (stats) {
          seconds += (now - mark) / 1000;
          const ev = await session.evaluate(vae);
          await this.tensors.snapshot(trainer.epochsDone);
          this.store.setState((st) => ({
            history: [...st.history, epochRecord(stats, ev)],
            ...pace(),
          }));
          await this.refreshMap(vae);
          mark = performance.now();
        } else if (now - mark > 250) {
          seconds += (now - mark) / 1000;
          mark = now;
          this.store.setState(pace());
        }
        if (vae.disposed) break;
      }
      if (this.disposed || this.rebuilding) return;
      const finished = trainer.epochsDone >= epochs();
      const e = epochs();
      this.store.setState((st) => ({
        training: finished ? 'done' : 'paused',
        vaeNote: finished
          ? `Trained live on ${n.toLocaleString('en')} replays for ${e} epoch${e === 1 ? '' : 's'} in ${seconds.toFixed(0)} s.`
          : st.vaeNote,
      }));
    } catch (e) {
      // On a lost backend the loop fails; rebuild() takes over from the last copy.
      if (!this.disposed && !this.rebuilding) sayFailed(this.store, 'Training', e, 'train');
    } finally {
      if (!this.disposed) this.store.setState({ busy: null });
    }
  }

  pause(): void {
    this.pauseRequested = true;
  }

  /** A new number of epochs while a live run waits: paused with epochs to go, or done. */
  private replan(): void {
    const s = this.store.getState();
    const trainer = this.trainer;
    if (s.source !== 'live' || !trainer || s.training === 'running' || s.training === 'idle') {
      return;
    }
    const done = trainer.epochsDone * trainer.n + trainer.position;
    this.store.setState({
      training: trainer.epochsDone < s.epochs ? 'paused' : 'done',
      progress: Math.min(1, done / (trainer.n * s.epochs)),
    });
  }

  /** Metrics and map of the VAE on screen. */
  private async refresh(): Promise<void> {
    const vae = this.tensors.vae;
    if (!vae || !this.session) return;
    const ev = await this.session.evaluate(vae);
    if (vae.disposed) return;
    this.store.setState({ metrics: ev });
    await this.refreshMap(vae);
  }

  /** The held-out latent means on the plane: directly (L = 2) or their PCA (L > 2). */
  private async refreshMap(vae: Vae): Promise<void> {
    const h = this.session!.heldOut;
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

  /** What the explorations (./explorer) work on: the VAE on screen, the held-out digits, step 1's episodes. */
  get current() {
    const { vae, hippocampus } = this.tensors;
    const session = this.session;
    return {
      vae,
      heldOut: session?.heldOut ?? null,
      memory: this.encoded ? hippocampus : null,
      episodes: this.encoded && session ? session.episodes : null,
    };
  }

  busy(): boolean {
    return this.store.getState().busy !== null;
  }

  private replaceVae(vae: Vae, weights: SerialisedVae | null = null): void {
    this.tensors.setVae(vae, weights);
    this.trainer = null;
    this.store.setState({
      partial: null,
      arithmetic: null,
      boundary: null,
      extended: null,
      extendedSweep: null,
    });
  }

  /** Leaving the lab: frees every tensor and stops watching. */
  dispose(): void {
    this.disposed = true;
    this.pauseRequested = true;
    this.unwatch();
    this.unsubBackend?.();
    this.tensors.dispose();
  }
}
