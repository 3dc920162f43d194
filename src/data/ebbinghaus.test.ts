import { describe, expect, it } from 'vitest';
import { EBBINGHAUS_1885, ebbinghausArrays } from './ebbinghaus';

describe('Ebbinghaus 1885 savings', () => {
  it('has seven points with increasing delays and falling savings', () => {
    const { hours, savings } = ebbinghausArrays();
    expect(hours.length).toBe(7);
    for (let i = 1; i < 7; i++) {
      expect(hours[i]).toBeGreaterThan(hours[i - 1]);
      expect(savings[i]).toBeLessThan(savings[i - 1]);
    }
    expect(hours[0] * 60).toBeCloseTo(20, 10);
    expect(hours[6] / 24).toBe(31);
  });

  it('labels agree with the delays', () => {
    const toHours = (label: string) => {
      const [n, unit] = label.split(' ');
      return Number(n) * { min: 1 / 60, h: 1, d: 24 }[unit as 'min' | 'h' | 'd'];
    };
    for (const p of EBBINGHAUS_1885) expect(toHours(p.label)).toBeCloseTo(p.delayHours, 10);
  });
});
