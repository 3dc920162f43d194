/**
 * The benchmarked work, shared by Node (bench/node.ts) and the browser bench
 * page (bench/page/main.ts): a Hebbian network of N random patterns of D
 * units, cues made by flipping 20 % of a stored pattern, and one timing
 * function per path (typed arrays: the Classic lab's Stepper; tensors:
 * hebbianBatchStep). The caller picks the tfjs backend before the tensor
 * timings.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/core/random';
import { flipFraction } from '../src/models/classic/corrupt';
import { Stepper, type Dynamics } from '../src/models/classic/dynamics';
import { learn, randomPatterns, type Network } from '../src/models/classic/hopfield';
import {
  bipolarTensor,
  hebbianBatchStep,
  patternsTensor,
} from '../src/models/classic/hopfieldTensor';
import { row, type Bipolar, type PatternMatrix } from '../src/core/pattern';
import { measure, now, type MeasureOptions, type Timing } from './stats';

/** Fraction of units flipped in every cue. */
export const CUE_NOISE = 0.2;
/** The big batch of the tensor timings. */
export const BIG_BATCH = 100;

export interface Workload {
  d: number;
  n: number;
  x: PatternMatrix;
  net: Network;
  /** pattern 0 with 20 % of its units flipped */
  cue: Bipolar;
  /** BIG_BATCH cues laid end to end: pattern (b mod N) with 20 % flipped */
  cues: Int8Array;
}

export function makeWorkload(d: number, n: number, seed = 1): Workload {
  const rng = createRng(seed);
  const x = randomPatterns(n, d, rng);
  const net = learn('hebbian', x);
  const cues = new Int8Array(BIG_BATCH * d);
  for (let b = 0; b < BIG_BATCH; b++) cues.set(flipFraction(row(x, b % n), CUE_NOISE, rng), b * d);
  return { d, n, x, net, cue: cues.slice(0, d) as Bipolar, cues };
}

export interface TypedTimings {
  /**
   * Stepper.step() with sync dynamics: one full step from the cue (field and
   * signs; the Stepper computes the energy only when it is read)
   */
  syncStep: Timing;
  /** Stepper.step() with async dynamics: one sweep of D unit updates from the cue */
  asyncSweep: Timing;
  /** Stepper.stepUnit(), averaged over runs of up to 2048 updates from the cue */
  unitUpdate: Timing;
}

function stepper(w: Workload, dynamics: Dynamics): Stepper {
  return new Stepper(w.net, w.cue, { dynamics, rng: createRng(7) });
}

/** The three typed-array timings (ms per step, sweep, unit update). */
export async function timeTyped(w: Workload, opts: MeasureOptions = {}): Promise<TypedTimings> {
  const firstStep = (dynamics: Dynamics) => () => {
    const st = stepper(w, dynamics);
    const t0 = now();
    st.step();
    return now() - t0;
  };
  const syncStep = await measure(firstStep('sync'), opts);
  const asyncSweep = await measure(firstStep('async'), opts);
  const k = Math.min(w.d, 2048);
  const unitUpdate = await measure(
    () => {
      const st = stepper(w, 'async');
      const t0 = now();
      for (let i = 0; i < k; i++) st.stepUnit();
      return now() - t0;
    },
    { ...opts, perSample: k, minReps: 10 },
  );
  return { syncStep, asyncSweep, unitUpdate };
}

export interface TensorTiming {
  batch: number;
  /** one hebbianBatchStep plus `await data()`, ms */
  step: Timing;
  /** step.median / batch */
  perCueMs: number;
}

export interface TensorTimings {
  batches: TensorTiming[];
  /** the batch-1 step gives the same state as the typed-array sync step */
  agrees: boolean;
}

/**
 * hebbianBatchStep on the current tfjs backend, for a batch of 1 cue and of
 * BIG_BATCH cues, each read back with `await data()` (never dataSync).
 */
export async function timeTensor(w: Workload, opts: MeasureOptions = {}): Promise<TensorTimings> {
  const x = patternsTensor(w.x);
  const batches: TensorTiming[] = [];
  let agrees = false;
  try {
    for (const batch of [1, BIG_BATCH]) {
      const s = bipolarTensor(w.cues.subarray(0, batch * w.d), batch, w.d);
      try {
        if (batch === 1) agrees = await agreesWithTyped(w, x, s);
        const step = await measure(async () => {
          const t0 = now();
          const y = hebbianBatchStep(x, s);
          await y.data();
          const ms = now() - t0;
          y.dispose();
          return ms;
        }, opts);
        batches.push({ batch, step, perCueMs: step.median / batch });
      } finally {
        s.dispose();
      }
    }
  } finally {
    x.dispose();
  }
  return { batches, agrees };
}

async function agreesWithTyped(w: Workload, x: tf.Tensor2D, s: tf.Tensor2D): Promise<boolean> {
  const st = stepper(w, 'sync');
  st.step();
  const y = hebbianBatchStep(x, s);
  const got = await y.data();
  y.dispose();
  for (let i = 0; i < w.d; i++) if (got[i] !== st.state[i]) return false;
  return true;
}

/** The message of anything thrown, on one line. */
export function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 300);
}
