import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { decodePatterns, encodePatterns } from './patternCodec';
import {
  boolParam,
  enumParam,
  floatParam,
  intParam,
  patternsParam,
  stringParam,
  type ParamValues,
} from './params';
import {
  decodeParams,
  encodeParams,
  formatHash,
  parseHash,
  pieceKey,
  queryPieces,
  updateQuery,
} from './paramLink';

const SPEC = {
  rule: enumParam(['hebbian', 'storkey', 'pinv'], 'hebbian', 'learning rule'),
  size: intParam(16, 4, 64, 'grid side'),
  noise: floatParam(0.2, 0, 1, 'fraction of flipped units'),
  async: boolParam(true, 'asynchronous updates'),
  name: stringParam('', 'a label', 20),
  cue: patternsParam('the drawn cue'),
};
const DEFAULTS: ParamValues<typeof SPEC> = {
  rule: 'hebbian',
  size: 16,
  noise: 0.2,
  async: true,
  name: '',
  cue: null,
};

describe('decodeParams / encodeParams', () => {
  it('gives defaults and no errors for an empty query', () => {
    expect(decodeParams(SPEC, '')).toEqual({ values: DEFAULTS, errors: [] });
    expect(decodeParams(SPEC, '?')).toEqual({ values: DEFAULTS, errors: [] });
  });

  it('encodes defaults as the empty string', () => {
    expect(encodeParams(SPEC, DEFAULTS)).toBe('');
    expect(encodeParams(SPEC, {})).toBe('');
  });

  it('round-trips every kind, with keys in table order', () => {
    const cue = decodePatterns(
      encodePatterns(8, 8, [new Int8Array(64).map((_, i) => (i % 3 ? 1 : -1))]),
    );
    const values = {
      rule: 'storkey',
      size: 32,
      noise: 0.123456789,
      async: false,
      name: 'my net & more=?',
      cue,
    } as const;
    const q = encodeParams(SPEC, {
      cue,
      name: values.name,
      noise: values.noise,
      rule: 'storkey',
      size: 32,
      async: false,
    });
    expect(q.split('&').map((p) => p.split('=')[0])).toEqual([
      'rule',
      'size',
      'noise',
      'async',
      'name',
      'cue',
    ]);
    const back = decodeParams(SPEC, q);
    expect(back.errors).toEqual([]);
    expect(back.values).toEqual(values);
    expect(decodeParams(SPEC, '?' + q).values).toEqual(values);
  });

  it('round-trips random values of every kind', () => {
    const rng = createRng(5);
    for (let k = 0; k < 200; k++) {
      const w = 4 + rng.int(10);
      const values: ParamValues<typeof SPEC> = {
        rule: (['hebbian', 'storkey', 'pinv'] as const)[rng.int(3)],
        size: 4 + rng.int(61),
        noise: rng.next(),
        async: rng.next() < 0.5,
        name: String.fromCharCode(...Array.from({ length: rng.int(20) }, () => 32 + rng.int(400))),
        cue:
          rng.next() < 0.5
            ? null
            : decodePatterns(
                encodePatterns(w, w, [new Int8Array(w * w).map(() => (rng.next() < 0.5 ? 1 : -1))]),
              ),
      };
      const back = decodeParams(SPEC, encodeParams(SPEC, values));
      expect(back.errors).toEqual([]);
      expect(back.values).toEqual(values);
    }
  });

  it('accepts friendly spellings', () => {
    const { values, errors } = decodeParams(SPEC, 'rule=Storkey&async=0&noise=.5&size=%2B8');
    expect(errors).toEqual([]);
    expect(values).toMatchObject({ rule: 'storkey', async: false, noise: 0.5, size: 8 });
    expect(decodeParams(SPEC, 'async').values.async).toBe(true);
    expect(decodeParams(SPEC, 'async=off').values.async).toBe(false);
    expect(decodeParams(SPEC, 'name=a+b%20c').values.name).toBe('a b c');
  });

  it('falls back to the default with one readable error per bad value', () => {
    const { values, errors } = decodeParams(
      SPEC,
      'noise=abc&size=999&rule=oja&async=maybe&name=' + 'x'.repeat(21) + '&cue=16x16.zz',
    );
    expect(values).toEqual(DEFAULTS);
    expect(errors).toEqual([
      'noise=abc is not a number between 0 and 1; using 0.2.',
      'size=999 is not a whole number between 4 and 64; using 16.',
      'rule=oja is not one of hebbian, storkey, pinv; using hebbian.',
      'async=maybe is not true or false; using true.',
      'name=xxxxxxxxxxxxxxxxxxxxx is longer than 20 characters; using empty.',
      'cue=16x16.zz could not be read as patterns (pattern 1 has 2 characters; a 16x16 pattern needs 43); using none.',
    ]);
  });

  it('never throws on garbage and always yields defaults plus errors', () => {
    const garbage = [
      'noise=NaN',
      'noise=Infinity',
      'noise=-0.5',
      'noise=1e999',
      'noise=0x10',
      'noise=',
      'noise= 0.3',
      'size=-4',
      'size=1e3',
      'size=4.5',
      'size=99999999999999999999999',
      'size=',
      'size=%zz',
      'rule=',
      'rule=__proto__',
      'cue=',
      'cue=-16x16',
      'cue=16x16.%zz',
      'cue=' + 'A'.repeat(5000),
    ];
    for (const q of garbage) {
      const r = decodeParams(SPEC, q);
      expect(r.values, q).toEqual(DEFAULTS);
      expect(r.errors.length, q).toBe(1);
    }
  });

  it('survives random strings', () => {
    const rng = createRng(11);
    const chars = 'ab=&%?#+.-_zx0123456789 \u00e9\u{1F600}';
    for (let k = 0; k < 1000; k++) {
      let q = '';
      const n = rng.int(40);
      for (let i = 0; i < n; i++) q += [...chars][rng.int([...chars].length)];
      const r = decodeParams(SPEC, q);
      expect(Object.keys(r.values)).toEqual(Object.keys(SPEC));
    }
  });

  it('ignores unknown well-formed keys silently, reports malformed pieces', () => {
    expect(decodeParams(SPEC, 'backend=wasm&old.setting=1&&size=8')).toEqual({
      values: { ...DEFAULTS, size: 8 },
      errors: [],
    });
    const r = decodeParams(SPEC, '%zz&=5&<b>=1&size=8');
    expect(r.values.size).toBe(8);
    expect(r.errors).toEqual([
      'Ignored "%zz" in the link: it is not a setting.',
      'Ignored "=5" in the link: it is not a setting.',
      'Ignored "<b>=1" in the link: it is not a setting.',
    ]);
  });

  it('lets the last of repeated keys win', () => {
    expect(decodeParams(SPEC, 'size=8&size=12').values.size).toBe(12);
  });

  it('does not read inherited object keys as params', () => {
    const r = decodeParams(SPEC, 'constructor=1&toString=2&__proto__=3');
    expect(r).toEqual({ values: DEFAULTS, errors: [] });
  });

  it('leaves out values that would not read back', () => {
    expect(encodeParams(SPEC, { size: 999, noise: NaN, rule: 'oja' as 'pinv' })).toBe('');
    expect(encodeParams(SPEC, { size: 4.5 })).toBe('');
    expect(encodeParams(SPEC, { size: 4 })).toBe('size=4');
  });

  it('updateQuery keeps foreign keys and replaces its own', () => {
    expect(updateQuery('backend=wasm&size=8&rule=pinv', SPEC, { size: 12 })).toBe(
      'backend=wasm&size=12',
    );
    expect(updateQuery('', SPEC, {})).toBe('');
  });
});

