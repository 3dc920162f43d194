/**
 * Recall dynamics of the classic Hopfield network (SCIENCE.md section 1).
 *
 * - sync: s <- sgn(W s) for all units at once. It can end in a 2-cycle and
 *   its energy is not guaranteed to fall; cycles are detected and reported.
 * - async: one unit at a time, s_i <- sgn(h_i). With symmetric W and zero
 *   diagonal every flip lowers the energy by 2|h_i|, so it never rises.
 *   Order 'random' draws a fresh random permutation of the units for each
 *   sweep; 'sequential' visits 0..D-1. A sweep is D single-unit updates and
 *   steps are counted in sweeps.
 * - stochastic (Glauber) at temperature T: like async, but
 *   P(s_i = +1) = 1 / (1 + exp(-2 h_i / T)); T <= 0 is the deterministic rule.
 *
 * Tie rule (all deterministic updates): h_i = 0 keeps the current s_i.
 * Energy E(s) = -1/2 s^T W s. Flipping unit i changes it by
 * dE = 2 s_i(old) h_i, because the terms of E that hold s_i sum to -s_i h_i
 * (W symmetric, w_ii = 0, so h_i does not depend on s_i). With a kept
 * diagonal (Storkey 'keep') h_i holds w_ii s_i, so dE = 2 s_i h_i - 2 w_ii.
 * With an asymmetric W (Krauth-Mezard) no such formula holds: the energy is
 * recomputed when read, and it may rise.
 */
import { shuffle, type Rng } from '../../core/random';
import type { FieldCache, Network } from './hopfield';
import { DenseNetwork } from './networks';
import { asBipolar, hamming, type Bipolar } from '../../core/pattern';
import {
  stopStatus,
  SyncHistory,
  withLimit,
  type StopStatus,
  type UnlimitedStatus,
} from './stopRule';

export type Dynamics = 'sync' | 'async' | 'stochastic';
export const DYNAMICS: readonly Dynamics[] = ['sync', 'async', 'stochastic'];

export interface StepperOptions {
  dynamics: Dynamics;
  /** Glauber temperature for 'stochastic' (same units as h); <= 0 or absent = deterministic. */
  temperature?: number;
  /** async/stochastic unit order; default 'random' (a fresh permutation per sweep). */
  order?: 'random' | 'sequential';
  rng: Rng;
  /**
   * h = W s of the cue, already computed (a dense W's D^2 pass done in
   * chunks elsewhere, see DenseNetwork.fieldsOf): the Stepper then starts
   * without a pass of its own. Must be exactly W s for this cue.
   */
  fields?: Float64Array;
}

/** 'running', 'fixed-point' or 'cycle', by the stop rule of ./stopRule (the Stepper has no step limit). */
export type StepperStatus = UnlimitedStatus;

/** Glauber probability P(s_i = +1) = 1 / (1 + exp(-2 h / T)), for T > 0. */
export function glauberProbability(h: number, temperature: number): number {
  return 1 / (1 + Math.exp((-2 * h) / temperature));
}

/**
 * Stateful recall for the UI: owns a copy of the cue and moves it one unit or
 * one step at a time.
 *
 * `status` describes the last completed step or sweep, by the stop rule of
 * ./stopRule (stopStatus):
 * - 'fixed-point': a full sync step, or a full sweep, flipped no unit. At
 *   T > 0 no state is a fixed point in the strict sense; for stochastic
 *   dynamics this is only the stop criterion "a sweep with no flips".
 * - 'cycle' (sync only): the state equals the one two steps ago and differs
 *   from the previous one.
 * Stepping on after that is allowed (a deterministic fixed point stays put).
 * The step limit belongs to the caller (recall's maxSteps).
 *
 * Energy is kept by dE per flip (async) or recomputed lazily, when `energy`
 * is read, after a sync step that flipped units, so a timed step() is the
 * step alone.
 */
