/**
 * The Consolidation lab's engine. It drives the pipeline's session
 * (src/models/consolidation/session.ts, the same one the CLI, the weight
 * script and the benchmark run) step by step, holds the tensors on screen
 * (./tensors: the hippocampus and the VAE, with typed copies to rebuild them
 * when the backend changes) and publishes what the visitor sees to the store.
 * Its parts, each in its own module: steps 1 and 2, storing and replaying
 * (./steps); the live VAE's training (./liveTraining), in a Web Worker
 * (./workerRun) or on the page (./pageTrain); what this browser kept, put
 * back as the lab opens (./restore); the tensors made again after a
 * backend change (./backendSwitch); the explorations' guard against a VAE
 * replaced under them (./onScreenVae).
 *
 * - The session on screen is made from the settings when the digits load
 *   and again at every "Store" (step 1); its held-out digits are the map's
 *   and the metrics'. A live VAE trains on the replays of the session it
 *   started from, so storing again does not pull them away from it.
 * - Never frozen: every step runs in chunks sized by the lab's pace
 *   (../../engine/pace: about 20 ms of work, then a yield to the page), so
 *   no task comes near 50 ms even on the WASM backend, which computes on
 *   the main thread; every pass over the held-out digits goes a block of
 *   rows at a time. The chunks never change the numbers.
 * - Nothing lost (./keep): the stored episodes, the finished replays and
 *   the visitor's own VAE (at every epoch's end) are kept in IndexedDB and
 *   restored when the lab opens again; ./work holds "Start over", export
 *   and import.
 *
 * Tensors: the stored episodes and the VAE are the only long-lived ones; a
 * new "Store", "Train from scratch" and dispose() free the old ones.
 * Everything is read back with await data().
 */
import type { Pace } from '../../core/pace';
// tfjs autodiff trains the VAE: its gradients are registered once, here (models/consolidation/vaeGradients).
import '../../models/consolidation/registerGradients';
import { loadDigitsAndBackend, onBackendSwitch } from '../../engine/digitsLab';
import { say } from '../../engine/messages';
import { pagePace } from '../../engine/pace';
import { watchFields } from '../../engine/watch';
import type { MnistSet } from '../../data/mnist';
import {
  PRETRAINED_FILE,
  type PretrainedDoc,
} from '../../models/consolidation/consolidationPretrained';
import {
  openConsolidationSession,
  type ConsolidationSession,
} from '../../models/consolidation/session';
import { type ConsolidationConfig } from '../../models/consolidation/sessionConfig';
import { loadVae, type Vae } from '../../models/consolidation/vae';
import { type SerialisedVae } from '../../models/consolidation/vaeParams';
import { vaeFromJson } from '../../models/consolidation/vaeParams';
import type { Patch } from './explore';
import { browserTrainWorker, type TrainWorkerLike } from './trainClient';
import type { LabKeep } from './keep';
import type { EpisodesKey, KeptWork } from './keepRecords';
import { WorkKeeper, modelRecord } from './keeping';
import { PAGE } from './params';
import type { ConsolidationState, ConsolidationStore } from './store';
import { LabTensors } from './tensors';
import { onScreenVae } from './onScreenVae';
import { LiveTraining, type LiveTrainingHost } from './liveTraining';
import { restoreWork } from './restore';
import { startOverWork } from './startOver';
import { rebuildOnBackend } from './backendSwitch';
import { encodeStep, replayKey, replayStep, type StepsHost } from './steps';
import { latentMap } from './views';
import { restoredLine, shippedNote } from './work';

/** The explorations' results cleared when another VAE goes on screen. */
const NO_EXPLORATIONS = {
  distortion: null,
  fewShot: null,
  imagination: null,
  interpolation: null,
  probe: null,
} as const;

export interface RunnerOptions {
  /** Where the visitor's work is kept (default: this browser's IndexedDB). */
  keep?: LabKeep;
  /** How the steps share the thread (default: the page's pace). */
  pace?: Pace;
  /**
   * Makes the worker the live VAE trains in (default: ./trainWorker; null
   * where there are no workers, and then it trains on the page in chunks).
   */
  trainWorker?: () => TrainWorkerLike | null;
}

export class ConsolidationRunner {
  private set: MnistSet | null = null;
  /** The session on screen: its held-out digits, and its episodes once `encoded`. */
  private session: ConsolidationSession | null = null;
  private encoded = false;
  private readonly tensors = new LabTensors();
  /** The live VAE's training: its session, its cursor or worker, the loop now running. */
  private readonly live: LiveTraining;
  /** The shipped VAE, to go back to when the visitor starts over. */
  private shipped: { weights: SerialisedVae; note: string } | null = null;
  private disposed = false;
  private unsubBackend: (() => void) | null = null;
  private readonly unwatch: () => void;
  /** Set while the tensors are rebuilt: a training loop failing on the old backend is expected. */
  private rebuilding = false;
  /** Writes of the visitor's work to this browser (./keeping). */
  private readonly keeper: WorkKeeper;
  readonly pace: Pace;

