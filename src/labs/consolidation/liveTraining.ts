/**
 * The live VAE's training as the Consolidation runner (./runner) holds it:
 * the session whose replays it trains on, its cursor there (on the page,
 * ./pageTrain) or its worker (./trainClient, ./workerRun), and the loop now
 * running. Play trains on from the next minibatch to the epochs set; Pause
 * stops it between chunks (or before the worker's next minibatch). The
 * worker is started from the VAE's copy (the weights as of savedEpochs)
 * when the page's cursor stands at that copy; where there are no workers,
 * or after the worker failed, the page trains in chunks. The worker
 * (./trainWorker, WASM) is there because a minibatch of the 784-512-256-L
 * VAE is about 42 ms on WASM, too close to 50 ms for a chunk; the same seed
 * gives the same VAE in it as on the page (./trainJob.test). It keeps
 * itself in step: the runner calls replan() when `epochs` changes, so a
 * paused or finished live run re-plans.
 */
import type { Pace } from '../../core/pace';
import type { ConsolidationSession } from '../../models/consolidation/session';
import { loadVae, type Vae } from '../../models/consolidation/vae';
import type { MinibatchTrainer } from '../../models/consolidation/vaeTrain';
import { trainOnPage, type PageTrainHost } from './pageTrain';
import { sayFailed, type ConsolidationStore } from './store';
import type { LabTensors } from './tensors';
import { startWorkerTraining, type TrainWorkerLike, type WorkerTrainer } from './trainClient';
import { runInWorker, type WorkerRunHost } from './workerRun';

/** What the live training needs from the lab's runner. */
export interface LiveTrainingHost {
  readonly store: ConsolidationStore;
  readonly pace: Pace;
  readonly tensors: LabTensors;
  /** True once the visitor left the lab. */
  left(): boolean;
  /** True while the tensors are rebuilt on a new backend (a failing loop then is expected). */
  rebuilding(): boolean;
  /** The session on screen (its held-out digits measure the VAE). */
  screenSession(): ConsolidationSession | null;
  busy(): boolean;
  keepModel(): void;
  refreshMap(vae: Vae): Promise<void>;
}

export class LiveTraining {
  /** The session whose replays the live VAE trains on. */
  session: ConsolidationSession | null = null;
  /** The live VAE's training cursor over its session's replays. */
  trainer: MinibatchTrainer | null = null;
  /** The live VAE's training in a worker (./trainClient); it replaces `trainer` once started. */
  private remote: WorkerTrainer | null = null;
  /** Set when the worker failed: the live VAE trains on the page from then on. */
  private workerFailed = false;
  /** The training loop now running, if any (a backend change waits for it to stop). */
  running: Promise<void> | null = null;
  pauseRequested = false;

  constructor(
    private readonly host: LiveTrainingHost,
    private readonly makeWorker: () => TrainWorkerLike | null,
  ) {}

  /** Where the live VAE's training stands: the worker's cursor, or the page's. */
  get cursor(): { n: number; epochsDone: number; position: number } | null {
    return this.remote ?? this.trainer;
  }

  /** A cursor for `vae` on the training session, from `epochs` completed epochs (null without one). */
  restartAt(vae: Vae | null, epochs: number): void {
    this.trainer = vae && this.session ? this.session.trainer(vae, epochs) : null;
  }

  /** Drops the cursor and the worker (a new VAE goes on screen). */
  forget(): void {
    this.trainer = null;
    this.dropRemote();
  }

  dropRemote(): void {
    this.remote?.dispose();
    this.remote = null;
  }

  /** Play: trains on from the next minibatch to the epochs set. */
  async resume(): Promise<void> {
    if (this.running) return;
    const run = this.loop();
    this.running = run;
    try {
      await run;
    } finally {
      this.running = null;
    }
  }

  /** Waits until no training loop runs (after a pause, or at once if none does). */
  async stop(): Promise<void> {
    this.pauseRequested = true;
    await this.running;
  }

  /** A new number of epochs while a live run waits: paused with epochs to go, or done. */
  replan(): void {
    const { store } = this.host;
    const s = store.getState();
    const trainer = this.cursor;
    if (s.source !== 'live' || !trainer || s.training === 'running' || s.training === 'idle') {
      return;
    }
    const done = trainer.epochsDone * trainer.n + trainer.position;
    store.setState({
      training: trainer.epochsDone < s.epochs ? 'paused' : 'done',
      progress: Math.min(1, done / (trainer.n * s.epochs)),
    });
  }

  /**
   * The worker for the live VAE, started from its copy (the weights as of
   * savedEpochs), when the page's cursor stands at that copy; null where
   * there are no workers (the page trains in chunks then).
   */
  private startRemote(): WorkerTrainer | null {
    const { copy, savedEpochs, vae } = this.host.tensors;
    const t = this.trainer;
    const atCopy = t ? t.vae === vae && t.position === 0 && t.epochsDone === savedEpochs : true;
    if (this.workerFailed || !copy || !this.session || !atCopy) return null;
    const remote = startWorkerTraining(
      copy,
      this.session.trainingSpec(savedEpochs),
      this.makeWorker,
    );
    if (remote) {
      this.remote = remote;
      this.trainer = null;
    }
    return remote;
  }

  /** What a live run (./pageTrain, ./workerRun) needs. */
  private get runHost(): PageTrainHost {
    const h = this.host;
    return {
      store: h.store,
      pace: h.pace,
      tensors: h.tensors,
      pausing: () => this.pauseRequested || h.left(),
      gone: () => h.left() || h.rebuilding(),
      left: () => h.left(),
      keepModel: () => h.keepModel(),
      refreshMap: (vae) => h.refreshMap(vae),
    };
  }

  private async loop(): Promise<void> {
    const { store, tensors } = this.host;
    const screen = this.host.screenSession();
    if (store.getState().source === 'live' && screen && !this.host.busy()) {
      const remote = this.remote ?? this.startRemote();
      if (remote) return this.workerLoop(remote, screen);
    }
    const vae = tensors.vae;
    const trainer = this.trainer;
    if (!vae || !trainer || trainer.vae !== vae || !screen || this.host.busy()) return;
    const s = store.getState();
    if (s.source !== 'live' || trainer.epochsDone >= s.epochs) return;
    this.pauseRequested = false;
    await trainOnPage(this.runHost, vae, trainer, screen);
  }

  /** The live run in the worker (./workerRun); if the worker fails, Play goes on on the page. */
  private async workerLoop(remote: WorkerTrainer, screen: ConsolidationSession): Promise<void> {
    const { store, tensors } = this.host;
    this.pauseRequested = false;
    const host: WorkerRunHost = {
      ...this.runHost,
      showEpoch: (weights, epochs) => {
        const vae = loadVae(weights);
        tensors.setVae(vae, weights, epochs);
        return vae;
      },
    };
    try {
      await runInWorker(host, remote, screen);
    } catch (e) {
      if (this.host.left() || this.host.rebuilding()) return;
      // What the worker trained since its last epoch is lost; the page goes on from there.
      this.dropRemote();
      this.workerFailed = true;
      this.restartAt(tensors.vae, tensors.savedEpochs);
      store.setState({ training: 'paused' });
      sayFailed(store, 'Training', e, 'train');
    } finally {
      if (!this.host.left()) store.setState({ busy: null });
    }
  }
}
