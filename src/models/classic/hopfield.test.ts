import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import {
  hebbianWeights,
  learn,
  pseudoInverseWeights,
  randomPatterns,
  RULES,
  storkeyWeights,
} from './hopfield';
import { row } from '../../core/pattern';
import {
  denseEnergy,
  denseField,
  matrix,
  maxAbsDiff,
  naiveStorkey,
} from '../../testing/denseReference';

function randomState(d: number, seed: number): Int8Array {
  const rng = createRng(seed);
  return Int8Array.from({ length: d }, () => (rng.next() < 0.5 ? -1 : 1));
}

function expectSymmetricZeroDiagonal(w: Float32Array, d: number): void {
  for (let i = 0; i < d; i++) {
    expect(w[i * d + i]).toBe(0);
    for (let j = 0; j < i; j++) expect(w[i * d + j]).toBe(w[j * d + i]);
  }
}

describe('hebbian rule', () => {
  it('is (1/N) sum xi xi^T, symmetric with a zero diagonal', () => {
    const x = randomPatterns(7, 30, createRng(1));
    const w = hebbianWeights(x);
    expectSymmetricZeroDiagonal(w, 30);
    let sum = 0;
    for (let mu = 0; mu < 7; mu++) sum += row(x, mu)[3] * row(x, mu)[11];
    expect(w[3 * 30 + 11]).toBe(Math.fround(sum / 7));
  });

  it('stores nothing with N = 0', () => {
    const net = learn('hebbian', randomPatterns(0, 10, createRng(1)));
    const s = randomState(10, 2);
    expect(Array.from(net.field(s, new Float32Array(10)))).toEqual(new Array(10).fill(0));
    expect(net.energy(s)).toBe(0);
  });
});

describe('storkey rule', () => {
  it('equals a naive triple loop written from the formula (D=12, N=4)', () => {
    const x = randomPatterns(4, 12, createRng(3));
    expect(maxAbsDiff(storkeyWeights(x), naiveStorkey(x))).toBeLessThan(1e-5);
  });

  it('is symmetric with a zero diagonal', () => {
    expectSymmetricZeroDiagonal(storkeyWeights(randomPatterns(6, 40, createRng(4))), 40);
  });

  it('first pattern gives xi_i xi_j / D', () => {
    const x = randomPatterns(1, 9, createRng(5));
    const w = storkeyWeights(x);
    const xi = row(x, 0);
    expect(w[2 * 9 + 7]).toBeCloseTo((xi[2] * xi[7]) / 9, 7);
  });
});

describe('pseudo-inverse rule', () => {
  it('makes independent patterns fixed points even at N close to D (D=32, N=24)', () => {
    const x = randomPatterns(24, 32, createRng(6));
    const net = learn('pseudoinverse', x);
    const h = new Float32Array(32);
    for (let mu = 0; mu < 24; mu++) {
      const xi = row(x, mu);
      net.field(xi, h);
      for (let i = 0; i < 32; i++) expect(h[i] * xi[i]).toBeGreaterThanOrEqual(0);
    }
  });

  it('W is symmetric, zero diagonal, and P xi = xi before zeroing', () => {
    const x = randomPatterns(5, 20, createRng(7));
    const w = pseudoInverseWeights(x);
    expectSymmetricZeroDiagonal(w, 20);
    // (W xi)_i + P_ii xi_i = xi_i, with P_ii = 1 - (W xi)_i xi_i in [0, 1].
    const h = denseField(w, row(x, 2));
    for (let i = 0; i < 20; i++) {
      const pii = 1 - h[i] * row(x, 2)[i];
      expect(pii).toBeGreaterThanOrEqual(-1e-6);
      expect(pii).toBeLessThanOrEqual(1 + 1e-6);
    }
  });

  it('throws a clear error for linearly dependent patterns', () => {
    const dup = matrix([
      [1, -1, 1, 1],
      [1, 1, -1, 1],
      [-1, 1, -1, -1],
    ]);
    expect(() => learn('pseudoinverse', dup)).toThrow(/linearly dependent/);
    expect(() => learn('pseudoinverse', randomPatterns(9, 8, createRng(1)))).toThrow(
      /linearly dependent/,
    );
  });
});

