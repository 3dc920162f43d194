/**
 * The checkerboard demo: 50 x 50 units, random patterns plus a
 * checkerboard of 5 x 5 squares, a cue with 1000 distinct units of the
 * checkerboard flipped, recalled with Hebbian and Storkey weights, each
 * synchronously and asynchronously.
 *
 * Two settings. The seed project's own (50 random patterns) is light: all
 * four runs reach the checkerboard, and only the energy curves differ
 * (asynchronous energy never rises). The loaded one (150 random patterns,
 * found by measurement, docs/rules.md) parts them: Hebbian's basin no
 * longer reaches a cue 40 % away (it ends in a spurious state, at seed 1
 * asynchronously, and synchronously at seeds 2 and 3), while Storkey
 * recalls it both ways. So does the noisy one (the seed's load, 1150 units
 * flipped): Hebbian fails both ways at seeds 1 to 3 (at seed 1 its
 * synchronous run falls into the inverted pattern), Storkey recalls at
 * seeds 1 to 4. The unit tests assert seed 1 of each.
 */
import { createRng } from '../../core/random';
import type { Pace } from '../../core/pace';
import { flipDistinct } from '../../models/classic/corrupt';
import { recall, Stepper, type Dynamics } from '../../models/classic/dynamics';
import { classify, type Verdict } from '../../models/classic/classify';
import { learn, type Network, type Rule } from '../../models/classic/hopfield';
import { DenseNetwork, HebbianNetwork } from '../../models/classic/networks';
import { StorkeyLearner } from '../../models/experiments/learners';
import { hamming, row, stack, type Bipolar, type PatternMatrix } from '../../core/pattern';
import { checkerboard, randomPattern } from '../../data/presets';

export interface DemoSetting {
  side: number;
  randoms: number;
  square: number;
  flips: number;
}

/** The seed project's setting. */
export const DEMO: DemoSetting = { side: 50, randoms: 50, square: 5, flips: 1000 };

/** Three times the seed's load, the same cue: where the rules part. */
export const LOADED_DEMO: DemoSetting = { ...DEMO, randoms: 150 };

/** The seed's load, a noisier cue (46 % flipped): where the rules part too, at a third of the learning. */
export const NOISY_DEMO: DemoSetting = { ...DEMO, flips: 1150 };

export const DEMO_SETTINGS = { seed: DEMO, loaded: LOADED_DEMO, noisy: NOISY_DEMO } as const;
export type DemoSettingName = keyof typeof DEMO_SETTINGS;

export interface DemoSetup {
  x: PatternMatrix;
  names: string[];
  /** Index of the checkerboard among the stored patterns (the last one). */
  target: number;
  cue: Int8Array;
}

export function demoSetup(seed: number, setting: DemoSetting = DEMO): DemoSetup {
  const rng = createRng(seed);
  const d = setting.side * setting.side;
  const patterns: Bipolar[] = [];
  for (let i = 0; i < setting.randoms; i++) patterns.push(randomPattern(d, rng));
  const board = checkerboard(setting.side, setting.side, setting.square);
  patterns.push(board);
  return {
    x: stack(patterns, d),
    names: [...patterns.slice(0, -1).map((_, i) => `Random ${i + 1}`), 'Checkerboard'],
    target: setting.randoms,
    cue: flipDistinct(board, setting.flips, rng),
  };
}

export interface DemoRun {
  rule: Rule;
  dynamics: Dynamics;
  energy: number[];
  hamming: number[];
  steps: number;
  verdict: Verdict;
}

export const DEMO_RUNS: { rule: Rule; dynamics: Dynamics }[] = [
  { rule: 'hebbian', dynamics: 'sync' },
  { rule: 'hebbian', dynamics: 'async' },
  { rule: 'storkey', dynamics: 'sync' },
  { rule: 'storkey', dynamics: 'async' },
];

const MAX_STEPS = 50;

/** One of the four runs; all share the setup and the seed of the update order. */
export function runDemo(
  setup: DemoSetup,
  rule: Rule,
  dynamics: Dynamics,
  seed: number,
  net: Network = learn(rule, setup.x),
): DemoRun {
  const target = row(setup.x, setup.target);
  const r = recall(net, setup.cue, {
    dynamics,
    rng: createRng(seed + 1),
    maxSteps: MAX_STEPS,
    target,
  });
  return {
    rule,
    dynamics,
    energy: r.energy,
    hamming: r.hamming,
    steps: r.steps,
    verdict: classify(setup.x, r.final, setup.target, r.cycled),
  };
}

/**
 * The four runs for the page, in chunks on `pace`: Storkey is learned a few
 * patterns per chunk (StorkeyLearner, the same weights up to float32
 * rounding as learn('storkey')), each network once for both dynamics, and
 * recall goes a step (or sweep) per chunk, so no task holds the page long.
 * `onRun` gets each run as it ends; `progress` the fraction done.
 */
export async function runDemoPaced(
  setup: DemoSetup,
  seed: number,
  pace: Pace,
  onRun: (run: DemoRun) => void,
  progress: (fraction: number) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<void> {
  const { x } = setup;
  const d = x.d;
  const learner = new StorkeyLearner(d);
  for (let k = 0; k < x.n && !cancelled();) {
    await pace.pause();
    const t0 = performance.now();
    const count = Math.min(x.n - k, Math.max(1, pace.chunk('storkey', 8)));
    learner.growTo(x, k + count);
    pace.record('storkey', count, performance.now() - t0);
    k += count;
    progress((0.5 * k) / x.n);
  }
  await pace.pause();
  const w = learner.weights(); // mirrors D^2 / 2 weights: a task of its own
  await pace.pause();
  const nets: Record<'hebbian' | 'storkey', Network> = {
    hebbian: new HebbianNetwork(x),
    storkey: new DenseNetwork('storkey', x, w),
  };
  const target = row(x, setup.target);
  for (const [k, { rule, dynamics }] of DEMO_RUNS.entries()) {
    if (cancelled()) return;
    const net = nets[rule as 'hebbian' | 'storkey'];
    await pace.pause();
    const stepper = new Stepper(net, setup.cue, { dynamics, rng: createRng(seed + 1) });
    const energy = [stepper.energy];
    const dist = [hamming(stepper.state, target)];
    while (stepper.steps < MAX_STEPS && (stepper.steps === 0 || stepper.status === 'running')) {
      await pace.pause();
      if (cancelled()) return;
      stepper.step();
      // A synchronous step's energy is a second pass over W: read it in the next task.
      await pace.pause();
      energy.push(stepper.energy);
      dist.push(hamming(stepper.state, target));
    }
    onRun({
      rule,
      dynamics,
      energy,
      hamming: dist,
      steps: stepper.steps,
      verdict: classify(x, stepper.state, setup.target, stepper.status === 'cycle'),
    });
    progress(0.5 + (0.5 * (k + 1)) / DEMO_RUNS.length);
  }
}
