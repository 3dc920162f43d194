/**
 * The `recall` experiment: store N random bipolar patterns of D units
 * (seeded), flip K distinct units of pattern 0, and recall until a fixed
 * point, a 2-cycle or --max-steps steps.
 *
 * One seeded generator is drawn in this order: the patterns (row by row),
 * the K flipped units, then the dynamics (update order, Glauber noise).
 *
 * Engines (--backend): wasm-simd, the default, steps synchronous Hebbian and
 * Storkey recall on the WebAssembly SIMD kernels of the Experiments lab
 * (../src/models/experiments/batchSimd; Hebbian exact in integers, the same
 * states as typed arrays; Storkey sums in float32); everything else it
 * leaves to typed arrays, with a note on stderr. typed-array is the Classic
 * lab's Stepper; cpu and wasm are tfjs tensor products (sync only); the
 * choice and its fallbacks are ./recallEngine. All of
 * them stop by the one rule of ../src/models/classic/stopRule. The report's
 * `backend` names the engine that ran, and stepMs is the median wall time of
 * one of its steps (sync) or sweeps (async): the step alone, see
 * recallOnMemory and ../src/models/classic/dynamics recall.
 */
import { createRng } from '../src/core/random';
import { flipDistinct } from '../src/models/classic/corrupt';
import { DYNAMICS, recall, type Dynamics, type RecallResult } from '../src/models/classic/dynamics';
import { classify } from '../src/models/classic/classify';
import { MAX_POWER, MIN_POWER } from '../src/models/classic/denseAM';
import {
  DEFAULT_POWER,
  DIAGONALS,
  learn,
  randomPatterns,
  RULES,
  type Diagonal,
  type Network,
  type Rule,
} from '../src/models/classic/hopfield';
import { KM_DEFAULT_MARGIN } from '../src/models/classic/rules';
import { UNLEARNING_DEFAULTS } from '../src/models/classic/unlearning';
import { stopStatus, SyncHistory, withLimit } from '../src/models/classic/stopRule';
import type { BatchMemory } from '../src/models/experiments/batch';
import { hamming, row, type Bipolar } from '../src/core/pattern';
import { defineExperiment, type Io } from './define';
import { enumParam, floatParam, intParam, UsageError, type ParamValues } from '../src/core/params';
import { engineFor, isTfBackend, RECALL_BACKENDS, type RecallBackend } from './recallEngine';

export interface RecallConfig {
  units: number;
  patterns: number;
  flips: number;
  rule: Rule;
  /** storkey's diagonal, krauth-mezard's margin, unlearning's dreams (per pattern) and strength, dense-am's power */
  diagonal: Diagonal;
  margin: number;
  dreams: number;
  epsilon: number;
  power: number;
  dynamics: Dynamics;
  seed: number;
  maxSteps: number;
  temperature: number;
  order: 'random' | 'sequential';
  backend: RecallBackend;
}

export interface RecallReport {
  experiment: 'recall';
  units: number;
  patterns: number;
  /** load alpha = N / D */
  alpha: number;
  flips: number;
  rule: Rule;
  dynamics: Dynamics;
  temperature: number;
  order: 'random' | 'sequential' | null;
  seed: number;
  maxSteps: number;
  /** the engine that ran the steps: 'wasm-simd', 'typed-array', or the tfjs backend ('cpu', 'wasm') */
  backend: string;
  initialHamming: number;
  finalHamming: number;
  overlapWithTarget: number;
  /** sync: steps; async/stochastic: sweeps of D unit updates */
  steps: number;
  converged: boolean;
  cycled: boolean;
  outcome: string;
  outcomeIndex: number | null;
  components: number[] | null;
  /** E = -1/2 s^T W s of the cue, then after each step */
  energy: number[];
  /** Hamming distance to pattern 0 for the cue, then after each step */
  hamming: number[];
  /**
   * median wall time of one step (sync) or sweep (async) in ms, on `backend`:
   * the step alone, not the energy or Hamming distance recorded after it.
   * SIMD and tfjs: after a warm-up, each step timed 3 times (recallOnMemory);
   * typed arrays: each Stepper step or sweep timed once, as it runs.
   */
  stepMs: number;
  learnMs: number;
}

