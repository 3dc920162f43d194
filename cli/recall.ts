/**
 * The `recall` experiment: store N random bipolar patterns of D units
 * (seeded), flip K distinct units of pattern 0, and recall until a fixed
 * point, a 2-cycle or --max-steps steps.
 *
 * One seeded generator is drawn in this order: the patterns (row by row),
 * the K flipped units, then the dynamics (update order, Glauber noise).
 * stepMs is the median wall time of one step (sync) or sweep (async).
 */
import { createRng } from '../src/core/random';
import { flipDistinct } from '../src/models/classic/corrupt';
import {
  classify,
  DYNAMICS,
  recall,
  type Dynamics,
  type RecallResult,
} from '../src/models/classic/dynamics';
import {
  learn,
  randomPatterns,
  RULES,
  type Network,
  type Rule,
} from '../src/models/classic/hopfield';
import {
  bipolarTensor,
  hebbianBatchStep,
  patternsTensor,
  weightsBatchStep,
  weightsTensor,
} from '../src/models/classic/hopfieldTensor';
import { equal, hamming, row, type Bipolar } from '../src/core/pattern';
import { defineExperiment, type Io } from './define';
import { enumParam, floatParam, intParam, UsageError, type ParamValues } from '../src/core/params';
import { initTf, tf, TF_BACKENDS, type TfBackend } from './tf';

export type RecallBackend = 'typed-array' | TfBackend;

export interface RecallConfig {
  units: number;
  patterns: number;
  flips: number;
  rule: Rule;
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
  /** 'typed-array', or the tfjs backend that ran the steps */
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
  /** median wall time of one step in ms */
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
    ['typed-array', ...TF_BACKENDS] as const,
    'typed-array',
    'typed arrays, or tfjs (sync only)',
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
  if (config.backend !== 'typed-array' && config.dynamics !== 'sync') {
    throw new UsageError(
      `--backend ${config.backend} runs batched synchronous steps only: use --dynamics sync`,
    );
  }
  const dense =
    config.rule === 'storkey' || (config.backend !== 'typed-array' && config.rule !== 'hebbian');
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

/** Runs the experiment in-process. */
export async function runRecall(config: RecallConfig): Promise<RecallReport> {
  const { units: d, patterns: n, flips, rule, dynamics, seed, maxSteps } = config;
  const rng = createRng(seed);
  const x = randomPatterns(n, d, rng);
  const t0 = performance.now();
  const net = learn(rule, x);
  const learnMs = performance.now() - t0;
  const target = row(x, 0);
  const cue = flipDistinct(target, flips, rng);
  let backend = 'typed-array';
  let result: RecallResult;
  if (config.backend === 'typed-array') {
    const opts = { dynamics, temperature: config.temperature, order: config.order, rng };
    result = recall(net, cue, { ...opts, maxSteps, target, now: () => performance.now() });
  } else {
    backend = await initTf(config.backend);
    result = await recallTensor(net, cue, maxSteps, target);
  }
  const verdict = classify(x, result.final, 0, result.cycled);
  return {
    experiment: 'recall',
    units: d,
    patterns: n,
    alpha: n / d,
    flips,
    rule,
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

/**
 * Synchronous recall of one cue with the tfjs batched step (B = 1): the same
 * stop rules as the typed-array Stepper (no flips = fixed point; the state
 * two steps ago again = 2-cycle). Energies are computed on the downloaded state.
 */
async function recallTensor(
  net: Network,
  cue: Bipolar,
  maxSteps: number,
  target: Int8Array,
): Promise<RecallResult> {
  const d = net.d;
  const memory =
    net.rule === 'hebbian' ? patternsTensor(net.patterns) : weightsTensor(net.weights(), d);
  let s = bipolarTensor(cue, 1, d);
  let state: Int8Array = cue.slice();
  let prev = state;
  let twoAgo: Int8Array;
  const energy = [net.energy(state)];
  const dist = [hamming(state, target)];
  const stepMs: number[] = [];
  let steps = 0;
  let converged = false;
  let cycled = false;
  try {
    while (steps < maxSteps && !converged && !cycled) {
      const t0 = performance.now();
      const next =
        net.rule === 'hebbian' ? hebbianBatchStep(memory, s) : weightsBatchStep(memory, s);
      const values = await next.data();
      stepMs.push(performance.now() - t0);
      s.dispose();
      s = next;
      twoAgo = prev;
      prev = state;
      state = Int8Array.from(values);
      steps++;
      converged = equal(state, prev);
      cycled = !converged && steps >= 2 && equal(state, twoAgo);
      energy.push(net.energy(state));
      dist.push(hamming(state, target));
    }
  } finally {
    tf.dispose([memory, s]);
  }
  return { final: state as Bipolar, steps, converged, cycled, energy, hamming: dist, stepMs };
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
  run: (values, io) => runRecall(recallConfig(values, io)),
});
