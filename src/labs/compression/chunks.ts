/**
 * Training on the page's thread without freezing it: the trainer's step()
 * runs one minibatch; the page runs steps in chunks that fit a time budget
 * and yields to the browser between chunks, so no task of ours comes near
 * the 50 ms of a long task (input and painting go on while it trains).
 *
 * Which thread: a step is timed on the backend the page got (after a
 * warm-up step, which includes compiling the backend's kernels), and so is
 * setting up a trainer on a few records. Setting up grows with N (every
 * record's inputs are built and uploaded in one go), so its cost for all N
 * is predicted as the probe's set-up plus twice the time building inputs
 * takes per record (once to build, once more to upload) times N. If one
 * step, or that set-up, would take over TASK_LIMIT_MS, training moves to a
 * Web Worker running tfjs on WASM instead, where long tasks do not block
 * the page.
 */

/** A main-thread task longer than this is a long task (the browser's own threshold). */
export const TASK_LIMIT_MS = 50;
/** What a chunk of steps aims at, ms: a frame and a bit, well under TASK_LIMIT_MS. */
export const CHUNK_BUDGET_MS = 25;

export interface StepTiming {
  /** Setting up the probe's trainer (a few records), ms. */
  readonly setupMs: number;
  /** Building one record's inputs, ms (timed over many records). */
  readonly inputMsPerRecord: number;
  /** The first step (kernels compiled, buffers made), ms. */
  readonly firstStepMs: number;
  /** A step after warm-up, ms (the median of a few). */
  readonly stepMs: number;
}

export type TrainingMode = 'page' | 'worker';

export interface ModeChoice {
  readonly mode: TrainingMode;
  /** Set-up for all N records at the probe's pace, ms. */
  readonly predictedSetupMs: number;
  /** Steps a chunk takes at the probe's pace (page mode; at least 1). */
  readonly stepsPerChunk: number;
  /** One sentence for the page. */
  readonly reason: string;
}

/** Steps that fit the budget at msPerStep each (at least one). */
export function stepsPerChunk(msPerStep: number, budgetMs = CHUNK_BUDGET_MS): number {
  if (!(msPerStep > 0)) return 1;
  return Math.max(1, Math.floor(budgetMs / msPerStep));
}

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;

/** Page or worker, from a probe's times (see the module comment). */
export function chooseMode(
  t: StepTiming,
  records: number,
  backend: string,
  limit = TASK_LIMIT_MS,
  budget = CHUNK_BUDGET_MS,
): ModeChoice {
  const predictedSetupMs = t.setupMs + 2 * t.inputMsPerRecord * records;
  const perChunk = stepsPerChunk(t.stepMs, budget);
  if (t.stepMs > limit) {
    return {
      mode: 'worker',
      predictedSetupMs,
      stepsPerChunk: perChunk,
      reason: `One training step took ${ms(t.stepMs)} on ${backend}, over the ${limit} ms of a long task, so training runs in a Web Worker with tfjs on WASM.`,
    };
  }
  if (predictedSetupMs > limit) {
    return {
      mode: 'worker',
      predictedSetupMs,
      stepsPerChunk: perChunk,
      reason: `A step takes ${ms(t.stepMs)} on ${backend}, but setting up ${records.toLocaleString('en')} records would take about ${ms(predictedSetupMs)} at once, so training runs in a Web Worker with tfjs on WASM.`,
    };
  }
  return {
    mode: 'page',
    predictedSetupMs,
    stepsPerChunk: perChunk,
    reason: `One training step takes ${ms(t.stepMs)} on ${backend} (the first took ${ms(t.firstStepMs)}), so training runs on this page in chunks of about ${budget} ms (${perChunk} step${perChunk === 1 ? '' : 's'} each) with a pause for the browser between them.`,
  };
}

export interface ChunkOptions {
  /** Runs one step; false when there is nothing left to do. */
  step(): boolean;
  /** Whether to stop before the next chunk. */
  cancelled(): boolean;
  /** Awaited between chunks (a page yields to the browser here). */
  pause(): Promise<void>;
  now(): number;
  budgetMs?: number;
  /** A first estimate of a step's time (ms), e.g. from a probe. */
  msPerStep?: number;
  /** After each chunk: steps in it and its duration. */
  onChunk?(steps: number, ms: number): void;
}

export interface ChunkRun {
  readonly chunks: number;
  readonly steps: number;
  /** The longest chunk, ms (the longest task this loop caused). */
  readonly longestMs: number;
  readonly cancelled: boolean;
}

/**
 * Runs step() until it returns false or `cancelled()`, in chunks: a chunk
 * takes one step, then more while its time so far plus the average step
 * time stays within the budget; then it pauses. The average is a running
 * mean over every step so far (seeded with msPerStep).
 */
export async function runChunks(o: ChunkOptions): Promise<ChunkRun> {
  const budget = o.budgetMs ?? CHUNK_BUDGET_MS;
  let mean = o.msPerStep ?? 0;
  let timed = o.msPerStep !== undefined ? 1 : 0;
  let steps = 0;
  let chunks = 0;
  let longest = 0;
  for (;;) {
    if (o.cancelled()) return { chunks, steps, longestMs: longest, cancelled: true };
    const t0 = o.now();
    let n = 0;
    let more: boolean;
    do {
      const s0 = o.now();
      more = o.step();
      const took = o.now() - s0;
      mean = (mean * timed + took) / (timed + 1);
      timed++;
      n++;
    } while (more && o.now() - t0 + mean <= budget);
    const took = o.now() - t0;
    steps += n;
    chunks++;
    longest = Math.max(longest, took);
    o.onChunk?.(n, took);
    if (!more) return { chunks, steps, longestMs: longest, cancelled: false };
    await o.pause();
  }
}

/** Seconds left at the pace so far: elapsed / done * (total - done); null before the first step. */
export function timeLeft(elapsedMs: number, done: number, total: number): number | null {
  if (!(done > 0) || !(elapsedMs >= 0)) return null;
  return ((elapsedMs / done) * Math.max(0, total - done)) / 1000;
}

/** A new task for the page: scheduler.yield() where there is one, else a MessageChannel message. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
