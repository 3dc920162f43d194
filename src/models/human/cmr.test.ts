import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import {
  CmrNetwork,
  DISTRACTOR_PROTOCOLS,
  contextLayout,
  distractorCount,
  driftContext,
  stopProbability,
} from './cmr';
import {
  CMR_PARAMS,
  CYMR_EXAMPLE,
  DEFAULT_CMR_PARAMS,
  cmrParams,
  paramsFromCymr,
  type CmrParams,
} from './cmrParams';
import { recallList, studyList } from './freeRecall';

const P = DEFAULT_CMR_PARAMS;

describe('parameter table', () => {
  it('every default lies in its range, with a positive slider step', () => {
    for (const p of CMR_PARAMS) {
      expect(p.default, p.key).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.key).toBeLessThanOrEqual(p.max);
      expect(p.step, p.key).toBeGreaterThan(0);
    }
    expect(new Set(CMR_PARAMS.map((p) => p.key)).size).toBe(CMR_PARAMS.length);
  });

  it("defaults are cymr's example, with phi_s gamma_cf = P1 (same primacy learning rate)", () => {
    expect(P.beta_enc).toBe(CYMR_EXAMPLE.B_enc);
    expect(P.beta_start).toBe(CYMR_EXAMPLE.B_start);
    expect(P.beta_rec).toBe(CYMR_EXAMPLE.B_rec);
    expect(P.tau).toBe(CYMR_EXAMPLE.T);
    expect(P.gamma_cf * P.phi_s).toBeCloseTo(CYMR_EXAMPLE.P1, 12);
    expect(paramsFromCymr(CYMR_EXAMPLE).phi_d).toBe(CYMR_EXAMPLE.P2);
    expect(P.theta).toBe(0);
  });

  it('cmrParams validates keys and ranges', () => {
    expect(cmrParams({ beta_enc: 0.3 }).beta_enc).toBe(0.3);
    expect(() => cmrParams({ beta_enc: 1.5 })).toThrow(RangeError);
    expect(() => cmrParams({ tau: NaN })).toThrow(RangeError);
    expect(() => cmrParams({ nope: 1 } as unknown as Partial<CmrParams>)).toThrow(RangeError);
  });
});

describe('drift', () => {
  it('keeps unit length and gives rho = sqrt(1 - beta^2) for an orthogonal input', () => {
    const t = new Float64Array([1, 0, 0]);
    const rho = driftContext(t, new Float64Array([0, 1, 0]), 0.6);
    expect(rho).toBeCloseTo(0.8, 15);
    expect(Array.from(t)).toEqual([0.8, 0.6, 0].map((x) => expect.closeTo(x, 15)));
    driftContext(t, new Float64Array([0.6, 0, 0.8]), 0.9);
    expect(Math.hypot(...t)).toBeCloseTo(1, 14);
  });

  it('the stop rule is x1 exp(x2 k), clipped, and 1 once all items are out', () => {
    expect(stopProbability(P, 0, 20)).toBeCloseTo(0.001, 15);
    expect(stopProbability(P, 3, 20)).toBeCloseTo(0.001 * Math.exp(1.05), 15);
    expect(stopProbability(P, 25, 30)).toBe(1 - 1e-6); // 0.001 e^8.75 > 1
    expect(stopProbability(P, 20, 20)).toBe(1);
    expect(stopProbability({ ...P, x1: 0 }, 0, 20)).toBe(1e-6);
  });
});