  constructor(
    readonly store: ConsolidationStore,
    options: RunnerOptions = {},
  ) {
    this.pace = options.pace ?? pagePace();
    this.keeper = new WorkKeeper(store, options.keep, () => this.pace.pause());
    const host: LiveTrainingHost = {
      store,
      pace: this.pace,
      tensors: this.tensors,
      left: () => this.disposed,
      rebuilding: () => this.rebuilding,
      screenSession: () => this.session,
      busy: () => this.busy(),
      keepModel: () => this.keepModel(),
      refreshMap: (vae) => this.refreshMap(vae),
    };
    this.live = new LiveTraining(host, options.trainWorker ?? browserTrainWorker);
    this.unwatch = watchFields(store, ['epochs'], () => this.live.replan());
  }

  /** The pipeline's settings for `key` (the page's preset, the store's VAE settings). */
  private configFor(key: EpisodesKey & { replays?: number }): ConsolidationConfig {
    const { replays, latentSize, epochs } = this.store.getState();
    return { ...PAGE, replays, latentSize, epochs, ...key };
  }

  /** The session for the settings now in the store (no tensors yet), gathered in chunks. */
  private openSession(key: EpisodesKey & { replays?: number }): Promise<ConsolidationSession> {
    return openConsolidationSession(this.set!, this.configFor(key), this.pace);
  }

  async start(): Promise<void> {
    const load = await loadDigitsAndBackend(this.store, () => this.disposed);
    if (!load) return;
    try {
      this.set = load.set;
      const res = await fetch(new URL(PRETRAINED_FILE, document.baseURI).href);
      if (!res.ok)
        throw new Error(`the trained VAE (${PRETRAINED_FILE}) is missing (HTTP ${res.status})`);
      const doc = (await res.json()) as PretrainedDoc;
      if (this.disposed) return;
      const weights = vaeFromJson(doc.vae);
      this.shipped = { weights, note: shippedNote(doc) };
      const work = await this.keeper.keep.load();
      if (this.disposed) return;
      for (const p of work.problems) say(this.store, 'warn', p, 'keep');
      const restored = await this.restore(work);
      if (this.disposed) return;
      if (!restored.model) this.showShipped();
      this.keeper.publish();
      this.store.setState({ status: 'ready' });
      const line = restoredLine(this.keeper.now);
      if (line) say(this.store, 'info', line, 'keep');
      // A backend change (e.g. a lost GPU device) leaves the tensors behind: make them again.
      this.unsubBackend ??= onBackendSwitch((_, label) => void this.rebuild(label));
      await this.refresh();
    } catch (e) {
      if (!this.disposed) this.store.setState({ status: 'error', loadError: (e as Error).message });
    }
  }

  /** The shipped VAE on screen, as the lab opens, after "Start over" and in a lesson (./lesson). */
  showShipped(): void {
    const { weights, note } = this.shipped!;
    this.replaceVae(loadVae(weights), weights);
    this.live.session = null;
    this.store.setState({ source: 'pretrained', vaeNote: note, training: 'idle', history: [] });
  }

  private restore(work: KeptWork): Promise<{ model: boolean }> {
    return restoreWork(
      {
        ...this.stepsHost,
        adopt: (session, encoded) => {
          this.session = session;
          this.encoded = encoded;
        },
        replaceVae: (vae, weights, epochs) => this.replaceVae(vae, weights, epochs),
        setTraining: (session, trainer) => {
          this.live.session = session;
          this.live.trainer = trainer;
        },
      },
      work,
    );
  }

  /** A backend change: the tensors made again on the new backend (./backendSwitch). */
  async rebuild(backendLabel: string): Promise<void> {
    this.rebuilding = true;
    try {
      const { store, tensors, live } = this;
      const host = {
        store,
        tensors,
        live,
        left: () => this.disposed,
        refresh: () => this.refresh(),
      };
      await rebuildOnBackend(host, backendLabel);
    } finally {
      this.rebuilding = false;
    }
  }

  /** What steps 1 and 2 (./steps) and restoring (./restore) need from the runner. */
  private get stepsHost(): StepsHost {
    return {
      store: this.store,
      pace: this.pace,
      tensors: this.tensors,
      keeper: this.keeper,
      left: () => this.disposed,
      rebuilding: () => this.rebuilding,
      openSession: (key) => this.openSession(key),
      adopt: (session) => {
        this.session = session;
        this.encoded = true;
      },
      refresh: () => this.refresh(),
    };
  }

  /** Step 1: a session from the settings, its episodes stored in the hippocampus. */
  async encode(): Promise<void> {
    if (!this.set || this.busy()) return;
    await encodeStep(this.stepsHost, this.session);
  }

  /** Step 2: replay from noise cues; shows the first replays as they come out. */
  async replay(): Promise<void> {
    const memory = this.tensors.hippocampus;
    const session = this.session;
    if (!memory || !session || !this.encoded || this.busy()) return;
    await replayStep(this.stepsHost, session, memory);
  }

