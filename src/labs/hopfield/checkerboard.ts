/**
 * The checkerboard demo: 50 x 50 units, 50 random patterns plus a
 * checkerboard of 5 x 5 squares, a cue with 1000 distinct units of the
 * checkerboard flipped, recalled with Hebbian and Storkey weights, each
 * synchronously and asynchronously. The energy curves show the difference:
 * asynchronous energy never rises; the rules differ in how well the
 * checkerboard survives 50 other memories.
 */
import { createRng } from '../../core/random';
import { flipDistinct } from '../../models/classic/corrupt';
import { recall, classify, type Dynamics, type Verdict } from '../../models/classic/dynamics';
import { learn, type Rule } from '../../models/classic/hopfield';
import { stack, type Bipolar, type PatternMatrix } from '../../core/pattern';
import { checkerboard, randomPattern } from '../../data/presets';

export const DEMO = { side: 50, randoms: 50, square: 5, flips: 1000 };

export interface DemoSetup {
  x: PatternMatrix;
  names: string[];
  /** Index of the checkerboard among the stored patterns (the last one). */
  target: number;
  cue: Int8Array;
}

export function demoSetup(seed: number): DemoSetup {
  const rng = createRng(seed);
  const d = DEMO.side * DEMO.side;
  const patterns: Bipolar[] = [];
  for (let i = 0; i < DEMO.randoms; i++) patterns.push(randomPattern(d, rng));
  const board = checkerboard(DEMO.side, DEMO.side, DEMO.square);
  patterns.push(board);
  return {
    x: stack(patterns, d),
    names: [...patterns.slice(0, -1).map((_, i) => `Random ${i + 1}`), 'Checkerboard'],
    target: DEMO.randoms,
    cue: flipDistinct(board, DEMO.flips, rng),
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

/** One of the four runs; all share the setup and the seed of the update order. */
export function runDemo(setup: DemoSetup, rule: Rule, dynamics: Dynamics, seed: number): DemoRun {
  const net = learn(rule, setup.x);
  const target = setup.x.data.subarray(setup.target * setup.x.d, (setup.target + 1) * setup.x.d);
  const r = recall(net, setup.cue, { dynamics, rng: createRng(seed + 1), maxSteps: 50, target });
  return {
    rule,
    dynamics,
    energy: r.energy,
    hamming: r.hamming,
    steps: r.steps,
    verdict: classify(setup.x, r.final, setup.target, r.cycled),
  };
}
