import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { MNIST_PIXELS, sampleDigits, signedMatrix } from '../../data/mnist';
import { loadMnistNode } from '../../data/mnistNode';
import { makeCue } from './imageCue';
import { cosine, effectiveCount, referenceAttention, referenceStep } from './modernHopfield';
import { betaForSpread, spreadAt } from './spread';

describe('spreadAt', () => {
  it('is 1 / sum p^2 of the softmax, N at beta 0, and falls as beta grows', () => {
    const rng = createRng(4);
    const s = Array.from({ length: 200 }, () => rng.normal() * 30);
    expect(spreadAt(s, 0)).toBeCloseTo(200, 8);
    const p = referenceAttention(s, 200, 1, [1], 0.05);
    expect(spreadAt(s, 0.05)).toBeCloseTo(effectiveCount(p), 8);
    let last = Infinity;
    for (let b = 1e-4; b < 10; b *= 1.5) {
      const n = spreadAt(s, b);
      expect(n).toBeLessThanOrEqual(last + 1e-9);
      last = n;
    }
    expect(last).toBeCloseTo(1, 3);
  });
});

describe('betaForSpread', () => {
  it('finds the beta whose attention spreads over the target, and says when it cannot', () => {
    const rng = createRng(9);
    const s = Array.from({ length: 500 }, () => rng.normal());
    for (const target of [3, 10, 40]) {
      const r = betaForSpread(s, target);
      expect(r.reached).toBe(true);
      expect(r.nEff).toBeCloseTo(target, 1);
      expect(spreadAt(s, r.betaEff)).toBeCloseTo(r.nEff, 10);
    }
    // Twelve patterns tied at the top: no beta brings the spread below 12.
    const tied = [...new Array(12).fill(5), ...new Array(100).fill(0)];
    const r = betaForSpread(tied, 10);
    expect(r.reached).toBe(false);
    expect(r.nEff).toBeCloseTo(12, 3);
    expect(betaForSpread([1, 2, 3], 10)).toMatchObject({ nEff: expect.closeTo(3, 3) });
  });

  it('on real digits, two cues get different betas and different blends of ~10 digits', async () => {
    const set = await loadMnistNode();
    const d = MNIST_PIXELS;
    const stored = sampleDigits(set, 1000, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(1));
    const x = signedMatrix(set, stored);
    const n = stored.length;
    const runs = [0, 7, 300].map((pos) => {
      const truth = x.subarray(pos * d, (pos + 1) * d);
      const cue = makeCue(truth, 28, 28, { region: 'bottom', amount: 0.5, noise: 0 }, createRng(5));
      const s = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < d; k++) s[i] += x[i * d + k] * cue[k];
      }
      const found = betaForSpread(s, 10, { tolerance: 1e-4 });
      const { next: blend, p } = referenceStep(x, n, d, cue, found.betaEff);
      // The class holding most of the attention.
      const mass = new Array<number>(10).fill(0);
      p.forEach((w, i) => (mass[set.labels[stored[i]]] += w));
      const top = mass.indexOf(Math.max(...mass));
      return { found, blend, nEff: effectiveCount(p), top, label: set.labels[stored[pos]] };
    });
    for (const r of runs) {
      expect(r.nEff).toBeGreaterThan(9.9);
      expect(r.nEff).toBeLessThan(10.1);
      expect(r.top).toBe(r.label); // a blend of similar digits: mostly the cue's own class
    }
    const betas = runs.map((r) => r.found.betaEff);
    expect(new Set(betas.map((b) => b.toPrecision(3))).size).toBe(3);
    expect(Math.max(...betas) / Math.min(...betas)).toBeGreaterThan(1.2);
    expect(cosine(runs[0].blend, runs[1].blend)).toBeLessThan(0.97);
    expect(cosine(runs[1].blend, runs[2].blend)).toBeLessThan(0.97);
  });
});