describe('every rule', () => {
  it.each(RULES)(
    '%s: stored patterns are fixed points well below capacity (D=200, N=5)',
    (rule) => {
      const x = randomPatterns(5, 200, createRng(8));
      const net = learn(rule, x);
      const h = new Float32Array(200);
      for (let mu = 0; mu < 5; mu++) {
        const xi = row(x, mu);
        net.field(xi, h);
        let unstable = 0;
        for (let i = 0; i < 200; i++) if (h[i] * xi[i] <= 0) unstable++;
        expect(unstable).toBe(0);
      }
    },
  );

  // Krauth-Mezard's W is not symmetric (rules.test.ts); dense-am has no pairwise W for n > 2.
  const SYMMETRIC_W = RULES.filter((r) => r !== 'krauth-mezard' && r !== 'dense-am');

  it.each(SYMMETRIC_W)('%s: field, energy and weight(i, j) agree with the dense W', (rule) => {
    const d = 40;
    const x = randomPatterns(6, d, createRng(9));
    const net = learn(rule, x);
    const w = net.weights();
    expect(w.length).toBe(d * d);
    expectSymmetricZeroDiagonal(w, d);
    for (let seed = 0; seed < 5; seed++) {
      const s = randomState(d, 100 + seed);
      expect(maxAbsDiff(net.field(s, new Float32Array(d)), denseField(w, s))).toBeLessThan(1e-5);
      expect(net.energy(s)).toBeCloseTo(denseEnergy(w, s), 4);
    }
    for (const [i, j] of [
      [0, 1],
      [5, 5],
      [39, 2],
      [17, 23],
    ]) {
      expect(net.weight(i, j)).toBeCloseTo(w[i * d + j], 6);
    }
  });

  it.each(['hebbian', 'pseudoinverse'] as const)(
    '%s: a state edited in place between calls is not served stale overlaps',
    (rule) => {
      const x = randomPatterns(4, 30, createRng(16));
      const net = learn(rule, x);
      const w = net.weights();
      const s = randomState(30, 17);
      net.energy(s);
      s[7] = -s[7];
      expect(maxAbsDiff(net.field(s, new Float32Array(30)), denseField(w, s))).toBeLessThan(1e-5);
      s[3] = -s[3];
      expect(net.energy(s)).toBeCloseTo(denseEnergy(w, s), 4);
    },
  );

  it('hebbian energy is -(1/(2N)) sum_mu (xi.s)^2 + D/2', () => {
    const x = randomPatterns(3, 16, createRng(10));
    const s = randomState(16, 11);
    let sq = 0;
    for (let mu = 0; mu < 3; mu++) {
      let dot = 0;
      for (let i = 0; i < 16; i++) dot += row(x, mu)[i] * s[i];
      sq += dot * dot;
    }
    expect(learn('hebbian', x).energy(s)).toBeCloseTo(-sq / 6 + 8, 10);
  });

  it('rejects an unknown rule', () => {
    expect(() => learn('oja' as never, randomPatterns(1, 4, createRng(1)))).toThrow(RangeError);
  });
});

describe('field caches (single-unit updates)', () => {
  it.each(RULES)('%s: cached fields follow flips and match a recompute', (rule) => {
    const d = 50;
    const x = randomPatterns(7, d, createRng(12));
    const net = learn(rule, x);
    const s = randomState(d, 13);
    const cache = net.fieldCache(s);
    const rng = createRng(14);
    for (let t = 0; t < 40; t++) {
      const i = rng.int(d);
      s[i] = -s[i];
      cache.flipped(i);
    }
    const h = net.field(s, new Float32Array(d));
    for (let i = 0; i < d; i++) expect(cache.at(i)).toBeCloseTo(h[i], 5);
    s.fill(1);
    cache.reset();
    net.field(s, h);
    for (let i = 0; i < d; i++) expect(cache.at(i)).toBeCloseTo(h[i], 5);
  });
});

describe('randomPatterns', () => {
  it('is seeded, bipolar and roughly unbiased', () => {
    const a = randomPatterns(10, 500, createRng(15));
    const b = randomPatterns(10, 500, createRng(15));
    expect(a.data).toEqual(b.data);
    let plus = 0;
    for (const v of a.data) {
      expect(Math.abs(v)).toBe(1);
      if (v === 1) plus++;
    }
    expect(plus / 5000).toBeGreaterThan(0.47);
    expect(plus / 5000).toBeLessThan(0.53);
  });
});