/** Above this many bytes a D x D weight matrix earns a note on stderr. */
const BIG_MATRIX_BYTES = 64 * 2 ** 20;
/** Largest D for which a D x D float32 matrix is built (1.6 GB). */
const MAX_DENSE_UNITS = 20_000;

export const RECALL_PARAMS = {
  units: intParam(100, 1, 2 ** 31, 'D, units per pattern'),
  patterns: intParam(5, 1, 2 ** 31, 'N, stored random patterns'),
  flips: intParam(10, 0, 2 ** 31, 'K, distinct units of pattern 0 flipped in the cue'),
  rule: enumParam(RULES, 'hebbian', 'learning rule'),
  diagonal: enumParam(
    DIAGONALS,
    'zero',
    "Storkey's diagonal: zero (w_ii = 0, default) or keep (the update applied for i = j too, as Storkey 1997 and the seed's capacity table; recall then counts w_ii s_i)",
  ),
  margin: floatParam(KM_DEFAULT_MARGIN, 0, 5, 'krauth-mezard: the stability margin c'),
  dreams: intParam(
    UNLEARNING_DEFAULTS.dreamsPerPattern,
    0,
    1000,
    'unlearning: dreams per stored pattern',
  ),
  epsilon: floatParam(UNLEARNING_DEFAULTS.epsilon, 0, 1, 'unlearning: strength of each dream'),
  power: intParam(DEFAULT_POWER, MIN_POWER, MAX_POWER, 'dense-am: the power n of F(x) = x^n'),
  dynamics: enumParam(DYNAMICS, 'sync', 'update dynamics'),
  seed: intParam(1, 0, 2 ** 32 - 1, 'random seed'),
  maxSteps: intParam(100, 1, 1_000_000, 'step (sync) or sweep (async) limit'),
  temperature: floatParam(
    0,
    0,
    1e6,
    'Glauber temperature T (stochastic; > 0 turns async into stochastic)',
  ),
  order: enumParam(
    ['random', 'sequential'] as const,
    'random',
    'async unit order (random = new permutation per sweep)',
  ),
  backend: enumParam(
    RECALL_BACKENDS,
    'wasm-simd',
    'wasm-simd: synchronous steps on the WebAssembly SIMD kernels (default; async/stochastic ' +
      'dynamics, the pseudoinverse rule and engines without SIMD run on typed arrays, with a note); ' +
      "typed-array: the Classic lab's Stepper; cpu or wasm: tfjs tensor products (sync only)",
  ),
};

