import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { flipDistinct } from './corrupt';
import { glauberProbability, recall, Stepper, type Dynamics } from './dynamics';
import { learn, randomPatterns, RULES } from './hopfield';
import { DenseNetwork } from './networks';
import { equal, hamming, row, type Bipolar } from '../../core/pattern';
import { matrix } from '../../testing/denseReference';

const bip = (values: number[]): Bipolar => Int8Array.from(values) as Bipolar;

describe('asynchronous dynamics', () => {
  // Krauth-Mezard's W is not symmetric, so its energy may rise (rules.test.ts checks the recompute).
  it.each(RULES.filter((r) => r !== 'krauth-mezard'))(
    '%s: energy never rises at any unit update, and dE matches a recompute',
    (rule) => {
      let flips = 0;
      for (let seed = 0; seed < 15; seed++) {
        const rng = createRng(seed);
        const x = randomPatterns(9, 60, rng);
        const net = learn(rule, x);
        const cue = flipDistinct(row(x, 0), 24, rng);
        const stepper = new Stepper(net, cue, { dynamics: 'async', rng });
        let last = stepper.energy;
        expect(last).toBeCloseTo(net.energy(cue), 9);
        for (let t = 0; t < 60 * 30 && stepper.status === 'running'; t++) {
          if (stepper.stepUnit().flipped) flips++;
          expect(stepper.energy).toBeLessThanOrEqual(last + 1e-9);
          expect(stepper.energy).toBeCloseTo(net.energy(stepper.state), 6);
          last = stepper.energy;
        }
        expect(stepper.status).toBe('fixed-point');
      }
      expect(flips).toBeGreaterThan(100); // the check above saw real flips
    },
  );

  it('random order: a fresh permutation each sweep; sequential: 0..D-1', () => {
    const x = randomPatterns(3, 20, createRng(1));
    const net = learn('hebbian', x);
    const random = new Stepper(net, row(x, 0), { dynamics: 'async', rng: createRng(2) });
    const sweeps = [0, 1].map(() => Array.from({ length: 20 }, () => random.stepUnit().unit));
    for (const sweep of sweeps)
      expect([...sweep].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(sweeps[0]).not.toEqual(sweeps[1]);
    const seq = new Stepper(net, row(x, 0), {
      dynamics: 'async',
      order: 'sequential',
      rng: createRng(2),
    });
    expect(Array.from({ length: 20 }, () => seq.stepUnit().unit)).toEqual([...Array(20).keys()]);
  });

  it('counts sweeps as steps and single updates as unitsUpdated', () => {
    const x = randomPatterns(3, 30, createRng(3));
    const stepper = new Stepper(learn('hebbian', x), row(x, 1), {
      dynamics: 'async',
      rng: createRng(4),
    });
    for (let t = 0; t < 45; t++) stepper.stepUnit();
    expect(stepper.unitsUpdated).toBe(45);
    expect(stepper.steps).toBe(1);
    stepper.step(); // finishes the current sweep
    expect(stepper.unitsUpdated).toBe(60);
    expect(stepper.steps).toBe(2);
    expect(stepper.status).toBe('fixed-point');
  });
});

describe('synchronous dynamics', () => {
  it('detects a 2-cycle (D=2, one stored pattern (1,1), cue (1,-1))', () => {
    const net = learn('hebbian', matrix([[1, 1]]));
    const stepper = new Stepper(net, bip([1, -1]), { dynamics: 'sync', rng: createRng(1) });
    expect(stepper.step()).toBe(2);
    expect(Array.from(stepper.state)).toEqual([-1, 1]);
    expect(stepper.status).toBe('running');
    stepper.step();
    expect(Array.from(stepper.state)).toEqual([1, -1]);
    expect(stepper.status).toBe('cycle');
  });

  it('detects a 2-cycle that async dynamics escapes (D=4, all-ones pattern)', () => {
    const net = learn('hebbian', matrix([[1, 1, 1, 1]]));
    const cue = bip([1, 1, -1, -1]);
    const sync = recall(net, cue, { dynamics: 'sync', rng: createRng(1) });
    expect(sync.cycled).toBe(true);
    expect(sync.converged).toBe(false);
    expect(sync.steps).toBe(2);
    const async = recall(net, cue, { dynamics: 'async', rng: createRng(1) });
    expect(async.converged).toBe(true);
    expect(Math.abs(async.final.reduce((a, v) => a + v, 0))).toBe(4);
  });

  it('tie rule: h_i = 0 keeps the current state', () => {
    // w01 = 1, w02 = -1: with s = (-1, 1, 1), h_0 = s_1 - s_2 = 0.
    const w = Float32Array.from([0, 1, -1, 1, 0, 0, -1, 0, 0]);
    const net = new DenseNetwork('storkey', matrix([[1, 1, 1]]), w);
    const stepper = new Stepper(net, bip([-1, 1, 1]), { dynamics: 'sync', rng: createRng(1) });
    expect(stepper.step()).toBe(1);
    expect(Array.from(stepper.state)).toEqual([-1, -1, 1]);
    const empty = learn('hebbian', randomPatterns(0, 5, createRng(1)));
    const still = new Stepper(empty, bip([1, -1, 1, 1, -1]), {
      dynamics: 'sync',
      rng: createRng(1),
    });
    expect(still.step()).toBe(0);
    expect(still.status).toBe('fixed-point');
  });

  it('refuses stepUnit', () => {
    const x = randomPatterns(2, 8, createRng(1));
    const stepper = new Stepper(learn('hebbian', x), row(x, 0), {
      dynamics: 'sync',
      rng: createRng(1),
    });
    expect(() => stepper.stepUnit()).toThrow(/step\(\)/);
  });
});

describe('recall', () => {
  it.each(['sync', 'async'] as Dynamics[])(
    '%s: every rule recovers a pattern from 20 of 200 units flipped, below capacity',
    (dynamics) => {
      for (const rule of RULES) {
        const rng = createRng(21);
        const x = randomPatterns(5, 200, rng);
        const target = row(x, 2);
        const cue = flipDistinct(target, 20, rng);
        const result = recall(learn(rule, x), cue, { dynamics, rng, target });
        expect(equal(result.final, target)).toBe(true);
        expect(result.converged).toBe(true);
        expect(result.hamming[0]).toBe(20);
        expect(result.hamming.at(-1)).toBe(0);
        expect(result.energy.length).toBe(result.steps + 1);
        expect(result.energy.at(-1)).toBeLessThan(result.energy[0]);
      }
    },
  );

  it('a stored pattern converges in one step; maxSteps caps; the clock times each step', () => {
    const rng = createRng(5);
    const x = randomPatterns(4, 100, rng);
    const net = learn('hebbian', x);
    const fixed = recall(net, row(x, 0), { dynamics: 'sync', rng });
    expect(fixed.steps).toBe(1);
    expect(fixed.converged).toBe(true);
    expect(fixed.stepMs).toBeUndefined();
    const capped = recall(net, bip([...Array(100)].map(() => (rng.next() < 0.5 ? -1 : 1))), {
      dynamics: 'stochastic',
      temperature: 50,
      rng,
      maxSteps: 3,
      now: () => performance.now(),
    });
    expect(capped.steps).toBe(3);
    expect(capped.converged).toBe(false);
    expect(capped.stepMs).toHaveLength(3);
  });

  it('copies the cue and checks it', () => {
    const x = randomPatterns(2, 10, createRng(1));
    const net = learn('hebbian', x);
    const cue = row(x, 0).slice();
    const stepper = new Stepper(net, cue, { dynamics: 'sync', rng: createRng(1) });
    cue[0] = -cue[0];
    expect(equal(stepper.state, row(x, 0))).toBe(true);
    expect(
      () => new Stepper(net, new Int8Array(9).fill(1), { dynamics: 'sync', rng: createRng(1) }),
    ).toThrow(RangeError);
    expect(
      () => new Stepper(net, new Int8Array(10), { dynamics: 'sync', rng: createRng(1) }),
    ).toThrow(RangeError);
  });
});

describe('stochastic (Glauber) dynamics', () => {
  it('P(s_i = +1) = 1 / (1 + exp(-2 h / T))', () => {
    expect(glauberProbability(0, 1)).toBe(0.5);
    expect(glauberProbability(1, 1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(glauberProbability(-3, 0.5)).toBeCloseTo(1 / (1 + Math.exp(12)), 12);
    expect(glauberProbability(1e6, 1)).toBe(1);
    expect(glauberProbability(-1e6, 1)).toBe(0);
  });

  it('samples the Boltzmann distribution: P(aligned) = 1 / (1 + e^{-2/T}) for w_01 = 1', () => {
    const net = learn('hebbian', matrix([[1, 1]]));
    const stepper = new Stepper(net, bip([1, 1]), {
      dynamics: 'stochastic',
      temperature: 1,
      rng: createRng(7),
    });
    let aligned = 0;
    const sweeps = 40_000;
    for (let t = 0; t < sweeps; t++) {
      stepper.step();
      if (stepper.state[0] === stepper.state[1]) aligned++;
    }
    expect(aligned / sweeps).toBeCloseTo(1 / (1 + Math.exp(-2)), 2);
  });

  it('T <= 0 is the deterministic rule; a high T scrambles a stored pattern', () => {
    const rng = createRng(8);
    const x = randomPatterns(5, 150, rng);
    const net = learn('hebbian', x);
    const cue = flipDistinct(row(x, 0), 30, rng);
    const cold = recall(net, cue, { dynamics: 'stochastic', temperature: 0, rng: createRng(9) });
    const det = recall(net, cue, { dynamics: 'async', rng: createRng(9) });
    expect(equal(cold.final, det.final)).toBe(true);
    const hot = recall(net, row(x, 0), {
      dynamics: 'stochastic',
      temperature: 300, // 10 x the typical field D/N at a stored pattern
      rng: createRng(9),
      maxSteps: 5,
    });
    expect(hamming(hot.final, row(x, 0))).toBeGreaterThan(40);
  });
});