  /** Step 3: a fresh VAE trained on the replays only. */
  async trainFromScratch(): Promise<void> {
    const session = this.session;
    if (!session?.replayed || this.busy()) return;
    this.store.setState({ busy: 'Training…' });
    await this.pace.pause(); // the click's own task ends here
    this.store.setState({ busy: null });
    if (this.disposed || this.session !== session) return;
    const s = this.store.getState();
    const vae = session.createVae(s.latentSize);
    this.replaceVae(vae);
    this.live.session = session;
    const trainer = (this.live.trainer = session.trainer(vae));
    await this.tensors.snapshot(0);
    this.store.setState({
      source: 'live',
      vaeNote: `Training live (${s.latentSize} latents) on ${trainer.n.toLocaleString('en')} replays (not the originals).`,
      history: [],
      progress: 0,
      trainSeconds: 0,
      samplesPerSecond: null,
      ...NO_EXPLORATIONS,
    });
    this.keepModel();
    await this.refresh();
    await this.resume();
  }

  /** Play: trains on from the next minibatch to the epochs set (./liveTraining). */
  resume(): Promise<void> {
    return this.live.resume();
  }

  pause(): void {
    this.live.pauseRequested = true;
  }

  /** Waits until no training loop runs (after pause(), or at once if none does). */
  stopTraining(): Promise<void> {
    return this.live.stop();
  }

  /** Metrics and map of the VAE on screen. */
  async refresh(): Promise<void> {
    const vae = this.tensors.vae;
    if (!vae || !this.session) return;
    const ev = await this.session.evaluate(vae, this.pace);
    if (vae.disposed) return;
    this.store.setState({ metrics: ev });
    await this.refreshMap(vae);
  }

  /** The held-out latent means on the plane: directly (L = 2) or their PCA (L > 2). */
  private async refreshMap(vae: Vae): Promise<void> {
    const h = this.session!.heldOut;
    const { points, frame } = await latentMap(vae, h, this.store.getState().map?.pca, this.pace);
    if (vae.disposed || this.disposed) return;
    const last = this.store.getState().history.at(-1);
    this.store.setState((s) => ({
      map: { points, labels: h.labels, ...frame },
      metrics: last ?? s.metrics,
    }));
  }

  /**
   * Applies an exploration's result if its VAE is still the one on screen;
   * one whose VAE was replaced under it is done again on the new one
   * (./onScreenVae).
   */
  async show(f: (vae: Vae) => Promise<Patch>): Promise<void> {
    const done = await onScreenVae(() => this.tensors.vae, f);
    if (done && !done.vae.disposed && !this.disposed) this.store.setState(done.result);
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

  /** What ./work reads and changes: the VAE on screen and its copy, the epochs it has done. */
  get onScreen() {
    return {
      vae: this.tensors.vae,
      copy: this.tensors.copy,
      epochs: this.tensors.savedEpochs,
      digits: this.set,
    };
  }

  busy(): boolean {
    return this.store.getState().busy !== null;
  }

  /** A VAE from elsewhere (the shipped one, a file) on screen: it does not train here. */
  showVae(vae: Vae, weights: SerialisedVae, patch: Partial<ConsolidationState>): void {
    this.replaceVae(vae, weights);
    this.live.session = null;
    this.store.setState({
      training: 'idle',
      progress: 0,
      trainSeconds: 0,
      samplesPerSecond: null,
      ...NO_EXPLORATIONS,
      ...patch,
    });
  }

  /**
   * Start over, after the visitor confirmed: the training stops, everything
   * kept is deleted, and the lab is as it opens: no stored episodes, no
   * replays, the shipped VAE. The settings (in the link) stay.
   */
  async startOver(): Promise<void> {
    await this.stopTraining();
    if (!this.set || !this.shipped || this.busy() || this.disposed) return;
    await startOverWork({
      store: this.store,
      keeper: this.keeper,
      left: () => this.disposed,
      forgetEpisodes: () => {
        this.tensors.forgetEpisodes();
        this.encoded = false;
      },
      openSession: (key) => this.openSession(key),
      adopt: (session) => (this.session = session),
      showShipped: () => this.showShipped(),
      refresh: () => this.refresh(),
    });
  }

  /** The VAE on screen, when it is the visitor's, into the keep (its copy as of savedEpochs). */
  keepModel(): void {
    const train = this.live.session;
    const s = this.store.getState();
    const trainedOn = train ? replayKey(train) : null;
    const { copy, savedEpochs } = this.tensors;
    this.keeper.model(modelRecord(s, copy, savedEpochs, trainedOn, this.live.cursor?.n ?? null));
  }

  private replaceVae(vae: Vae, weights: SerialisedVae | null = null, epochs = 0): void {
    this.tensors.setVae(vae, weights, epochs);
    this.live.forget();
    this.store.setState({
      partial: null,
      arithmetic: null,
      boundary: null,
      extended: null,
      extendedSweep: null,
    });
  }

  /** Leaving the lab: frees every tensor and stops watching (what is kept stays kept). */
  dispose(): void {
    this.disposed = true;
    this.live.pauseRequested = true;
    this.unwatch();
    this.unsubBackend?.();
    this.keeper.stop();
    this.live.dropRemote();
    this.tensors.dispose();
  }
}
