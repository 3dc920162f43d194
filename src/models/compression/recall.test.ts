import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { trainedFixture, type TrainedFixture } from './fixtures';
import { distinctCodes } from './codes';
import { buildStage } from './hopfieldStage';
import {
  measureRecall,
  queryCode,
  RecallMeasurement,
  type QueryKind,
  type RecallContext,
} from './recall';

let f: TrainedFixture;
let ctx: RecallContext;
beforeAll(async () => {
  await tf.setBackend('cpu');
  f = await trainedFixture();
  ctx = { table: f.dataset.table, model: f.model, packed: f.codes, stage: buildStage(f.codes, 32) };
});

const curve = (query: QueryKind, amounts: number[]) =>
  amounts.map(
    (amount, s) => measureRecall(ctx, { query, amount, queries: 80, seed: 20 + s }).ownRecordRate,
  );

/** Falls overall, and never rises by more than sampling noise between neighbours. */
function expectFalling(rates: number[]): void {
  expect(rates[0]).toBeGreaterThan(0.7); // not 1: records that share a code split the credit
  expect(rates[rates.length - 1]).toBeLessThan(rates[0] - 0.4);
  for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1] + 0.1);
}

describe('own-record recall', () => {
  it('falls as more code bits are flipped', () => {
    expectFalling(curve('flip', [0, 2, 5, 10, 16]));
  });

  it('falls as more fields go missing', () => {
    expectFalling(curve('missing', [0, 0.2, 0.5, 0.8]));
  });

  it('falls as the input noise grows', () => {
    expectFalling(curve('noise', [0, 0.3, 1, 3]));
  });

  it('without corruption is the share of distinct codes: records that share a code cannot be told apart', () => {
    const n = f.dataset.table.n;
    const none = { ...ctx, stage: buildStage(f.codes, 32, { request: 'none' }) };
    const p = measureRecall(none, { query: 'flip', amount: 0, queries: n, seed: 1 });
    expect(p.ownRecordRate).toBeCloseTo(distinctCodes(f.codes, 32) / n, 12);
    expect(p.exactCodeRate).toBe(1);
  });

  it('an uncorrupted query is its own stored code', () => {
    const rng = createRng(1);
    for (const query of ['missing', 'flip', 'noise'] as const) {
      const code = queryCode(ctx, 7, query, 0, rng);
      const own = f.codes.subarray(7 * 4, 8 * 4);
      const packed = new Uint8Array(4);
      code.forEach((v, j) => v > 0 && (packed[j >> 3] |= 1 << (j & 7)));
      expect(Array.from(packed)).toEqual(Array.from(own));
    }
  });

  it('runs query by query for a page, with steps and times', () => {
    let clock = 0;
    const run = new RecallMeasurement(ctx, {
      query: 'flip',
      amount: 3,
      queries: 5,
      seed: 1,
      now: () => clock++,
    });
    let calls = 0;
    while (run.next()) calls++;
    expect(calls + 1).toBe(5);
    const p = run.result();
    expect(p.queries).toBe(5);
    expect(p.ms).toEqual({ mean: 1, max: 1 });
    expect(p.steps.mean).toBeGreaterThanOrEqual(1);
    expect(measureRecall(ctx, { query: 'flip', amount: 3, queries: 5, seed: 1 }).ms).toBeNull();
    expect(() => queryCode(ctx, 0, 'flip', 33, createRng(1))).toThrow(RangeError);
  });
});
