import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { learn, randomPatterns } from '../../models/classic/hopfield';
import { testEveryPattern } from './batchTest';

describe('Test every pattern, dense associative memory', () => {
  it('runs on typed arrays (no W) and n = 3 recalls what n = 2 cannot', async () => {
    const x = randomPatterns(25, 64, createRng(4)); // 25 > 64 / (2 ln 64) = 7.7
    const three = await testEveryPattern(learn('dense-am', x, { power: 3 }), x, 0.1, 1);
    const two = await testEveryPattern(learn('dense-am', x, { power: 2 }), x, 0.1, 1);
    expect(three.backend).toBe('typed arrays');
    expect(three.recalled).toBeGreaterThanOrEqual(24);
    expect(two.recalled).toBeLessThan(10);
  });
});
