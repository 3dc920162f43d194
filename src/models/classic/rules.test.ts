import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { asBipolar, row, stack, type PatternMatrix } from '../../core/pattern';
import { flipFraction } from './corrupt';
import { DenseAMNetwork, makeG } from './denseAM';
import { recall, Stepper } from './dynamics';
import { learn, randomPatterns, storkeyWeights, type Network } from './hopfield';
import { HebbianNetwork } from './networks';
import { krauthMezardWeights, stabilities } from './rules';
import { unlearningWeights } from './unlearning';
import { naiveStorkey } from '../../testing/denseReference';

/** Exact-recall rate of `cues` stored patterns with `flip` of their units flipped, synchronous. */
function exactRate(net: Network, x: PatternMatrix, cues: number, flip: number, seed: number) {
  const rng = createRng(seed);
  let ok = 0;
  for (let c = 0; c < cues; c++) {
    const xi = row(x, c % x.n);
    const r = recall(net, flipFraction(xi, flip, rng), { dynamics: 'sync', rng, maxSteps: 30 });
    if (r.final.every((v, i) => v === xi[i])) ok++;
  }
  return ok / cues;
}

describe('Krauth-Mezard', () => {
  it('below the Gardner bound, every stored bit reaches the margin; W is not symmetric, w_ii = 0', () => {
    const x = randomPatterns(30, 100, createRng(3)); // alpha 0.3 < alpha_c(1) = 0.52
    const km = krauthMezardWeights(x, 1);
    expect(km.convergedRows).toBe(100);
    const k = stabilities(km.w, x);
    expect(Math.min(...k)).toBeGreaterThanOrEqual(1 - 1e-5);
    expect(km.minStability).toBeGreaterThanOrEqual(1 - 1e-9);
    let asym = 0;
    for (let i = 0; i < 100; i++) {
      expect(km.w[i * 100 + i]).toBe(0);
      for (let j = i + 1; j < 100; j++) asym += Math.abs(km.w[i * 100 + j] - km.w[j * 100 + i]);
    }
    expect(asym).toBeGreaterThan(0.1);
  });

  it('above the bound (alpha 1.5 at c = 1) some rows cannot reach it', () => {
    const x = randomPatterns(60, 40, createRng(4));
    const km = krauthMezardWeights(x, 1, 2000);
    expect(km.convergedRows).toBeLessThan(40);
    expect(km.minStability).toBeLessThan(1);
  });

  it('recalls at a load where Hebbian fails, and the Stepper recomputes its energy (W asymmetric)', () => {
    const x = randomPatterns(30, 100, createRng(5));
    const km = learn('krauth-mezard', x);
    expect(km.symmetric).toBe(false);
    expect(exactRate(km, x, 30, 0.1, 9)).toBe(1);
    expect(exactRate(learn('hebbian', x), x, 30, 0.1, 9)).toBeLessThan(0.3);
    const st = new Stepper(km, flipFraction(row(x, 0), 0.2, createRng(1)), {
      dynamics: 'async',
      rng: createRng(2),
    });
    st.step();
    expect(st.energy).toBeCloseTo(km.energy(st.state), 4);
  });
});

describe('unlearning (Hopfield, Feinstein & Palmer 1983)', () => {
  it('raises exact recall above Hebbian at a load past Hebbian capacity (seeded)', () => {
    let heb = 0;
    let unl = 0;
    for (const seed of [1, 2, 3, 4]) {
      const x = randomPatterns(20, 100, createRng(seed)); // 0.2 > D/(2 ln D)/D = 0.11
      heb += exactRate(learn('hebbian', x), x, 20, 0.1, seed) / 4;
      unl += exactRate(learn('unlearning', x, { seed }), x, 20, 0.1, seed) / 4;
    }
    expect(heb).toBeLessThan(0.5);
    expect(unl).toBeGreaterThan(heb + 0.3);
  });

  it('keeps W symmetric with a zero diagonal; no dreams is Hebbian (1/D)', () => {
    const x = randomPatterns(10, 50, createRng(7));
    const w = unlearningWeights(x, { dreams: 30, epsilon: 0.01, seed: 1 });
    for (let i = 0; i < 50; i++) {
      expect(w[i * 50 + i]).toBe(0);
      for (let j = 0; j < 50; j++) expect(w[i * 50 + j]).toBe(w[j * 50 + i]);
    }
    const w0 = unlearningWeights(x, { dreams: 0, epsilon: 0.01, seed: 1 });
    const heb = new HebbianNetwork(x).weights(); // 1/N
    for (let k = 0; k < w0.length; k++) expect(w0[k]).toBeCloseTo((heb[k] * 10) / 50, 6);
  });
});

