import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { referenceStep } from '../modern/modernHopfield';
import { bytesPerCode, flipBits, packCodes, unpackCodes } from './codes';
import { trainedFixture, type TrainedFixture } from './fixtures';
import { buildStage, capacityOf, modernCleanup } from './hopfieldStage';
import { fieldErrors } from './metrics';
import { reconstruct } from './model';
import { measureRecall } from './recall';
import { selectRecords } from './table';

const randomCodes = (m: number, k: number, seed: number): Int8Array => {
  const rng = createRng(seed);
  return Int8Array.from({ length: m * k }, () => (rng.next() < 0.5 ? -1 : 1));
};

describe('the Hopfield stage over the codes', () => {
  it('states the capacities it compares the load with', () => {
    const c = capacityOf(64);
    expect(c.hebbianExact).toBeCloseTo(64 / (2 * Math.log(64)), 12);
    expect(c.storkey).toBeCloseTo(64 / Math.sqrt(2 * Math.log(64)), 12);
    expect(c.hebbianApprox).toBeCloseTo(0.138 * 64, 12);
  });

  it('picks Hebbian, then Storkey, then a modern network as the load grows, and says why', () => {
    const k = 64;
    const few = buildStage(packCodes(randomCodes(5, k, 1), k), k).choice;
    expect(few).toMatchObject({
      rule: 'hebbian',
      reason: 'below-capacity',
      patterns: 5,
      fixedPointShare: 1,
    });
    const more = buildStage(packCodes(randomCodes(14, k, 2), k), k).choice;
    expect(more.rule).toBe(more.fixedPointShare === 1 ? 'storkey' : 'modern');
    const many = buildStage(packCodes(randomCodes(200, k, 3), k), k).choice;
    expect(many).toMatchObject({ rule: 'modern', reason: 'over-capacity', patterns: 200 });
    expect(many.load).toBeCloseTo(200 / 64, 12);
    expect(many.message).toMatch(/over capacity/);
  });

  it('switches to the modern network when correlated codes are not fixed points', () => {
    const k = 64;
    // 6 codes that share most bits: far under 7.7 random codes, but not stable under Hebbian learning
    const base = randomCodes(1, k, 4);
    const codes = new Int8Array(6 * k);
    const rng = createRng(5);
    for (let mu = 0; mu < 6; mu++) codes.set(flipBits(base, 3, rng), mu * k);
    const forced = buildStage(packCodes(codes, k), k, { request: 'hebbian' }).choice;
    expect(forced.fixedPointShare).toBeLessThan(1);
    const auto = buildStage(packCodes(codes, k), k).choice;
    expect(auto).toMatchObject({ rule: 'modern', reason: 'codes-not-fixed-points' });
  });

  it('below capacity, cleans up flipped bits back to the stored code', () => {
    const k = 64;
    const codes = randomCodes(5, k, 6);
    const stage = buildStage(packCodes(codes, k), k);
    expect(stage.choice.rule).toBe('hebbian');
    const rng = createRng(7);
    let exact = 0;
    for (let t = 0; t < 50; t++) {
      const mu = t % 5;
      const own = codes.subarray(mu * k, (mu + 1) * k);
      const out = stage.cleanup(flipBits(own, 10, rng), rng);
      if (out.code.every((v, j) => v === own[j])) exact++;
      expect(out.steps).toBeGreaterThanOrEqual(1);
    }
    expect(exact).toBeGreaterThanOrEqual(48);
  });

  it('its modern update is the modern network of ../modern, then sgn', () => {
    const k = 32;
    const m = 40;
    const codes = randomCodes(m, k, 8);
    const q = flipBits(codes.subarray(0, k), 9, createRng(9));
    for (const beta of [0.05, 0.3, 1]) {
      const ref = referenceStep(Float64Array.from(codes), m, k, Float64Array.from(q), beta).next;
      const ours = modernCleanup(packCodes(codes, k), codes, k, q, beta, 1).code;
      expect(Array.from(ours)).toEqual(Array.from(ref, (v) => (v >= 0 ? 1 : -1)));
    }
  });
});

describe('recall with and without the stage', () => {
  let f: TrainedFixture;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    f = await trainedFixture();
  });

  it('below capacity, recall of corrupted codes is at least as good with the stage', () => {
    const k = f.model.weights.bits;
    const b = bytesPerCode(k);
    // four records far apart in code space: under K / (2 ln K) = 4.6 codes for K = 32
    const codes = unpackCodes(f.codes, k);
    const picked: number[] = [];
    for (let i = 0; i < f.dataset.table.n && picked.length < 4; i++) {
      const far = picked.every((p) => {
        let h = 0;
        for (let j = 0; j < k; j++) if (codes[i * k + j] !== codes[p * k + j]) h++;
        return h >= 12;
      });
      if (far) picked.push(i);
    }
    const table = selectRecords(f.dataset.table, picked);
    const packed = new Uint8Array(picked.length * b);
    picked.forEach((i, r) => packed.set(f.codes.subarray(i * b, (i + 1) * b), r * b));
    const stage = buildStage(packed, k);
    expect(stage.choice.reason).not.toBe('over-capacity');
    const ctx = { table, model: f.model, packed, stage };
    const stored = fieldErrors(table, reconstruct(f.model, packed));
    for (const flips of [2, 4, 6]) {
      const p = measureRecall(ctx, { query: 'flip', amount: flips, queries: 4, seed: flips });
      expect(p.exactCodeRate).toBeGreaterThanOrEqual(p.exactCodeRateWithout);
      expect(p.exactCodeRateWithout).toBe(0); // a flipped code is never the stored one
      expect(p.ownRecordRate).toBeGreaterThanOrEqual(p.ownRecordRateWithout);
      // with the stage the decoder gets the stored codes back, so the records come back exactly
      // as well as the archive gives them (without it, a few flips can score better or worse by chance)
      expect(p.exactCodeRate).toBe(1);
      for (const key of Object.keys(stored)) expect(p.perField[key]).toBeCloseTo(stored[key], 9);
    }
  });

  it('past capacity, the result says so and the modern stage still recalls', () => {
    const k = f.model.weights.bits;
    const stage = buildStage(f.codes, k);
    expect(stage.choice.reason).toBe('over-capacity');
    expect(stage.choice.rule).toBe('modern');
    expect(stage.choice.load).toBeGreaterThan(stage.choice.capacity.storkey / k);
    const ctx = { table: f.dataset.table, model: f.model, packed: f.codes, stage };
    const p = measureRecall(ctx, { query: 'flip', amount: 2, queries: 60, seed: 3 });
    expect(p.exactCodeRate).toBeGreaterThan(p.exactCodeRateWithout);
  });
});
