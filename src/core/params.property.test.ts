/**
 * Property tests (fast-check) for the link codec every lab reads its state
 * with, and the pattern codec inside it: random strings never throw and
 * always give a valid state plus messages; every valid state survives a
 * round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boolParam,
  enumParam,
  floatParam,
  intParam,
  listParam,
  patternsParam,
  stringParam,
  subsetParam,
  UsageError,
  type ParamValues,
} from './params';
import { decodeParams, encodeParams } from './paramLink';
import { parseArgs } from './paramArgs';
import { decodePatterns, encodePatterns } from './patternCodec';
import { MAX_SIDE, MIN_SIDE } from './patternBits';

const TABLE = {
  size: intParam(16, 4, 64, 'grid side'),
  noise: floatParam(0.2, 0, 1, 'noise'),
  dynamics: enumParam(['async', 'sync', 'stochastic'] as const, 'async', 'dynamics', {
    link: 'dyn',
  }),
  demo: boolParam(false, 'demo'),
  names: stringParam('', 'names', 50),
  loads: listParam([0.1], 0, 2, 'loads'),
  rules: subsetParam(['hebbian', 'storkey'] as const, ['hebbian'], 'rules'),
  cue: patternsParam('cue'),
};

/** A state every field of which is valid. */
function isValid(v: ParamValues<typeof TABLE>): boolean {
  return (
    Number.isInteger(v.size) &&
    v.size >= 4 &&
    v.size <= 64 &&
    v.noise >= 0 &&
    v.noise <= 1 &&
    ['async', 'sync', 'stochastic'].includes(v.dynamics) &&
    typeof v.demo === 'boolean' &&
    v.names.length <= 50 &&
    v.loads.length > 0 &&
    v.loads.every((x) => x >= 0 && x <= 2) &&
    v.rules.length > 0 &&
    (v.cue === null || v.cue.patterns.every((p) => p.length === v.cue!.width * v.cue!.height))
  );
}

const piece = fc.oneof(
  fc.constantFrom(
    'size',
    'noise',
    'dyn',
    'demo',
    'names',
    'loads',
    'rules',
    'cue',
    'backend',
    '%',
    '',
  ),
  fc.string({ maxLength: 12 }),
);
const query = fc
  .array(
    fc.tuple(
      piece,
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('%', '%zz', '1e999', 'NaN', '4x4.AAA'),
      ),
    ),
    {
      maxLength: 8,
    },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe('the link codec under random input', () => {
  it('never throws and always gives a valid state, with messages for what it dropped', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 200 })), (q) => {
        const { values, errors } = decodeParams(TABLE, q);
        expect(isValid(values)).toBe(true);
        for (const e of errors) expect(typeof e).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every valid state', () => {
    const state = fc.record({
      size: fc.integer({ min: 4, max: 64 }),
      noise: fc.double({ min: 0, max: 1, noNaN: true }),
      dynamics: fc.constantFrom('async' as const, 'sync' as const, 'stochastic' as const),
      demo: fc.boolean(),
      names: fc.string({ maxLength: 50 }),
      loads: fc.uniqueArray(fc.double({ min: 0, max: 2, noNaN: true }), {
        minLength: 1,
        maxLength: 5,
      }),
      rules: fc.constantFrom<('hebbian' | 'storkey')[]>(
        ['hebbian'],
        ['storkey'],
        ['hebbian', 'storkey'],
      ),
      cue: fc.constant(null),
    });
    fc.assert(
      fc.property(state, (s) => {
        const sorted = { ...s, loads: [...s.loads].sort((a, b) => a - b) };
        const back = decodeParams(TABLE, encodeParams(TABLE, sorted));
        expect(back.errors).toEqual([]);
        expect(back.values).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });

  it('command lines either parse to a valid state or say why (UsageError), never anything else', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('--size', '--noise', '--loads', '--rules', '--demo'),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 6 },
        ),
        (argv) => {
          try {
            expect(isValid(parseArgs(TABLE, argv))).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(UsageError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the pattern codec under random input', () => {
  it('decodes what it encodes, for every size and pattern', () => {
    const set = fc
      .record({
        w: fc.integer({ min: MIN_SIDE, max: MAX_SIDE }),
        h: fc.integer({ min: MIN_SIDE, max: MAX_SIDE }),
        n: fc.integer({ min: 1, max: 4 }),
        seed: fc.integer(),
      })
      .map(({ w, h, n, seed }) => {
        let x = seed >>> 0;
        const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) & 1 ? 1 : -1);
        return {
          w,
          h,
          patterns: Array.from({ length: n }, () => Int8Array.from({ length: w * h }, next)),
        };
      });
    fc.assert(
      fc.property(set, ({ w, h, patterns }) => {
        const back = decodePatterns(encodePatterns(w, h, patterns));
        expect(back.width).toBe(w);
        expect(back.height).toBe(h);
        expect(back.patterns.map((p) => Array.from(p))).toEqual(patterns.map((p) => Array.from(p)));
      }),
      { numRuns: 300 },
    );
  });

  it('random text is either read as patterns of the stated size or refused with an Error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ maxLength: 80 }).map((s) => `8x8.${s}`),
        ),
        (text) => {
          try {
            const set = decodePatterns(text);
            for (const p of set.patterns) expect(p.length).toBe(set.width * set.height);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