describe('a two-item list, computed by hand', () => {
  // Units: item 0, item 1, start, place A, place B, emotion.
  const layout = contextLayout(2, 0);
  const phi1 = P.phi_s + 1;
  const phi2 = P.phi_s * Math.exp(-P.phi_d) + 1;

  it('lays out the context units', () => {
    expect(layout).toMatchObject({ units: 6, start: 2, placeA: 3, placeB: 4, emotion: 5 });
  });

  it('study drifts context and binds each item to the context before it', () => {
    const net = new CmrNetwork(P, 2);
    net.studyItem(0); // t1 = 0.8 e_s + 0.6 e_0
    net.studyItem(1); // t2 = 0.64 e_s + 0.48 e_0 + 0.6 e_1
    expect(Array.from(net.context)).toEqual(
      [0.48, 0.6, 0.64, 0, 0, 0].map((x) => expect.closeTo(x, 14)),
    );
    // M^CF row 0 = 0.85 e_0 + 0.15 phi_1 t0 (t0 = e_s); row 1 = 0.85 e_1 + 0.15 phi_2 t1.
    const a = net.support();
    expect(a[0]).toBeCloseTo(0.85 * 0.48 + 0.15 * phi1 * 0.64, 14);
    const t1DotT2 = 0.8 * 0.64 + 0.6 * 0.48;
    expect(a[1]).toBeCloseTo(0.85 * 0.6 + 0.15 * phi2 * t1DotT2, 14);
    // The choice: (1 - P_stop(0)) softmax(2 a / tau).
    const c = net.choice();
    const w0 = Math.exp((2 * a[0]) / P.tau);
    const w1 = Math.exp((2 * a[1]) / P.tau);
    expect(c.pStop).toBeCloseTo(0.001, 15);
    expect(c.probabilities[0]).toBeCloseTo((0.999 * w0) / (w0 + w1), 12);
    expect(c.probabilities[1]).toBeCloseTo((0.999 * w1) / (w0 + w1), 12);
  });

  it("'updated' binds each item to the context after its own drift (cymr)", () => {
    const net = new CmrNetwork(P, 2, 0, 'updated');
    net.studyItem(0);
    net.studyItem(1);
    // row 0 = 0.85 e_0 + 0.15 phi_1 t1; t1 . t2 = 0.8.
    expect(net.support()[0]).toBeCloseTo(0.85 * 0.48 + 0.15 * phi1 * 0.8, 14);
  });

  it('start reinstatement and recall reinstatement follow the drift rule', () => {
    const net = new CmrNetwork(P, 2);
    net.studyItem(0);
    net.studyItem(1);
    const dot = 0.64; // t2 . e_start
    const rho = net.startRecall();
    expect(rho).toBeCloseTo(Math.sqrt(1 + 0.09 * (dot * dot - 1)) - 0.3 * dot, 14);
    expect(net.context[2]).toBeCloseTo(rho * 0.64 + 0.3, 14);
    const before = net.context.slice();
    net.reinstate(0); // t_in = normalise(M^FC f_0) = normalise(0.85 e_0 + 0.15 e_s)
    const norm = Math.hypot(0.85, 0.15);
    const d = (before[0] * 0.85 + before[2] * 0.15) / norm;
    const r = Math.sqrt(1 + 0.64 * (d * d - 1)) - 0.8 * d;
    expect(net.context[0]).toBeCloseTo(r * before[0] + (0.8 * 0.85) / norm, 14);
  });

  it('an emotional item carries the emotion unit and learns phi_emot times faster', () => {
    const net = new CmrNetwork(P, 2);
    net.reset({ emotional: [1, 0] });
    net.studyItem(0);
    // t_in = normalise(e_0 + w_emotion e_emot) (the 0.85 cancels).
    const n = Math.hypot(1, P.w_emotion);
    expect(net.context[0]).toBeCloseTo(0.6 / n, 14);
    expect(net.context[5]).toBeCloseTo((0.6 * P.w_emotion) / n, 14);
    net.studyItem(1);
    const plain = new CmrNetwork(P, 2);
    plain.studyItem(0);
    plain.studyItem(1);
    // Row 0 learned on e_start only: its start-unit weight is phi_emot times larger.
    const start = net.layout.start;
    const tStart = net.context[start];
    const a0 = net.support()[0] - 0.85 * net.context[0];
    expect(a0).toBeCloseTo(0.15 * phi1 * P.phi_emot * tStart, 14);
    expect(plain.support()[0] - 0.85 * plain.context[0]).toBeCloseTo(
      0.15 * phi1 * plain.context[start],
      14,
    );
  });
});

describe('context stays unit length', () => {
  const settings: Partial<CmrParams>[] = [
    {},
    { beta_enc: 1, beta_rec: 1, beta_start: 1 },
    { beta_enc: 0.05, theta: 0.3 },
  ];
  for (const params of settings) {
    it(`at every step, every protocol (${JSON.stringify(params)})`, () => {
      const p = cmrParams(params);
      const rng = createRng(7);
      let worst = 0;
      const check = (net: CmrNetwork) => (worst = Math.max(worst, Math.abs(net.contextNorm() - 1)));
      for (const protocol of DISTRACTOR_PROTOCOLS) {
        const net = new CmrNetwork(p, 12, distractorCount(protocol, 12));
        for (let list = 0; list < 20; list++) {
          net.reset({
            emotional: Array.from({ length: 12 }, (_, j) => (j + list) % 3 === 0),
            studyPlace: list % 2 ? 'A' : 'B',
            testPlace: list % 4 < 2 ? 'A' : 'B',
          });
          check(net);
          for (let i = 0; i < 12; i++) {
            net.studyItem(i);
            check(net);
            if (protocol === 'continuous') {
              net.distract();
              check(net);
            }
          }
          if (protocol === 'delayed') net.distract();
          net.startRecall();
          check(net);
          while (net.recallNext(rng) >= 0) check(net);
        }
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }
});

describe('recall', () => {
  it('never repeats an item and is reproducible from the seed', () => {
    const run = (seed: number) => {
      const net = new CmrNetwork(P, 20);
      const rng = createRng(seed);
      return Array.from({ length: 30 }, () => {
        net.reset();
        studyList(net, 'none');
        return Array.from(recallList(net, rng));
      });
    };
    const a = run(3);
    for (const r of a) expect(new Set(r).size).toBe(r.length);
    expect(run(3)).toEqual(a);
    expect(run(4)).not.toEqual(a);
  });

  it('theta > 0 adds a "nothing comes to mind" share to the stop probability', () => {
    const net = new CmrNetwork(cmrParams({ theta: 0.3 }), 10);
    for (let i = 0; i < 10; i++) net.studyItem(i);
    net.startRecall();
    const c = net.choice();
    const total = c.probabilities.reduce((s, x) => s + x, 0);
    expect(c.pStop).toBeGreaterThan(c.pStopRule);
    expect(total + c.pStop).toBeCloseTo(1, 12);
  });

  it('refuses out-of-order study and too many distractors', () => {
    const net = new CmrNetwork(P, 3, 1);
    expect(() => net.studyItem(1)).toThrow(RangeError);
    net.distract();
    expect(() => net.distract()).toThrow(RangeError);
  });
});
