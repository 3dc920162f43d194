import { describe, expect, it } from 'vitest';
import { referenceAttention } from '../modern/modernHopfield';
import {
  emptyMemory,
  INTERFERENCE_DEFAULTS,
  interferenceSweep,
  makeCueBase,
  makeLists,
  proactive,
  retrieve,
  retroactive,
  similarCues,
  studyPair,
} from './interference';

const SIMS = [0, 0.25, 0.5, 0.75, 0.9, 1];

describe('cues with a controlled similarity', () => {
  it("cos(A_i, A'_i) = S exactly, unit lengths", () => {
    const base = makeCueBase(32, 5, 7);
    for (const s of [0, 0.3, 0.8, 1]) {
      const second = similarCues(base, s);
      second.forEach((v, i) => {
        let dot = 0;
        let norm = 0;
        for (let k = 0; k < v.length; k++) {
          dot += v[k] * base.a[i][k];
          norm += v[k] * v[k];
        }
        expect(dot).toBeCloseTo(s, 12);
        expect(norm).toBeCloseTo(1, 12);
      });
    }
    expect(makeLists({ ...INTERFERENCE_DEFAULTS, similarity: 0.6 }).measuredSimilarity).toBeCloseTo(
      0.6,
      12,
    );
  });

  it('the same seed gives the same cues', () => {
    expect(makeCueBase(16, 3, 5)).toEqual(makeCueBase(16, 3, 5));
    expect(makeCueBase(16, 3, 5).a[0]).not.toEqual(makeCueBase(16, 3, 6).a[0]);
  });
});

describe('the attention memory', () => {
  it('with unit strengths, its slot weights are the modern Hopfield attention', () => {
    const base = makeCueBase(16, 4, 3);
    let m = emptyMemory();
    base.a.forEach((k, i) => (m = studyPair(m, k, i, `p${i}`)));
    const r = retrieve(m, base.a[1], 5, -100, 4);
    const flat = new Float64Array(4 * 16);
    base.a.forEach((k, i) => flat.set(k, i * 16));
    const ref = referenceAttention(flat, 4, 16, base.a[1], 5);
    for (let i = 0; i < 4; i++) expect(r.weights[i]).toBeCloseTo(ref[i], 12);
  });

  it('studying a pair n times is n copies of its slot: logit + ln n', () => {
    const [k] = makeCueBase(8, 1, 2).a;
    let m = emptyMemory();
    for (let t = 0; t < 3; t++) m = studyPair(m, k, 0, 'p');
    expect(m.slots).toHaveLength(1);
    expect(m.slots[0].strength).toBe(3);
    const r = retrieve(m, k, 4, 1, 1);
    // w = 3 e^4 / (3 e^4 + e^4)
    expect(r.responses[0]).toBeCloseTo(0.75, 12);
    expect(r.failure).toBeCloseTo(0.25, 12);
  });
});

describe('interference grows with cue similarity', () => {
  const sweep = interferenceSweep(SIMS);

  it("retroactive: learning A'-C lowers recall of B from A, more for similar cues", () => {
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i].retroactive).toBeGreaterThan(sweep[i - 1].retroactive);
      expect(sweep[i].recallB).toBeLessThan(sweep[i - 1].recallB);
    }
    expect(sweep[0].retroactive).toBeGreaterThanOrEqual(0);
    expect(sweep[sweep.length - 1].retroactive).toBeGreaterThan(0.2);
  });

  it("proactive: A-B slows the learning of A'-C, more for similar cues", () => {
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i].proactive).toBeGreaterThan(sweep[i - 1].proactive);
    }
    const p = proactive({ ...INTERFERENCE_DEFAULTS, similarity: 0.9 });
    for (let t = 0; t < p.control.length; t++) {
      expect(p.experimental[t]).toBeLessThan(p.control[t]);
      if (t > 0) expect(p.experimental[t]).toBeGreaterThan(p.experimental[t - 1]);
    }
    expect(p.intrusions).toBeGreaterThan(0);
  });

  it('identical cues (A-B, A-C): recall of B is about its share of the strength', () => {
    const cfg = { ...INTERFERENCE_DEFAULTS, similarity: 1 };
    const r = retroactive(cfg);
    const share =
      cfg.firstTrials / (cfg.firstTrials + cfg.secondTrials + Math.exp(cfg.beta * (cfg.theta - 1)));
    expect(r.experimental).toBeCloseTo(share, 2);
    expect(r.intrusions).toBeCloseTo((cfg.secondTrials / cfg.firstTrials) * r.experimental, 6);
  });

  it('exposes the attention weights of a test, summing to one with "no recall"', () => {
    const r = retroactive({ ...INTERFERENCE_DEFAULTS, similarity: 0.8 });
    expect(r.example.weights).toHaveLength(r.memory.slots.length);
    const total = r.example.weights.reduce((s, w) => s + w, 0) + r.example.failure;
    expect(total).toBeCloseTo(1, 12);
    // The biggest weights go to A1-B1 and its similar rival A'1-C1.
    const order = Array.from(r.example.weights.keys()).sort(
      (i, j) => r.example.weights[j] - r.example.weights[i],
    );
    expect(
      order
        .slice(0, 2)
        .map((i) => r.memory.slots[i].label)
        .sort(),
    ).toEqual(["A'1-C1", 'A1-B1']);
  });
});
