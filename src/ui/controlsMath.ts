/**
 * Pure helpers for the small controls: slider position <-> value (linear or
 * logarithmic), snapping, and progress text.
 */

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /** Values snap to multiples of step counted from min (none when step <= 0). */
  readonly step: number;
  readonly log?: boolean;
}

/** A log slider's <input type=range> runs over integer positions 0..LOG_STEPS. */
export const LOG_STEPS = 1000;

/** Rounds to the nearest min + k * step inside [min, max], without float dust. */
export function snap(value: number, r: SliderRange): number {
  const clamped = Math.min(r.max, Math.max(r.min, value));
  if (!(r.step > 0)) return clamped;
  const k = Math.round((clamped - r.min) / r.step);
  const decimals = Math.min(12, Math.max(decimalsOf(r.step), decimalsOf(r.min)));
  const snapped = Number((r.min + k * r.step).toFixed(decimals));
  return Math.min(r.max, Math.max(r.min, snapped));
}

/** Digits after the point in a number's shortest form: 0.125 -> 3, 1e-7 -> 7. */
export function decimalsOf(x: number): number {
  const [mantissa, exp] = Math.abs(x).toString().split('e');
  const frac = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, frac - Number(exp ?? 0));
}

/**
 * The value at an input position. Linear: the position is the value. Log
 * (min > 0): position p in [0, LOG_STEPS] is min * (max / min)^(p / LOG_STEPS),
 * so each notch multiplies the value by the same factor (beta 0.1 .. 100).
 */
export function sliderToValue(position: number, r: SliderRange): number {
  if (!r.log || !(r.min > 0)) return snap(position, r);
  const t = Math.min(1, Math.max(0, position / LOG_STEPS));
  return snap(r.min * Math.pow(r.max / r.min, t), r);
}

/** The input position that shows `value` (inverse of sliderToValue). */
export function valueToSlider(value: number, r: SliderRange): number {
  if (!r.log || !(r.min > 0)) return Math.min(r.max, Math.max(r.min, value));
  const v = Math.min(r.max, Math.max(r.min, value));
  return Math.round((LOG_STEPS * Math.log(v / r.min)) / Math.log(r.max / r.min));
}

/**
 * The value after the input moved to `position`, from `current`. Where a log
 * track's notches are finer than `step` (near min), the snapped value can
 * land back on `current` and an arrow key would never get past it; then it
 * moves one step in the direction of travel instead.
 */
export function nextSliderValue(position: number, current: number, r: SliderRange): number {
  const v = sliderToValue(position, r);
  if (v !== current || !(r.step > 0)) return v;
  const dir = Math.sign(position - valueToSlider(current, r));
  return dir === 0 ? v : snap(current + dir * r.step, r);
}

/** Default value text: up to 4 significant digits. */
export function formatValue(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left"; '' when unknown. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 60) return `about ${Math.round(seconds)} s left`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `about ${min} min left`;
  return `about ${Math.floor(min / 60)} h ${min % 60} min left`;
}

/** Progress as a whole percentage, clamped to 0..100; null when not a number (indeterminate). */
export function percent(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

/** Screen-reader text for a progress bar: "42%, about 12 s left". */
export function progressText(value: number, etaSeconds?: number): string {
  const p = percent(value);
  const eta = formatEta(etaSeconds);
  const head = p === null ? 'working' : `${p}%`;
  return eta ? `${head}, ${eta}` : head;
}
