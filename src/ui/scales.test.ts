import { describe, expect, it } from 'vitest';
import { color } from 'd3';
import {
  colorLut,
  divergingColors,
  divergingInterpolator,
  gridPalette,
  seriesColor,
  SERIES_COLORS,
  themeColor,
  valuesToRgba,
  weightScale,
} from './scales';

const vars =
  (v: Record<string, string>) =>
  (name: string): string =>
    v[name] ?? '';

describe('theme colours', () => {
  it('uses a set CSS variable and falls back when unset or unparsable', () => {
    expect(themeColor(vars({ '--on': ' #123456 ' }), '--on', '#000')).toBe('#123456');
    expect(themeColor(vars({}), '--on', '#000')).toBe('#000');
    expect(themeColor(vars({ '--on': 'var(--x)' }), '--on', '#000')).toBe('#000');
  });

  it('gridPalette has dark ink on light paper by default', () => {
    const p = gridPalette(vars({}));
    const lum = (c: string) => {
      const { r, g, b } = color(c)!.rgb();
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(lum(p.on)).toBeLessThan(80);
    expect(lum(p.off)).toBeGreaterThan(200);
    expect(gridPalette(vars({ '--on': 'white' })).on).toBe('white');
  });
});

describe('diverging weight scale', () => {
  const c = divergingColors(vars({}));

  it('is symmetric: 0 is the middle colour, -m and +m the ends', () => {
    const s = weightScale(0.5, c);
    expect(s.domain()).toEqual([-0.5, 0, 0.5]);
    expect(color(s(0))!.formatHex()).toBe(color(c.mid)!.formatHex());
    expect(color(s(-0.5))!.formatHex()).toBe(color(c.neg)!.formatHex());
    expect(color(s(0.5))!.formatHex()).toBe(color(c.pos)!.formatHex());
    // Clamped beyond the range.
    expect(s(3)).toBe(s(0.5));
  });

  it('survives an all-zero matrix', () => {
    const s = weightScale(0, c);
    expect(color(s(0))!.formatHex()).toBe(color(c.mid)!.formatHex());
  });

  it('takes its colours from --neg, --heat-mid and --pos', () => {
    const t = divergingColors(
      vars({ '--neg': '#0000ff', '--pos': '#ff0000', '--heat-mid': '#000' }),
    );
    const f = divergingInterpolator(t);
    expect(color(f(0))!.formatHex()).toBe('#0000ff');
    expect(color(f(1))!.formatHex()).toBe('#ff0000');
    expect(color(f(0.5))!.formatHex()).toBe('#000000');
  });
});

describe('LUT rendering', () => {
  const lut = colorLut(
    divergingInterpolator({ neg: '#0000ff', mid: '#ffffff', pos: '#ff0000' }),
    5,
  );

  it('samples the interpolator evenly', () => {
    expect(lut.length).toBe(20);
    expect(Array.from(lut.slice(0, 4))).toEqual([0, 0, 255, 255]);
    expect(Array.from(lut.slice(8, 12))).toEqual([255, 255, 255, 255]);
    expect(Array.from(lut.slice(16, 20))).toEqual([255, 0, 0, 255]);
  });

  it('maps -m, 0, +m and beyond to the ends and middle; NaN is transparent', () => {
    const px = valuesToRgba([-2, 0, 2, 10, NaN], 2, lut);
    expect(Array.from(px.slice(0, 4))).toEqual([0, 0, 255, 255]);
    expect(Array.from(px.slice(4, 8))).toEqual([255, 255, 255, 255]);
    expect(Array.from(px.slice(8, 12))).toEqual([255, 0, 0, 255]);
    expect(Array.from(px.slice(12, 16))).toEqual([255, 0, 0, 255]);
    expect(px[19]).toBe(0);
  });

  it('draws everything in the middle colour when m is 0', () => {
    const px = valuesToRgba([0, 0], 0, lut);
    expect(Array.from(px.slice(0, 4))).toEqual([255, 255, 255, 255]);
  });
});

it('seriesColor cycles the palette unless a colour is given', () => {
  expect(seriesColor(0)).toBe(SERIES_COLORS[0]);
  expect(seriesColor(SERIES_COLORS.length + 1)).toBe(SERIES_COLORS[1]);
  expect(seriesColor(3, 'tomato')).toBe('tomato');
  expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
});
