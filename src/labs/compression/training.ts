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
  runChunks,
  timeLeft,
  yieldToPage,
  type ModeChoice,
  type StepTiming,
  type TrainingMode,
} from './chunks';
import type { JobClient } from './client';
import type { DataSpec, TrainOptions, TrainProgressMsg } from './jobs';
import { progressMsg, stepStats } from './jobTrain';

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

const PUBLISH_MS = 100;
const PROBE_STEPS = 3;

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

  /** Times set-up and a few steps on the first records (see ./chunks). */
  private async probe(
    table: Table,
    norm: Normalisation,
    options: TrainOptions,
  ): Promise<StepTiming> {
    const { now } = this.hooks;
    const m = Math.min(table.n, 3 * (options.batchSize ?? 64));
    const sub = selectRecords(
      table,
      Int32Array.from({ length: m }, (_, i) => i),
    );
    const timedRecords = Math.min(table.n, 2000);
    let t0 = now();
    inputVectors(table, norm, 0, timedRecords);
    const inputMsPerRecord = (now() - t0) / timedRecords;
    await yieldToPage();
    t0 = now();
    const probe = new AutoencoderTrainer(sub, norm, { ...options, epochs: 1 + PROBE_STEPS });
    const setupMs = now() - t0;
    try {
      await yieldToPage();
      let t = now();
      probe.step();
      const firstStepMs = now() - t;
      const times: number[] = [];
      for (let i = 0; i < PROBE_STEPS && !this.cancelled; i++) {
        await yieldToPage();
        t = now();
        probe.step();
        times.push(now() - t);
      }
      const stepMs = stepStats(times)?.median ?? firstStepMs;
      return { setupMs, inputMsPerRecord, firstStepMs, stepMs };
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
        step: () => !trainer.step().done,
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
        weights: trainer.weights(),
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
