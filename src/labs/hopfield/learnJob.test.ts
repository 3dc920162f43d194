import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { learn, randomPatterns, type LearnOptions, type Rule } from '../../models/classic/hopfield';
import { learnPart, learnsInWorker, networkFrom, type LearnJob } from './learnJob';

const x = randomPatterns(6, 100, createRng(3));
const CASES: [Rule, LearnOptions][] = [
  ['storkey', { diagonal: 'zero' }],
  ['storkey', { diagonal: 'keep' }],
  ['krauth-mezard', { margin: 0.5 }],
  ['unlearning', { dreams: 30, epsilon: 0.02, seed: 7 }],
];

describe('learning in the worker', () => {
  it.each(CASES)('%s gives the very network learn() gives on the page (%j)', (rule, opts) => {
    const job: LearnJob = { id: 1, rule, n: x.n, d: x.d, data: x.data.slice(), opts };
    const seen: number[] = [];
    const net = networkFrom(
      rule,
      x,
      opts,
      learnPart(job, (f) => seen.push(f)),
    );
    const ref = learn(rule, x, opts);
    expect(Array.from(net.weights())).toEqual(Array.from(ref.weights()));
    expect(net.symmetric).toBe(ref.symmetric);
    const s = x.data.slice(0, x.d);
    expect(net.energy(s)).toBe(ref.energy(s));
    // Progress rises to 1.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('sends only big, slow learning there', () => {
    expect(learnsInWorker('storkey', 20, 4096, {})).toBe(true);
    expect(learnsInWorker('krauth-mezard', 20, 4096, {})).toBe(true);
    expect(learnsInWorker('unlearning', 20, 4096, { dreams: 200 })).toBe(true);
    expect(learnsInWorker('storkey', 8, 256, {})).toBe(false);
    expect(learnsInWorker('hebbian', 200, 4096, {})).toBe(false);
    expect(learnsInWorker('storkey', 0, 4096, {})).toBe(false);
  });
});
