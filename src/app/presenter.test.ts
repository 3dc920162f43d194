import { describe, expect, it } from 'vitest';
import { foldRule, hashWithPresent, presentingIn, withPresent } from './presenter';

describe('presenter mode in the link', () => {
  it('reads present=1 and its spellings, the last key winning', () => {
    expect(presentingIn('')).toBe(false);
    expect(presentingIn('size=16&present=1')).toBe(true);
    expect(presentingIn('present')).toBe(true);
    expect(presentingIn('present=true&x=2')).toBe(true);
    expect(presentingIn('present=0')).toBe(false);
    expect(presentingIn('present=1&present=no')).toBe(false);
    expect(presentingIn('presenter=1')).toBe(false);
  });

  it('adds or removes only its key, keeping the rest of the link in order', () => {
    expect(withPresent('size=16&pats=z16x16.abc', true)).toBe('size=16&pats=z16x16.abc&present=1');
    expect(withPresent('present=1&size=16&present=yes', false)).toBe('size=16');
    expect(withPresent('size=16&present=1', true)).toBe('size=16&present=1');
    expect(hashWithPresent('#/modern?lesson=regimes&step=3', true)).toBe(
      '#/modern?lesson=regimes&step=3&present=1',
    );
    expect(hashWithPresent('#/?present=1', false)).toBe('#/');
    expect(hashWithPresent('', true)).toBe('#/?present=1');
  });

  it('folds every panel a step does not list, keeping those that hold a listed one', () => {
    expect(foldRule([])).toBe('');
    const rule = foldRule(['network', 'recall']);
    expect(rule).toContain('html[data-present][data-lesson-panels] [data-panel]');
    expect(rule).toContain(':not([data-panel="network"]):not(:has([data-panel="network"]))');
    expect(rule).toContain(':not([data-panel="recall"])');
    expect(rule).toContain('display: none');
  });
});
