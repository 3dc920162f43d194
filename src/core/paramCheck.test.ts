import { describe, expect, it } from 'vitest';
import { checkTableValue } from './paramCheck';
import { boolParam, enumParam, floatParam, intParam, stringParam } from './params';

const TABLE = {
  n: intParam(10, 1, 20, 'items', { label: 'Items' }),
  beta: floatParam(1, 0, 2, 'inverse temperature'),
  rule: enumParam(['hebb', 'storkey'] as const, 'hebb', 'learning rule', { label: 'Rule' }),
  on: boolParam(false, 'switch', { label: 'Switch' }),
  name: stringParam('', 'a name', 20, { label: 'Name' }),
};

describe('checking a value against its row', () => {
  it('accepts values of the row and names the setting by its label when it refuses one', () => {
    expect(checkTableValue(TABLE, 'n', 20)).toBeNull();
    expect(checkTableValue(TABLE, 'beta', 0.5)).toBeNull();
    expect(checkTableValue(TABLE, 'rule', 'storkey')).toBeNull();
    expect(checkTableValue(TABLE, 'on', true)).toBeNull();
    expect(checkTableValue(TABLE, 'name', 'x')).toBeNull();
    expect(checkTableValue(TABLE, 'n', 21)).toBe('Items must be between 1 and 20; got 21.');
    expect(checkTableValue(TABLE, 'n', 2.5)).toBe('Items must be a whole number; got 2.5.');
    expect(checkTableValue(TABLE, 'beta', NaN)).toBe('beta must be a number; got "NaN".');
    expect(checkTableValue(TABLE, 'rule', 'oja')).toBe(
      'Rule must be one of hebb, storkey; got "oja".',
    );
    expect(checkTableValue(TABLE, 'on', 1)).toBe('Switch must be on or off.');
    expect(checkTableValue(TABLE, 'name', 3)).toBe('Name must be a text.');
    expect(checkTableValue(TABLE, 'toString', 1)).toBe('There is no setting called "toString".');
  });
});
