/**
 * Training on the page's thread without freezing it: the trainer's step()
 * runs one minibatch; the page runs steps in chunks that fit a time budget
 * and yields to the browser between chunks, so no task of ours comes near
 * the 50 ms of a long task (input and painting go on while it trains).
 *
 * Which thread: steps of two small batches are timed on the backend the
 * page got (each after a warm-up step, which includes compiling the
 * backend's kernels), and a step of the real batch is predicted from them
 * on a line, time = a + b B (predictStepMs), so a slow backend is found
 * without running a long step on the page. Setting up a trainer is timed
 * too. Setting up grows with N (every
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
  /** A step of the real batch after warm-up, ms (predicted from the probes). */
  readonly stepMs: number;
  /** The probes: [batch, ms a step]. */
  readonly probes?: readonly (readonly [number, number])[];
}

/**
 * A step of `batch` records from two timed batch sizes, on the line through
 * them (time = a + b B, b at least 0); the measured time when `batch` is
 * one of them.
 */
export function predictStepMs(
  p: readonly [number, number],
  q: readonly [number, number],
  batch: number,
): number {
  if (batch === p[0]) return p[1];
  if (batch === q[0] || q[0] === p[0]) return q[1];
  const slope = Math.max(0, (q[1] - p[1]) / (q[0] - p[0]));
  return Math.max(p[1], q[1] + slope * (batch - q[0]));
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

/** " (steps of 8 and 32 records took 3.1 and 6.0 ms)" */
const probed = (t: StepTiming) =>
  t.probes && t.probes.length === 2 && t.probes[0][0] !== t.probes[1][0]
    ? ` (steps of ${t.probes[0][0]} and ${t.probes[1][0]} records took ${ms(t.probes[0][1])} and ${ms(t.probes[1][1])})`
    : '';

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
      reason: `One training step would take about ${ms(t.stepMs)} on ${backend}${probed(t)}, over the ${limit} ms of a long task, so training runs in a Web Worker with tfjs on WASM.`,
    };
  }
  if (predictedSetupMs > limit) {
    return {
      mode: 'worker',
      predictedSetupMs,
      stepsPerChunk: perChunk,
      reason: `A step takes about ${ms(t.stepMs)} on ${backend}, but setting up ${records.toLocaleString('en')} records would take about ${ms(predictedSetupMs)} at once, so training runs in a Web Worker with tfjs on WASM.`,
    };
  }
  return {
    mode: 'page',
    predictedSetupMs,
    stepsPerChunk: perChunk,
    reason: `One training step takes about ${ms(t.stepMs)} on ${backend}${probed(t)}, so training runs on this page in chunks of about ${budget} ms (${perChunk} step${perChunk === 1 ? '' : 's'} each) with a pause for the browser between them.`,
  };
}

export interface ChunkOptions {
  /**
   * Runs one step; false when there is nothing left to do. It may be async
   * (a step that reads a tensor back with `await t.data()`): the chunk waits
   * for it, and its time counts in the chunk's.
   */
  step(): boolean | Promise<boolean>;
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
      more = await o.step();
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