/** Reads and cross-checks the flags; throws UsageError for impossible combinations. */
export function recallConfig(values: ParamValues<typeof RECALL_PARAMS>, io?: Io): RecallConfig {
  const config: RecallConfig = { ...values };
  const { units: d, patterns: n } = config;
  if (config.flips > d) throw new UsageError(`--flips ${config.flips} exceeds --units ${d}`);
  if (d * n > 2 ** 31) throw new UsageError(`${n} patterns of ${d} units do not fit in memory`);
  if (config.rule === 'pseudoinverse' && n > d) {
    throw new UsageError(
      `pseudoinverse needs linearly independent patterns, so --patterns ${n} <= --units ${d}`,
    );
  }
  if (config.temperature > 0 && config.dynamics === 'sync') {
    throw new UsageError('--temperature needs single-unit dynamics: use --dynamics stochastic');
  }
  if (config.temperature > 0 && config.dynamics === 'async') {
    io?.err(`note: --temperature ${config.temperature} > 0 runs Glauber (stochastic) dynamics\n`);
    config.dynamics = 'stochastic';
  }
  const tfjs = isTfBackend(config.backend);
  if (tfjs && config.dynamics !== 'sync') {
    throw new UsageError(
      `--backend ${config.backend} runs batched synchronous steps only: use --dynamics sync`,
    );
  }
  if (tfjs && config.rule === 'dense-am') {
    throw new UsageError(
      '--rule dense-am has no weight matrix for tfjs: use --backend typed-array',
    );
  }
  const dense =
    config.rule === 'storkey' ||
    config.rule === 'krauth-mezard' ||
    config.rule === 'unlearning' ||
    (tfjs && config.rule !== 'hebbian');
  if (dense && d > MAX_DENSE_UNITS) {
    throw new UsageError(
      `--rule ${config.rule} here builds a D x D matrix; --units must be <= ${MAX_DENSE_UNITS}`,
    );
  }
  if (dense && 4 * d * d >= BIG_MATRIX_BYTES) {
    io?.err(
      `note: ${config.rule} builds a ${d} x ${d} float32 weight matrix ` +
        `(${Math.round((4 * d * d) / 2 ** 20)} MB; O(N D^2) = ${(n * d * d).toExponential(1)} operations, slow)\n`,
    );
  }
  if (config.rule === 'pseudoinverse' && n * n * d > 1e9) {
    io?.err(
      `note: pseudoinverse learning costs O(N^2 D) = ${(n * n * d).toExponential(1)} operations\n`,
    );
  }
  return config;
}

/** Runs the experiment in-process; notes (engine fallbacks) go to io.err. */
export async function runRecall(config: RecallConfig, io?: Io): Promise<RecallReport> {
  const { units: d, patterns: n, flips, rule, dynamics, seed, maxSteps } = config;
  const rng = createRng(seed);
  const x = randomPatterns(n, d, rng);
  const t0 = performance.now();
  const net = learn(rule, x, {
    diagonal: config.diagonal,
    margin: config.margin,
    dreams: config.dreams * n,
    epsilon: config.epsilon,
    seed,
    power: config.power,
  });
  const learnMs = performance.now() - t0;
  const target = row(x, 0);
  const cue = flipDistinct(target, flips, rng);
  const now = () => performance.now();
  const { backend, memory } = await engineFor(config, net, io);
  let result: RecallResult;
  if (!memory) {
    const opts = { dynamics, temperature: config.temperature, order: config.order, rng };
    result = recall(net, cue, { ...opts, maxSteps, target, now });
  } else {
    try {
      result = await recallOnMemory(net, memory, cue, { maxSteps, target, now });
    } finally {
      memory.dispose();
    }
  }
  const verdict = classify(x, result.final, 0, result.cycled);
  return {
    experiment: 'recall',
    units: d,
    patterns: n,
    alpha: n / d,
    flips,
    rule,
    ...ruleSettingsOf(config),
    dynamics,
    temperature: dynamics === 'stochastic' ? config.temperature : 0,
    order: dynamics === 'sync' ? null : config.order,
    seed,
    maxSteps,
    backend,
    initialHamming: hamming(cue, target),
    finalHamming: verdict.hammingToTarget,
    overlapWithTarget: verdict.overlapWithTarget,
    steps: result.steps,
    converged: result.converged,
    cycled: result.cycled,
    outcome: verdict.outcome,
    outcomeIndex: verdict.index ?? null,
    components: verdict.components ?? null,
    energy: result.energy,
    hamming: result.hamming,
    stepMs: round(median(result.stepMs ?? []), 3),
    learnMs: round(learnMs, 1),
  };
}

/** The settings of the run's rule, for the report (none for rules without any). */
function ruleSettingsOf(c: RecallConfig): Record<string, string | number> {
  if (c.rule === 'storkey') return { diagonal: c.diagonal };
  if (c.rule === 'krauth-mezard') return { margin: c.margin };
  if (c.rule === 'unlearning') return { dreamsPerPattern: c.dreams, epsilon: c.epsilon };
  if (c.rule === 'dense-am') return { power: c.power };
  return {};
}

