import { describe, expect, it } from 'vitest';
import { ALPHA_C, capacity } from './theory';

describe('capacity', () => {
  it('computes the textbook bounds from D', () => {
    const d = 256;
    expect(capacity('hebbian', d).exact).toBeCloseTo(256 / (2 * Math.log(256)), 10);
    expect(capacity('storkey', d).exact).toBeCloseTo(256 / Math.sqrt(2 * Math.log(256)), 10);
    expect(capacity('hebbian', d).retrieval).toBeCloseTo(ALPHA_C * 256, 10);
    // Storkey's bound exceeds Hebbian's for every D > e^(1/2)... in practice for all grids.
    for (const n of [64, 256, 4096]) {
      expect(capacity('storkey', n).exact).toBeGreaterThan(capacity('hebbian', n).exact);
    }
  });
});
