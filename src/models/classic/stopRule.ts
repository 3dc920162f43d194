/**
 * When recall stops (SCIENCE.md section 1): the one rule that the Classic
 * lab's Stepper (./dynamics), the Experiments lab's batched recall
 * (../experiments/batch) and the `recall` experiment's engines
 * (cli/recall.ts) all apply.
 *
 * After step t (t = 1, 2, ... counted from the cue):
 * - fixed point: a synchronous step that flips no unit, or an asynchronous
 *   sweep (D single-unit updates) that flips no unit. At T > 0 (Glauber) no
 *   state is a fixed point in the strict sense; there it is only the stop
 *   criterion "a sweep with no flips".
 * - 2-cycle (synchronous only): the state after step t equals the state
 *   after step t - 2 (the cue when t = 2) and differs from the state after
 *   step t - 1. Needs t >= 2. Asynchronous callers pass sameAsTwoAgo = false.
 * - step limit: t has reached maxSteps, which counts steps (sync) or sweeps
 *   (async/stochastic), and neither of the above holds.
 * The checks go in that order, so a step that reaches a fixed point or a
 * cycle exactly at the limit reports the fixed point or the cycle.
 */
import { equal } from '../../core/pattern';

/** Where a run stands after a step: still moving, or why it stops. */
export type StopStatus = 'running' | 'fixed-point' | 'cycle' | 'step-limit';

/** The status without a step limit (the Classic lab's Stepper steps for as long as it is asked). */
export type UnlimitedStatus = Exclude<StopStatus, 'step-limit'>;

/**
 * The stop rule above, as a pure function of what the step did.
 *
 * @param stepCount steps (sync) or sweeps (async) taken, including this one (>= 1)
 * @param changedSincePrev this step (or sweep) flipped at least one unit
 * @param sameAsTwoAgo the state equals the one two steps ago (sync; ignored when
 *   nothing changed or stepCount < 2). A function is called only when needed.
 * @param maxSteps the limit on stepCount; absent = no limit
 */
export function stopStatus(
  stepCount: number,
  changedSincePrev: boolean,
  sameAsTwoAgo: boolean | (() => boolean),
): UnlimitedStatus;
export function stopStatus(
  stepCount: number,
  changedSincePrev: boolean,
  sameAsTwoAgo: boolean | (() => boolean),
  maxSteps: number,
): StopStatus;
export function stopStatus(
  stepCount: number,
  changedSincePrev: boolean,
  sameAsTwoAgo: boolean | (() => boolean),
  maxSteps = Infinity,
): StopStatus {
  let status: UnlimitedStatus = 'running';
  if (!changedSincePrev) status = 'fixed-point';
  else if (stepCount >= 2 && (typeof sameAsTwoAgo === 'function' ? sameAsTwoAgo() : sameAsTwoAgo))
    status = 'cycle';
  return withLimit(status, stepCount, maxSteps);
}

/** Adds the step limit to a status without one: 'running' at stepCount >= maxSteps becomes 'step-limit'. */
export function withLimit(
  status: UnlimitedStatus,
  stepCount: number,
  maxSteps: number,
): StopStatus {
  return status === 'running' && stepCount >= maxSteps ? 'step-limit' : status;
}

/**
 * The two states before the current one, for the 2-cycle test of one
 * synchronous run. Call `remember(state)` just before each step (it rotates:
 * two-ago <- previous, previous <- a copy of `state`), then pass
 * `changed(next)` and `() => sameAsTwoAgo(next)` for the state the step
 * produced to stopStatus. Buffers are reused; nothing is allocated per step.
 */
export class SyncHistory {
  private prev: Int8Array;
  private twoAgo: Int8Array;

  constructor(d: number) {
    this.prev = new Int8Array(d);
    this.twoAgo = new Int8Array(d);
  }

  /** Rotates the history: the state about to be stepped becomes "previous". */
  remember(state: Int8Array): void {
    const spare = this.twoAgo;
    this.twoAgo = this.prev;
    this.prev = spare;
    this.prev.set(state);
  }

  /** `state` differs from the remembered previous state (some unit flipped). */
  changed(state: Int8Array): boolean {
    return !equal(state, this.prev);
  }

  /** `state` equals the state two steps ago (meaningful from the second step on). */
  sameAsTwoAgo(state: Int8Array): boolean {
    return equal(state, this.twoAgo);
  }
}
