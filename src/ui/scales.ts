/**
 * Colour scales and palettes. The app defines the theme as CSS variables;
 * these functions take a lookup for them (so tests pass a plain object) and
 * fall back to colours that read well on a projector.
 */
import { color, interpolateLab, piecewise, scaleDiverging } from 'd3';

/** Looks up a CSS custom property, '' when unset (as getPropertyValue does). */
export type VarLookup = (name: string) => string;

/** A lookup over an element's computed style. */
export function cssVars(el: Element): VarLookup {
  const style = getComputedStyle(el);
  return (name) => style.getPropertyValue(name);
}

/** The variable's value, trimmed, or the fallback when unset or not a colour d3 can parse. */
export function themeColor(lookup: VarLookup, name: string, fallback: string): string {
  const v = lookup(name).trim();
  return v && color(v) ? v : fallback;
}

export interface GridPalette {
  /** +1 cells: dark ink. */
  readonly on: string;
  /** -1 cells: light paper. */
  readonly off: string;
  /** Thin lines between cells. */
  readonly line: string;
  /** Outline of the unit recall just updated. */
  readonly highlight: string;
  /** Keyboard cursor. */
  readonly cursor: string;
  /** Marker on cells that differ from the reference pattern. */
  readonly diff: string;
}

export function gridPalette(lookup: VarLookup): GridPalette {
  return {
    on: themeColor(lookup, '--on', '#1d2b53'),
    off: themeColor(lookup, '--off', '#f4f1e8'),
    line: themeColor(lookup, '--grid-line', 'rgba(29, 43, 83, 0.14)'),
    highlight: themeColor(lookup, '--highlight', '#ff8a00'),
    cursor: themeColor(lookup, '--accent', '#0077cc'),
    diff: themeColor(lookup, '--diff', '#d7263d'),
  };
}

export interface DivergingColors {
  readonly neg: string;
  readonly mid: string;
  readonly pos: string;
}

/**
 * Ends and middle of the weight scale: --neg (blue), --heat-mid (near white)
 * and --pos (red), defaulting to the ends of ColorBrewer's RdBu.
 */
export function divergingColors(lookup: VarLookup): DivergingColors {
  return {
    neg: themeColor(lookup, '--neg', '#2166ac'),
    mid: themeColor(lookup, '--heat-mid', '#f7f7f7'),
    pos: themeColor(lookup, '--pos', '#b2182b'),
  };
}

/** t in [0, 1] to a colour: 0 -> neg, 0.5 -> mid, 1 -> pos, interpolated in Lab. */
export function divergingInterpolator(c: DivergingColors): (t: number) => string {
  return piecewise(interpolateLab, [c.neg, c.mid, c.pos]);
}

/**
 * d3.scaleDiverging over [-m, 0, +m] with m = max |w| (at least a tiny
 * positive number so an all-zero matrix still maps to the middle colour).
 * Symmetric, so 0 is always the middle colour whatever the data's skew.
 */
export function weightScale(m: number, c: DivergingColors) {
  const half = m > 0 && Number.isFinite(m) ? m : 1e-12;
  return scaleDiverging(divergingInterpolator(c)).domain([-half, 0, half]).clamp(true);
}

/** A lookup table of n RGBA colours sampled evenly from an interpolator. */
export function colorLut(interpolate: (t: number) => string, n = 256): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(n * 4);
  for (let k = 0; k < n; k++) {
    const rgb = color(interpolate(n === 1 ? 0.5 : k / (n - 1)))?.rgb();
    lut[k * 4] = rgb?.r ?? 0;
    lut[k * 4 + 1] = rgb?.g ?? 0;
    lut[k * 4 + 2] = rgb?.b ?? 0;
    lut[k * 4 + 3] = 255;
  }
  return lut;
}

/**
 * Writes RGBA pixels for values on the symmetric scale [-m, +m]: value v takes
 * LUT entry round((v / m + 1) / 2 * (n - 1)), clamped. NaN is transparent.
 * Far faster than calling a d3 scale per pixel for a 512 x 512 image.
 */
export function valuesToRgba(
  values: ArrayLike<number>,
  m: number,
  lut: Uint8ClampedArray,
  out: Uint8ClampedArray = new Uint8ClampedArray(values.length * 4),
): Uint8ClampedArray {
  const n = lut.length / 4;
  const inv = m > 0 && Number.isFinite(m) ? 1 / m : 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const o = k * 4;
    if (Number.isNaN(v)) {
      out[o + 3] = 0;
      continue;
    }
    const t = Math.min(1, Math.max(0, (v * inv + 1) / 2));
    const l = Math.round(t * (n - 1)) * 4;
    out[o] = lut[l];
    out[o + 1] = lut[l + 1];
    out[o + 2] = lut[l + 2];
    out[o + 3] = lut[l + 3];
  }
  return out;
}

/**
 * Line colours for chart series: the Okabe-Ito palette, distinguishable with
 * the common colour-vision deficiencies and on a washed-out projector.
 */
export const SERIES_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7f7f7f',
  '#f0e442',
] as const;

export function seriesColor(index: number, explicit?: string): string {
  return explicit ?? SERIES_COLORS[index % SERIES_COLORS.length];
}