describe('queryPieces / pieceKey', () => {
  it('splits a query into its non-empty pieces, a leading ? dropped, each as written', () => {
    expect(queryPieces('?a=1&&b=%20x&c')).toEqual(['a=1', 'b=%20x', 'c']);
    expect(queryPieces('')).toEqual([]);
  });

  it('reads a piece’s key decoded, a bare key whole, and a malformed escape as written', () => {
    expect(pieceKey('pre%73ent=1')).toBe('present');
    expect(pieceKey('present')).toBe('present');
    expect(pieceKey('a%ZZ=1')).toBe('a%ZZ');
    expect(pieceKey('k=v=w')).toBe('k');
  });
});

describe('parseHash / formatHash', () => {
  it('splits the route and the query', () => {
    expect(parseHash('#/hopfield?rule=storkey&size=16')).toEqual({
      path: '/hopfield',
      query: 'rule=storkey&size=16',
    });
    expect(parseHash('')).toEqual({ path: '/', query: '' });
    expect(parseHash('#')).toEqual({ path: '/', query: '' });
    expect(parseHash('#/')).toEqual({ path: '/', query: '' });
    expect(parseHash('#hopfield')).toEqual({ path: '/hopfield', query: '' });
    expect(parseHash('#/hopfield/?a=1?b')).toEqual({ path: '/hopfield', query: 'a=1?b' });
    expect(parseHash('#?size=4')).toEqual({ path: '/', query: 'size=4' });
  });

  it('formats what it parses', () => {
    expect(formatHash('/hopfield', 'size=16')).toBe('#/hopfield?size=16');
    expect(formatHash('hopfield', '')).toBe('#/hopfield');
    expect(formatHash('/', '?a=1')).toBe('#/?a=1');
    for (const h of ['#/hopfield?rule=storkey', '#/', '#/capacity']) {
      const { path, query } = parseHash(h);
      expect(formatHash(path, query)).toBe(h);
    }
  });
});
