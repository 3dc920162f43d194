/**
 * Training the autoencoder for the page: times a few steps on the page's
 * backend (a probe on a few records), chooses the page's thread or a
 * worker (./chunks chooseMode), trains there with a progress report and
 * time left from its own pace, and stops on cancel. Both paths train the
 * same model from the same seed (the probe's steps are on a throwaway
 * trainer), so the thread changes the time, not the result, apart from the
 * last digits a different backend's arithmetic gives.
 */
import {
  AutoencoderTrainer,
  type AutoencoderWeights,
  type TrainProgress,
} from '../../models/compression/autoencoder';
import {
  inputVectors,
  selectRecords,
  type Normalisation,
  type Table,
} from '../../models/compression/table';
import {
  chooseMode,
  predictStepMs,
  runChunks,
  timeLeft,
  type ModeChoice,
  type StepTiming,
  type TrainingMode,
} from './chunks';
import { yieldToPage } from '../../engine/pace';
import type { JobClient } from './client';
import type { DataSpec, TrainOptions, TrainProgressMsg } from './jobs';
import { progressMsg } from './jobTrain';

export interface TrainingUpdate {
  readonly progress: TrainProgressMsg;
  readonly elapsedMs: number;
  readonly etaSeconds: number | null;
  readonly longestTaskMs: number | null;
}

export interface TrainingHooks {
  /** The page's tfjs backend, ready (its label, e.g. 'WebGL'). */
  backend(): Promise<string>;
  now(): number;
  /** Progress, at most every ~100 ms and at the end. */
  onProgress(u: TrainingUpdate): void;
  onMode(choice: ModeChoice, backend: string, stepMs: number): void;
  /** Forces a thread (tests). */
  forceMode?: TrainingMode;
}

export interface TrainingOutcome {
  readonly weights: AutoencoderWeights;
  readonly progress: TrainProgressMsg;
  readonly mode: TrainingMode;
  readonly backend: string;
  readonly stepMs: number | null;
}

/** How often the progress on screen changes, ms (each change re-renders a little of the page). */
const PUBLISH_MS = 250;
/** The probe's batch sizes (capped at the real batch). */
const PROBE_BATCHES = [8, 32] as const;

/** A training run; cancel() stops it before its next chunk (page) or at once (worker). */
export class TrainingRun {
  private cancelled = false;
  private started = 0;
  private lastPublish = -Infinity;

  constructor(
    private readonly client: JobClient,
    private readonly hooks: TrainingHooks,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.client.cancel('train');
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Trains to the end; null when cancelled. */
  async run(
    spec: DataSpec,
    table: Table,
    norm: Normalisation,
    options: TrainOptions,
  ): Promise<TrainingOutcome | null> {
    const backend = await this.hooks.backend();
    if (this.cancelled) return null;
    const timing = await this.probe(table, norm, options);
    if (this.cancelled) return null;
    const choice = chooseMode(timing, table.n, backend);
    const mode = this.hooks.forceMode ?? choice.mode;
    const forced =
      mode === choice.mode
        ? ''
        : ` This run was told to train ${mode === 'page' ? 'on this page' : 'in a worker'}.`;
    this.hooks.onMode({ ...choice, mode, reason: choice.reason + forced }, backend, timing.stepMs);
    this.started = this.hooks.now();
    return mode === 'page'
      ? this.onPage(table, norm, options, timing.stepMs, backend)
      : this.inWorker(spec, options);
  }

  /**
   * Times set-up and steps of two small batches on the first records, and
   * predicts a step of the real batch from them (./chunks predictStepMs),
   * so that a slow backend is found without running a long step on the page.
   */
  private async probe(
    table: Table,
    norm: Normalisation,
    options: TrainOptions,
  ): Promise<StepTiming> {
    const { now } = this.hooks;
    const timedRecords = Math.min(table.n, 2000);
    const t0 = now();
    inputVectors(table, norm, 0, timedRecords);
    const inputMsPerRecord = (now() - t0) / timedRecords;
    const batch = options.batchSize ?? 64;
    const [a, b] = PROBE_BATCHES.map((p) => Math.min(p, batch));
    const small = await this.timeSteps(table, norm, options, a);
    const large = b === a ? small : await this.timeSteps(table, norm, options, b);
    return {
      setupMs: small.setupMs,
      inputMsPerRecord,
      firstStepMs: small.firstStepMs,
      stepMs: predictStepMs([a, small.stepMs], [b, large.stepMs], batch),
      probes: [
        [a, small.stepMs],
        [b, large.stepMs],
      ],
    };
  }

  /** A throwaway trainer of `batch` records a step: set-up, a warm-up step, then the faster of two. */
  private async timeSteps(table: Table, norm: Normalisation, options: TrainOptions, batch: number) {
    const { now } = this.hooks;
    const m = Math.min(table.n, 3 * batch);
    const sub = selectRecords(
      table,
      Int32Array.from({ length: m }, (_, i) => i),
    );
    await yieldToPage();
    let t = now();
    const probe = new AutoencoderTrainer(sub, norm, { ...options, batchSize: batch, epochs: 2 });
    const setupMs = now() - t;
    try {
      const times: number[] = [];
      for (let i = 0; i < 3 && !this.cancelled; i++) {
        await yieldToPage();
        t = now();
        await probe.step();
        times.push(now() - t);
      }
      const [firstStepMs, ...timed] = times;
      return { setupMs, firstStepMs, stepMs: Math.min(...timed, firstStepMs) };
    } finally {
      probe.dispose();
    }
  }

  private publish(
    p: TrainProgress | TrainProgressMsg,
    longest: number | null,
    force = false,
  ): void {
    const now = this.hooks.now();
    if (!force && now - this.lastPublish < PUBLISH_MS) return;
    this.lastPublish = now;
    const elapsedMs = now - this.started;
    this.hooks.onProgress({
      progress: 'batchesPerEpoch' in p ? progressMsg(p) : p,
      elapsedMs,
      etaSeconds: timeLeft(elapsedMs, p.steps, p.totalSteps),
      longestTaskMs: longest,
    });
  }

  private async onPage(
    table: Table,
    norm: Normalisation,
    options: TrainOptions,
    stepMs: number,
    backend: string,
  ): Promise<TrainingOutcome | null> {
    const t0 = this.hooks.now();
    const trainer = new AutoencoderTrainer(table, norm, options);
    let longest = this.hooks.now() - t0;
    try {
      const run = await runChunks({
        step: async () => !(await trainer.step()).done,
        cancelled: () => this.cancelled,
        pause: yieldToPage,
        now: this.hooks.now,
        msPerStep: stepMs,
        onChunk: (_, ms) => {
          longest = Math.max(longest, ms);
          this.publish(trainer.progress, longest);
        },
      });
      if (run.cancelled) return null;
      this.publish(trainer.progress, longest, true);
      return {
        weights: await trainer.weights(),
        progress: progressMsg(trainer.progress),
        mode: 'page',
        backend,
        stepMs,
      };
    } finally {
      trainer.dispose();
    }
  }

  private async inWorker(spec: DataSpec, options: TrainOptions): Promise<TrainingOutcome | null> {
    const r = await this.client.run('train', { kind: 'train', spec, options }, (p) => {
      if (p.train) this.publish(p.train, null);
    });
    if (!r || this.cancelled) return null;
    this.publish(r.progress, null, true);
    return {
      weights: r.weights,
      progress: r.progress,
      mode: 'worker',
      backend: r.backend,
      stepMs: r.stepMs?.median ?? null,
    };
  }
}