function denseEnergy(s: Int8Array, cache: FieldCache): number {
  let e = 0;
  for (let i = 0; i < s.length; i++) e += s[i] * cache.at(i);
  return -0.5 * e;
}

export class Stepper {
  private readonly s: Bipolar;
  private readonly d: number;
  private readonly temperature: number;
  private readonly rng: Rng;
  private readonly cache: FieldCache | null;
  private readonly h: Float32Array | null;
  private readonly order: Int32Array;
  private readonly shuffled: boolean;
  private readonly history: SyncHistory | null;
  private cursor = 0;
  private sweepFlips = 0;
  private stepCount = 0;
  private units = 0;
  private e: number;
  private energyStale = false;
  private stat: StepperStatus = 'running';

  constructor(
    readonly network: Network,
    cue: Int8Array,
    opts: StepperOptions,
  ) {
    if (cue.length !== network.d) {
      throw new RangeError(`cue has ${cue.length} units; network has ${network.d}`);
    }
    const t = opts.temperature ?? 0;
    if (!Number.isFinite(t)) throw new RangeError(`temperature must be finite, got ${t}`);
    this.s = asBipolar(cue.slice());
    this.d = network.d;
    this.temperature = opts.dynamics === 'stochastic' ? t : 0;
    this.rng = opts.rng;
    this.order = new Int32Array(this.d);
    for (let i = 0; i < this.d; i++) this.order[i] = i;
    this.shuffled = (opts.order ?? 'random') === 'random';
    const sync = opts.dynamics === 'sync';
    const fields = opts.fields && network instanceof DenseNetwork ? opts.fields : undefined;
    this.cache = sync
      ? null
      : fields
        ? (network as DenseNetwork).fieldCache(this.s, fields)
        : network.fieldCache(this.s);
    this.h = sync ? new Float32Array(this.d) : null;
    this.history = sync ? new SyncHistory(this.d) : null;
    // A dense W's field cache has just summed h = W s: E = -1/2 s.h from it
    // (the same sums in the same order as energy()) saves a second D^2 pass.
    this.e = fields
      ? -0.5 * fields.reduce((e, h, i) => e + this.s[i] * h, 0)
      : this.cache && network instanceof DenseNetwork
        ? denseEnergy(this.s, this.cache)
        : network.energy(this.s);
  }

  /** Current state (live view; copy it to keep it). */
  get state(): Bipolar {
    return this.s;
  }
  /** sync: steps taken; async/stochastic: completed sweeps (unitsUpdated / D for the fraction). */
  get steps(): number {
    return this.stepCount;
  }
  /** Total single-unit updates (async/stochastic; 0 for sync). */
  get unitsUpdated(): number {
    return this.units;
  }
  /** E of the current state: updated by dE per flip (async), recomputed after a sync step that flipped units. */
  get energy(): number {
    if (this.energyStale) {
      // Async on a dense W (Krauth-Mezard's, not symmetric): the field cache
      // holds h = W s, so E = -1/2 s.h costs D, not another D^2 pass.
      this.e =
        this.cache && this.network instanceof DenseNetwork
          ? denseEnergy(this.s, this.cache)
          : this.network.energy(this.s);
      this.energyStale = false;
    }
    return this.e;
  }
  get status(): StepperStatus {
    return this.stat;
  }

  /** async/stochastic: update ONE unit (the next in this sweep's order). sync: throws. */
  stepUnit(): { unit: number; flipped: boolean } {
    const cache = this.cache;
    if (!cache) {
      throw new Error('sync dynamics updates all units at once: call step(), not stepUnit()');
    }
    if (this.d === 0) throw new RangeError('a network of 0 units has no unit to update');
    if (this.cursor === 0 && this.shuffled) shuffle(this.order, this.rng);
    const i = this.order[this.cursor];
    const h = cache.at(i);
    const old = this.s[i];
    let next: number;
    if (this.temperature > 0) {
      next = this.rng.next() < glauberProbability(h, this.temperature) ? 1 : -1;
    } else {
      next = h > 0 ? 1 : h < 0 ? -1 : old; // tie keeps the state
    }
    const flipped = next !== old;
    if (flipped) {
      if (this.network.symmetric) this.e += 2 * old * h - 2 * this.network.selfWeight(i);
      else this.energyStale = true;
      this.s[i] = next;
      cache.flipped(i);
      this.sweepFlips++;
    }
    this.units++;
    if (++this.cursor === this.d) {
      this.cursor = 0;
      this.stepCount++;
      this.stat = stopStatus(this.stepCount, this.sweepFlips > 0, false);
      this.sweepFlips = 0;
    }
    return { unit: i, flipped };
  }