/** States whose energies wait, so that steps run back to back (see recallOnMemory). */
const ENERGY_BATCH = 32;
/** Untimed steps of the cue before a timed run: for WARM_UP.ms, at least 1 and at most maxCalls. */
const WARM_UP = { ms: 20, maxCalls: 200 };
/** Each step of a timed run is timed this many times on its input; stepMs[t] is their median. */
const STEP_REPEATS = 3;

/**
 * Synchronous recall of one cue on a batch engine's memory (B = 1: the SIMD
 * kernels or tfjs), with the stop rule of src/models/classic/stopRule that
 * the typed Stepper applies: no flips = fixed point, the state two steps ago
 * again = 2-cycle, maxSteps steps = the limit. Energies E = -1/2 s^T W s and
 * Hamming distances come from `net` on the state after each step.
 *
 * Timing (with `now`) follows bench/reference.py's timing of NumPy's
 * factorised step (N H = (S X^T) X - N S, signs, ties kept, a new result
 * array: untimed warm-up, then the median of repeated back-to-back calls):
 * - untimed steps of the cue first (WARM_UP: 20 ms, at least one), so that
 *   the engine's code is compiled and its matrices are in the caches, as
 *   they are in NumPy's loop;
 * - stepMs[t] times memory.step alone, STEP_REPEATS times on the same input
 *   (the engines are deterministic: the same input gives the same output),
 *   and keeps the median: for the SIMD Hebbian memory packing the state to
 *   bits, the N overlaps and the D signs; for tfjs the upload, the product
 *   and the download;
 * - between timed steps only O(D) work runs (the stop rule's comparisons,
 *   the history copy, the Hamming distance). The energies, O(N D) in plain
 *   JavaScript, are computed for up to ENERGY_BATCH states at a time, so
 *   that they do not run between steps and push the engine's matrices out of
 *   the caches, which nothing does in NumPy's loop either.
 */
export async function recallOnMemory(
  net: Network,
  memory: BatchMemory,
  cue: Int8Array,
  opts: { maxSteps: number; target?: Int8Array; now?: () => number },
): Promise<RecallResult> {
  const { maxSteps, target, now } = opts;
  const d = net.d;
  const history = new SyncHistory(d);
  let state = cue.slice();
  let next = new Int8Array(d);
  const energy = [net.energy(state)];
  const dist = target ? [hamming(state, target)] : [];
  const stepMs: number[] = [];
  const waiting: Int8Array[] = [];
  const energies = () => {
    for (const s of waiting) energy.push(net.energy(s));
    waiting.length = 0;
  };
  if (now && maxSteps > 0) {
    const start = now();
    for (let k = 0; k < WARM_UP.maxCalls && (k === 0 || now() - start < WARM_UP.ms); k++) {
      await memory.step(state, 1, next);
    }
  }
  let steps = 0;
  let status = withLimit('running', 0, maxSteps);
  while (status === 'running') {
    history.remember(state);
    if (now) {
      const samples: number[] = [];
      for (let k = 0; k < STEP_REPEATS; k++) {
        const t0 = now();
        await memory.step(state, 1, next);
        samples.push(now() - t0);
      }
      stepMs.push(median(samples));
    } else await memory.step(state, 1, next);
    [state, next] = [next, state];
    steps++;
    status = stopStatus(steps, history.changed(state), () => history.sameAsTwoAgo(state), maxSteps);
    if (target) dist.push(hamming(state, target));
    waiting.push(state.slice());
    if (waiting.length === ENERGY_BATCH) energies();
  }
  energies();
  return {
    final: state as Bipolar,
    steps,
    converged: status === 'fixed-point',
    cycled: status === 'cycle',
    energy,
    hamming: dist,
    ...(now ? { stepMs } : {}),
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const recallExperiment = defineExperiment({
  name: 'recall',
  describe: 'store N random patterns, flip K units of pattern 0, recall it and classify the result',
  params: RECALL_PARAMS,
  run: (values, io) => runRecall(recallConfig(values, io), io),
});
