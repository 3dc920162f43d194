import { describe, expect, it } from 'vitest';
import {
  customParam,
  defaults,
  enumParam,
  floatParam,
  intParam,
  invalid,
  listParam,
  subsetParam,
  UsageError,
} from './params';
import { decodeParams, encodeParams, namedIn, updateQuery } from './paramLink';
import { describeArgs, parseArgs } from './paramArgs';

const TABLE = {
  dynamics: enumParam(['async', 'sync'] as const, 'async', 'recall dynamics', { link: 'dyn' }),
  maxSteps: intParam(30, 1, 500, 'step limit'),
  loads: listParam([0.1, 0.2], 0, 2, 'loads N/D'),
  rules: subsetParam(['hebbian', 'storkey', 'pseudoinverse'] as const, ['hebbian'], 'rules', {
    flag: 'rule',
  }),
  picks: customParam<[number, number]>([7, 1], 'two digits', {
    read: (t) =>
      /^\d\d$/.test(t)
        ? { ok: true, value: [Number(t[0]), Number(t[1])] }
        : invalid('is not two digits', 'must be two digits'),
    write: (v) => v.join(''),
    same: (a, b) => a[0] === b[0] && a[1] === b[1],
  }),
  secret: floatParam(0.5, 0, 1, 'not in the link', { link: false }),
};

describe('the parameter table: one source for store, link and flags', () => {
  it('gives typed defaults with fresh arrays', () => {
    const d = defaults(TABLE);
    expect(d).toEqual({
      dynamics: 'async',
      maxSteps: 30,
      loads: [0.1, 0.2],
      rules: ['hebbian'],
      picks: [7, 1],
      secret: 0.5,
    });
    d.loads.push(9);
    expect(TABLE.loads.default).toEqual([0.1, 0.2]);
  });

  it('reads and writes the link under the short keys, lists and subsets included', () => {
    const values = {
      ...defaults(TABLE),
      dynamics: 'sync' as const,
      loads: [0.05, 0.3],
      rules: ['hebbian' as const, 'storkey' as const],
      picks: [3, 8] as [number, number],
      secret: 0.9,
    };
    const q = encodeParams(TABLE, values);
    expect(q).toBe('dyn=sync&loads=0.05%2C0.3&rules=hebbian%2Cstorkey&picks=38');
    const back = decodeParams(TABLE, q);
    expect(back.errors).toEqual([]);
    expect(back.values).toEqual({ ...values, secret: 0.5 });
    expect(updateQuery('backend=wasm&dyn=async', TABLE, values)).toBe(`backend=wasm&${q}`);
  });

  it('sorts and dedupes lists, orders subsets by the table', () => {
    const { values } = decodeParams(TABLE, 'loads=0.3,0.1,0.3&rules=storkey,hebbian');
    expect(values.loads).toEqual([0.1, 0.3]);
    expect(values.rules).toEqual(['hebbian', 'storkey']);
  });

  it('bad link values fall back with one line each', () => {
    const { values, errors } = decodeParams(TABLE, 'loads=0.1,zz&rules=oja&picks=7&dyn=fast');
    expect(values).toEqual(defaults(TABLE));
    expect(errors).toEqual([
      "loads=0.1,zz is not a list of numbers between 0 and 2 ('zz' is not a number); using 0.1,0.2.",
      "rules=oja holds 'oja', which is not one of hebbian, storkey, pseudoinverse; using hebbian.",
      'picks=7 is not two digits; using 71.',
      'dyn=fast is not one of async, sync; using async.',
    ]);
  });

  it('parses command lines from the same table, kebab-case or named flags', () => {
    const v = parseArgs(TABLE, ['--max-steps', '40', '--rule=storkey,hebbian', '--loads', '1,0.5']);
    expect(v).toMatchObject({ maxSteps: 40, rules: ['hebbian', 'storkey'], loads: [0.5, 1] });
    expect(() => parseArgs(TABLE, ['--max-steps', '0'])).toThrow('--max-steps must be at least 1');
    expect(() => parseArgs(TABLE, ['--loads', '3'])).toThrow('--loads: 3 is not between 0 and 2');
    expect(() => parseArgs(TABLE, ['--rules', 'x'])).toThrow(/unknown flag --rules/);
    expect(() => parseArgs(TABLE, ['--max-steps'])).toThrow(UsageError);
    expect(describeArgs(TABLE)).toMatch(/--rule hebbian\|storkey\|pseudoinverse\[,...\]/);
  });

  it('says which settings a link names, by their link keys, good values or bad', () => {
    expect([...namedIn(TABLE, 'dyn=fast&backend=wasm&maxSteps=%zz')]).toEqual([
      'dynamics',
      'maxSteps',
    ]);
    expect(namedIn(TABLE, 'dynamics=sync&loads').has('loads')).toBe(true);
    expect(namedIn(TABLE, 'dynamics=sync').size).toBe(0);
  });
});