  /**
   * One step. sync: all units at once from the same field. async/stochastic:
   * the rest of the current sweep (D single-unit updates from a sweep
   * boundary). Returns the number of flips.
   */
  step(): number {
    const { h, history } = this;
    if (!h || !history) {
      if (this.d === 0) return 0;
      let flips = 0;
      do {
        if (this.stepUnit().flipped) flips++;
      } while (this.cursor !== 0);
      return flips;
    }
    const { s, d } = this;
    this.network.field(s, h);
    history.remember(s);
    let flips = 0;
    for (let i = 0; i < d; i++) {
      const hi = h[i];
      const next = hi > 0 ? 1 : hi < 0 ? -1 : s[i]; // tie keeps the state
      if (next !== s[i]) {
        s[i] = next;
        flips++;
      }
    }
    this.stepCount++;
    this.stat = stopStatus(this.stepCount, flips > 0, () => history.sameAsTwoAgo(s));
    if (flips > 0) this.energyStale = true;
    return flips;
  }
}

export interface RecallResult {
  final: Bipolar;
  /** steps (sync) or sweeps (async/stochastic), including the one that found the fixed point */
  steps: number;
  converged: boolean;
  cycled: boolean;
  /** energy of the cue, then after each step */
  energy: number[];
  /** Hamming distance to `target` for the cue, then after each step; empty without a target */
  hamming: number[];
  /** wall time of each step in ms (the step alone, not the energy), only when a `now` clock was passed */
  stepMs?: number[];
}

export interface RecallOptions extends StepperOptions {
  /** default 100 */
  maxSteps?: number;
  target?: Int8Array;
  /** A clock in ms (e.g. performance.now) to time each step; models never read one otherwise. */
  now?: () => number;
}

/**
 * Runs the dynamics from `cue` until a fixed point, a 2-cycle (sync) or
 * `maxSteps` steps/sweeps, whichever comes first (the stop rule of
 * ./stopRule). With `now`, stepMs[t] times step() alone: the field, the
 * signs and the history copy; the energy and Hamming distance recorded
 * after it are not in it.
 */
export function recall(net: Network, cue: Int8Array, opts: RecallOptions): RecallResult {
  const maxSteps = opts.maxSteps ?? 100;
  if (!Number.isInteger(maxSteps) || maxSteps < 0) {
    throw new RangeError(`maxSteps must be a non-negative integer, got ${maxSteps}`);
  }
  const { target, now } = opts;
  const stepper = new Stepper(net, cue, opts);
  const energy = [stepper.energy];
  const dist = target ? [hamming(stepper.state, target)] : [];
  const stepMs: number[] = [];
  let status: StopStatus = withLimit('running', 0, maxSteps);
  while (status === 'running') {
    const t0 = now?.() ?? 0;
    stepper.step();
    if (now) stepMs.push(now() - t0);
    energy.push(stepper.energy);
    if (target) dist.push(hamming(stepper.state, target));
    status = withLimit(stepper.status, stepper.steps, maxSteps);
  }
  return {
    final: stepper.state.slice() as Bipolar,
    steps: stepper.steps,
    converged: status === 'fixed-point',
    cycled: status === 'cycle',
    energy,
    hamming: dist,
    ...(now ? { stepMs } : {}),
  };
}
