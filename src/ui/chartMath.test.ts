import { describe, expect, it } from 'vitest';
import {
  chartDomains,
  decimate,
  describeChart,
  drawable,
  formatNumber,
  moveIndex,
  nearestIndex,
  primaryIndex,
  toPoints,
  type Point,
} from './chartMath';

it('toPoints numbers plain values by index and passes points through', () => {
  expect(toPoints([5, 7])).toEqual([
    { x: 0, y: 5 },
    { x: 1, y: 7 },
  ]);
  const pts = [{ x: 2, y: 3 }];
  expect(toPoints(pts)).toBe(pts);
  expect(toPoints([])).toEqual([]);
});

describe('chartDomains', () => {
  const a: Point[] = [
    { x: 0, y: -3 },
    { x: 10, y: 4 },
  ];

  it('covers every series and marker', () => {
    const d = chartDomains([a, [{ x: 20, y: 1 }]], [{ y: 9, label: 'theory' }]);
    expect(d.x).toEqual([0, 20]);
    expect(d.y).toEqual([-3, 9]);
  });

  it('lets a fixed yDomain win', () => {
    expect(chartDomains([a], [], { yDomain: [0, 1] }).y).toEqual([0, 1]);
  });

  it('ignores values a log axis cannot show', () => {
    const d = chartDomains(
      [
        [
          { x: 0, y: 1 },
          { x: 1, y: 100 },
          { x: 10, y: 0 },
          { x: 100, y: 10 },
        ],
      ],
      [],
      { logX: true, logY: true },
    );
    expect(d.x).toEqual([1, 100]);
    expect(d.y).toEqual([10, 100]);
  });

  it('widens empty and flat extents', () => {
    expect(chartDomains([])).toEqual({ x: [0, 1], y: [0, 1] });
    expect(chartDomains([[{ x: 3, y: 2 }]])).toEqual({ x: [2, 4], y: [1, 3] });
    expect(chartDomains([[{ x: 3, y: 2 }]], [], { logY: true }).y).toEqual([0.2, 20]);
    expect(chartDomains([[{ x: NaN, y: 2 }]]).x).toEqual([0, 1]);
  });

  it('drawable rejects non-finite and, on log axes, non-positive values', () => {
    expect(drawable(0, false)).toBe(true);
    expect(drawable(0, true)).toBe(false);
    expect(drawable(Infinity, false)).toBe(false);
    expect(drawable(undefined, false)).toBe(false);
  });
});

describe('decimate', () => {
  const wave = Array.from({ length: 10_000 }, (_, k) => ({ x: k, y: Math.sin(k / 7) * k }));
  const px = (x: number) => (x / 10_000) * 200; // 200 px wide

  it('keeps at most 4 points per pixel column, in order', () => {
    const d = decimate(wave, px, 200);
    expect(d.length).toBeLessThanOrEqual(800);
    for (let k = 1; k < d.length; k++) expect(d[k].x).toBeGreaterThan(d[k - 1].x);
  });

  it('keeps the ends and every column extreme', () => {
    const d = decimate(wave, px, 200);
    expect(d[0]).toBe(wave[0]);
    expect(d[d.length - 1]).toBe(wave[wave.length - 1]);
    const ys = wave.map((p) => p.y);
    const dys = d.map((p) => p.y);
    expect(Math.max(...dys)).toBe(Math.max(...ys));
    expect(Math.min(...dys)).toBe(Math.min(...ys));
    // Column 50 covers x 2500..2549: its max survives.
    const col = wave.slice(2500, 2550).reduce((m, p) => (p.y > m.y ? p : m));
    expect(d).toContain(col);
  });

  it('passes short series through untouched', () => {
    const short = wave.slice(0, 100);
    expect(decimate(short, px, 200)).toBe(short);
  });
});

it('nearestIndex finds the closest x, first on ties', () => {
  const pts = [0, 2, 4, 6].map((x) => ({ x, y: 0 }));
  expect(nearestIndex(pts, 2.9)).toBe(1);
  expect(nearestIndex(pts, 3)).toBe(1);
  expect(nearestIndex(pts, 99)).toBe(3);
  expect(nearestIndex([], 1)).toBe(-1);
});

it('nearestIndex measures on screen when given a scale', () => {
  // Among 1, 10, 100 the value 40 is nearest 10, but on a log axis it sits
  // nearer 100 (log10 40 = 1.6 is nearer 2 than 1).
  const pts = [1, 10, 100].map((x) => ({ x, y: 0 }));
  expect(nearestIndex(pts, 40)).toBe(1);
  expect(nearestIndex(pts, Math.log10(40), Math.log10)).toBe(2);
});

it('primaryIndex picks the longest series', () => {
  const p = (n: number) => Array.from({ length: n }, (_, x) => ({ x, y: 0 }));
  expect(primaryIndex([p(3), p(10), p(10)])).toBe(1);
  expect(primaryIndex([])).toBe(-1);
});

describe('moveIndex', () => {
  it('steps, jumps and clamps', () => {
    expect(moveIndex(5, 'ArrowRight', 100)).toBe(6);
    expect(moveIndex(5, 'ArrowLeft', 100, true)).toBe(0);
    expect(moveIndex(95, 'ArrowRight', 100, true)).toBe(99);
    expect(moveIndex(5, 'Home', 100)).toBe(0);
    expect(moveIndex(5, 'End', 100)).toBe(99);
  });

  it('starts at the newest point and ignores other keys', () => {
    expect(moveIndex(-1, 'ArrowLeft', 100)).toBe(99);
    expect(moveIndex(-1, 'Home', 100)).toBe(0);
    expect(moveIndex(5, 'Enter', 100)).toBeNull();
    expect(moveIndex(0, 'ArrowRight', 0)).toBeNull();
  });
});

it('formatNumber gives four significant digits', () => {
  expect(formatNumber(0.138)).toBe('0.138');
  expect(formatNumber(-1234.5678)).toBe('−1235');
  expect(formatNumber(NaN)).toBe('NaN');
});

it('describeChart summarises each series for a screen reader', () => {
  const text = describeChart(
    ['energy', 'theory'],
    [
      [
        { x: 0, y: -10 },
        { x: 1, y: -40.5 },
      ],
      [],
    ],
    'step',
    'E',
  );
  expect(text).toBe(
    'E against step. energy: 2 points, E from −40.5 to −10, last −40.5 at step 1. theory: no points yet.',
  );
});