describe('dense associative memory', () => {
  it('G(a) = (a+1)^n - (a-1)^n', () => {
    for (const n of [2, 3, 4, 7]) {
      const g = makeG(n);
      for (const a of [-5, -1, 0, 2, 9]) expect(g(a)).toBeCloseTo((a + 1) ** n - (a - 1) ** n, 6);
    }
  });

  it('n = 2 gives the Hebbian signs; a flip changes E by 2 s_i h_i', () => {
    const x = randomPatterns(6, 30, createRng(2));
    const dam = new DenseAMNetwork(x, 2);
    const heb = new HebbianNetwork(x);
    const rng = createRng(3);
    const s = new Int8Array(30).map(() => (rng.next() < 0.5 ? -1 : 1));
    const hd = dam.field(s, new Float32Array(30));
    const hh = heb.field(s, new Float32Array(30));
    for (let i = 0; i < 30; i++) expect(Math.sign(hd[i])).toBe(Math.sign(hh[i]));
    const d3 = new DenseAMNetwork(x, 3);
    const h3 = d3.field(s, new Float32Array(30));
    for (const i of [0, 7, 29]) {
      const e0 = d3.energy(s);
      const t = s.slice();
      t[i] = -t[i];
      expect(d3.energy(t) - e0).toBeCloseTo(2 * s[i] * h3[i], 3);
    }
  });

  it('n = 3 stores many more patterns than n = 2 at fixed D', () => {
    const x = randomPatterns(30, 40, createRng(11)); // 30 > D/(2 ln D) = 5.4
    const two = exactRate(learn('dense-am', x, { power: 2 }), x, 30, 0.1, 1);
    const three = exactRate(learn('dense-am', x, { power: 3 }), x, 30, 0.1, 1);
    expect(two).toBeLessThan(0.2);
    expect(three).toBeGreaterThan(0.9);
    expect(() => learn('dense-am', x, { power: 3 }).weights()).toThrow(/no pairwise/);
  });
});

describe("Storkey's diagonal", () => {
  it.each(['zero', 'keep'] as const)('%s matches the definition computed naively', (diagonal) => {
    const x = randomPatterns(6, 12, createRng(8));
    const w = storkeyWeights(x, diagonal);
    const ref = naiveStorkey(x, diagonal === 'keep');
    for (let k = 0; k < w.length; k++) expect(w[k]).toBeCloseTo(ref[k], 5);
    if (diagonal === 'keep') expect(w[0]).toBeGreaterThan(0.1);
  });

  it("keep gives the course's worked example (three patterns of four units), zero the same off the diagonal", () => {
    // The EPFL BIO-210 course's example for storkey_weights, as its teams'
    // published doctests give it: the diagonal is kept (docs/rules.md).
    const x = stack([
      asBipolar(Int8Array.from([1, 1, -1, -1])),
      asBipolar(Int8Array.from([1, 1, -1, 1])),
      asBipolar(Int8Array.from([-1, 1, -1, 1])),
    ]);
    const expected = [
      [1.125, 0.25, -0.25, -0.5],
      [0.25, 0.625, -1, 0.25],
      [-0.25, -1, 0.625, -0.25],
      [-0.5, 0.25, -0.25, 1.125],
    ];
    const keep = storkeyWeights(x, 'keep');
    const zero = storkeyWeights(x, 'zero');
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        expect(keep[i * 4 + j]).toBeCloseTo(expected[i][j], 6);
        expect(zero[i * 4 + j]).toBeCloseTo(i === j ? 0 : expected[i][j], 6);
      }
    }
  });

  it('keep: the energy the Stepper tracks (dE = 2 s_i h_i - 2 w_ii) is the energy of the state', () => {
    const x = randomPatterns(20, 60, createRng(9));
    const net = learn('storkey', x, { diagonal: 'keep' });
    const st = new Stepper(net, flipFraction(row(x, 0), 0.3, createRng(1)), {
      dynamics: 'async',
      rng: createRng(2),
    });
    for (let k = 0; k < 3; k++) {
      st.step();
      expect(st.energy).toBeCloseTo(net.energy(st.state), 3);
    }
  });
});
