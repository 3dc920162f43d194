/**
 * The live VAE's training as a job for a worker (./trainWorker), and the
 * messages between the page (./trainClient) and it.
 *
 * The job is the page's own cursor (models/consolidation/vaeTrain's
 * MinibatchTrainer) over a VAE rebuilt from its weights: the same seed, the
 * same replays and the same weights give the same VAE as training on the
 * page (the noise of step t comes from the VAE's seed and t, which the
 * weights carry; Adam starts afresh, as it does on the page from a copy).
 *
 * Conventions
 * - `start` carries the weights as of `options.fromEpoch` completed epochs
 *   and the replays (copied, the page keeps its own); `run` sets the epoch
 *   to stop after; `pause` stops before the next minibatch.
 * - The worker answers with `progress` (at most every PROGRESS_MS), one
 *   `epoch` at each epoch's end (its stats and the weights, transferred),
 *   and `stopped` when it waits for the next `run` (paused, or at the
 *   target); `failed` ends the job.
 * - Between minibatches the job gives its thread a turn (a macrotask), so
 *   `pause` and `run` are read within one minibatch.
 */
import { loadVae, type Vae } from '../../models/consolidation/vae';
import { type SerialisedVae } from '../../models/consolidation/vaeParams';
import {
  MinibatchTrainer,
  type EpochStats,
  type MinibatchOptions,
} from '../../models/consolidation/vaeTrain';

/** Progress is posted at most this often while training (ms). */
export const PROGRESS_MS = 200;

export interface TrainStart {
  readonly type: 'start';
  readonly weights: SerialisedVae;
  readonly data: Float32Array;
  readonly n: number;
  readonly options: MinibatchOptions;
}

export type ToTrainWorker =
  TrainStart | { readonly type: 'run'; readonly untilEpoch: number } | { readonly type: 'pause' };

export interface TrainCursorState {
  /** Completed epochs. */
  readonly epochsDone: number;
  /** Samples of the epoch in progress already trained on. */
  readonly position: number;
}

export type FromTrainWorker =
  | ({ readonly type: 'progress' } & TrainCursorState)
  | ({
      readonly type: 'epoch';
      readonly stats: EpochStats;
      readonly weights: SerialisedVae;
    } & TrainCursorState)
  | ({ readonly type: 'stopped' } & TrainCursorState)
  | { readonly type: 'failed'; readonly message: string };

export interface TrainJobEnv {
  now(): number;
  /** Ends the current task (the worker reads its messages). */
  turn(): Promise<void>;
}

/** The weights' Float32Array to hand over with postMessage. */
export const transferOf = (m: FromTrainWorker): Transferable[] =>
  m.type === 'epoch' ? [m.weights.weights.buffer] : [];

/**
 * One training job: made from `start`, then run(untilEpoch) trains until
 * that many epochs are done or pause() is called. Calls `post` with every
 * message for the page.
 */
export class TrainJob {
  private readonly vae: Vae;
  private readonly trainer: MinibatchTrainer;
  private target: number;
  private pausing = false;
  private running = false;

  constructor(
    start: TrainStart,
    private readonly post: (m: FromTrainWorker) => void,
    private readonly env: TrainJobEnv,
  ) {
    this.vae = loadVae(start.weights);
    this.trainer = new MinibatchTrainer(this.vae, start.data, start.n, start.options);
    this.target = this.trainer.epochsDone;
  }

  private get state(): TrainCursorState {
    return { epochsDone: this.trainer.epochsDone, position: this.trainer.position };
  }

  /** Stops before the next minibatch; `stopped` follows (at once when not running). */
  pause(): void {
    this.pausing = true;
    if (!this.running) this.post({ type: 'stopped', ...this.state });
  }

  /** Trains to `untilEpoch` (or a pause); a call while running only moves the target. */
  async run(untilEpoch: number): Promise<void> {
    this.target = untilEpoch;
    this.pausing = false;
    if (this.running) return;
    this.running = true;
    try {
      let shown = this.env.now();
      while (!this.pausing && this.trainer.epochsDone < this.target) {
        const stats = await this.trainer.train(1);
        if (stats) {
          const weights = await this.vae.getWeights();
          this.post({ type: 'epoch', stats, weights, ...this.state });
          shown = this.env.now();
        } else if (this.env.now() - shown >= PROGRESS_MS) {
          this.post({ type: 'progress', ...this.state });
          shown = this.env.now();
        }
        await this.env.turn();
      }
      this.post({ type: 'stopped', ...this.state });
    } catch (e) {
      this.post({ type: 'failed', message: (e as Error).message });
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    this.pausing = true;
    this.vae.dispose();
  }
}

/** A message loop for the job: `start` makes it, `run` and `pause` drive it. */
export function trainJobHandler(
  post: (m: FromTrainWorker) => void,
  env: TrainJobEnv,
  prepare: () => Promise<void> = () => Promise.resolve(),
): (m: ToTrainWorker) => void {
  let job: Promise<TrainJob | null> = Promise.resolve(null);
  return (m) => {
    if (m.type === 'start') {
      job = job.then(async (old) => {
        old?.dispose();
        try {
          await prepare();
          return new TrainJob(m, post, env);
        } catch (e) {
          post({ type: 'failed', message: (e as Error).message });
          return null;
        }
      });
    } else if (m.type === 'pause') {
      void job.then((j) => j?.pause());
    } else {
      void job.then((j) => j?.run(m.untilEpoch));
    }
  };
}
