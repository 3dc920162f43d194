import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/compression/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { trainedFixture, type TrainedFixture } from '../../models/compression/fixtures';
import { buildStage } from '../../models/compression/hopfieldStage';
import { queryCode, QUERY_KINDS } from '../../models/compression/recall';
import { buildQueryView, makeQuery } from './queryView';

let fx: TrainedFixture;
beforeAll(async () => {
  await tf.setBackend('cpu');
  fx = await trainedFixture({ n: 200, epochs: 3 });
});

/** The view of one hand-made query on the fixture, through `stage`, with a fixed clock. */
function viewOf(stage: ReturnType<typeof buildStage>, query: Parameters<typeof buildQueryView>[4]) {
  return buildQueryView(fx.dataset.table, fx.model, fx.codes, stage, query, () => 0);
}

describe('a hand-made query', () => {
  it('is the same query as the recall measurement makes, for every kind', () => {
    const { dataset, model, codes } = fx;
    const ctx = { table: dataset.table, model, packed: codes };
    const amounts = { missing: 0.3, flip: 5, noise: 0.5 };
    for (const kind of QUERY_KINDS) {
      const mine = makeQuery(dataset.table, model, codes, 17, kind, amounts[kind], createRng(9));
      const theirs = queryCode(ctx, 17, kind, amounts[kind], createRng(9));
      expect(Array.from(mine.code)).toEqual(Array.from(theirs));
    }
  });

  it('shows which fields were left out, and decodes with and without the stage', () => {
    const { model, codes } = fx;
    const stage = buildStage(codes, model.weights.bits);
    const v = viewOf(stage, { record: 3, query: 'missing', amount: 0.5, seed: 4 });
    expect(v.left).toEqual({ count: Math.round(0.5 * v.left!.of), of: 2 + 3 + 50 + 5 });
    const gaps = v.input!.reduce(
      (t, f) =>
        t +
        (f.kind === 'category'
          ? f.label === '(missing)'
            ? 1
            : 0
          : (f.missing ?? []).filter(Boolean).length),
      0,
    );
    expect(gaps).toBe(v.left!.count);
    expect(v.stored).toHaveLength(model.weights.bits);
    expect(v.distance.corrupted).toBe([...v.stored].filter((b, j) => b !== v.corrupted[j]).length);
    expect(v.truth.map((f) => f.name)).toEqual([
      'subclass',
      'region',
      'coords',
      'expression',
      'protein',
    ]);
    expect(Object.keys(v.scoresWith)).toEqual(Object.keys(v.scoresWithout));
  });

  it('flips exactly k bits of the stored code', () => {
    const { model, codes } = fx;
    const stage = buildStage(codes, model.weights.bits, { request: 'none' });
    const v = viewOf(stage, { record: 8, query: 'flip', amount: 6, seed: 1 });
    expect(v.input).toBeNull();
    expect(v.distance.corrupted).toBe(6);
    expect(v.cleaned).toBe(v.corrupted); // the 'none' stage changes nothing
    expect(v.steps).toBe(0);
  });
});
