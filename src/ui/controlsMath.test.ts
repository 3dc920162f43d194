import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  formatEta,
  formatValue,
  LOG_STEPS,
  nextSliderValue,
  percent,
  progressText,
  sliderToValue,
  snap,
  valueToSlider,
} from './controlsMath';

describe('snap', () => {
  it('rounds to the step grid from min, without float dust', () => {
    expect(snap(0.30000000000000004, { min: 0, max: 1, step: 0.1 })).toBe(0.3);
    expect(snap(0.76, { min: 0, max: 1, step: 0.25 })).toBe(0.75);
    expect(snap(0.2, { min: 0.05, max: 1, step: 0.1 })).toBe(0.25);
    expect(snap(0.126, { min: 0, max: 1, step: 0.125 })).toBe(0.125);
  });

  it('clamps to [min, max] and leaves step 0 unsnapped', () => {
    expect(snap(5, { min: 0, max: 1, step: 0.1 })).toBe(1);
    expect(snap(-5, { min: 0, max: 1, step: 0.1 })).toBe(0);
    expect(snap(0.123456, { min: 0, max: 1, step: 0 })).toBe(0.123456);
  });

  it('decimalsOf reads plain and exponent forms', () => {
    expect(decimalsOf(0.125)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(20)).toBe(0);
  });
});

describe('log sliders', () => {
  const beta = { min: 0.1, max: 100, step: 0.01, log: true };

  it('spread decades evenly over the track', () => {
    expect(sliderToValue(0, beta)).toBe(0.1);
    expect(sliderToValue(LOG_STEPS, beta)).toBe(100);
    expect(sliderToValue(LOG_STEPS / 3, beta)).toBe(1);
    expect(sliderToValue((2 * LOG_STEPS) / 3, beta)).toBe(10);
  });

  it('round-trip through the position', () => {
    for (const v of [0.1, 0.5, 1, 8, 100]) {
      expect(sliderToValue(valueToSlider(v, beta), beta)).toBeCloseTo(v, 1);
    }
    expect(valueToSlider(1000, beta)).toBe(LOG_STEPS);
  });

  it('always move when an arrow key nudges the position', () => {
    // Near 1, one notch (x1.0069) is smaller than the 0.01 step and snaps back to 1.
    expect(sliderToValue(valueToSlider(1, beta) + 1, beta)).toBe(1);
    expect(nextSliderValue(valueToSlider(1, beta) + 1, 1, beta)).toBe(1.01);
    expect(nextSliderValue(valueToSlider(1, beta) - 1, 1, beta)).toBe(0.99);
    // Far from min a notch is bigger than a step: follow the track.
    expect(nextSliderValue(valueToSlider(50, beta) + 1, 50, beta)).toBeGreaterThan(50.3);
    // At the top it stays put.
    expect(nextSliderValue(LOG_STEPS, 100, beta)).toBe(100);
  });

  it('linear sliders use the value as the position', () => {
    const lin = { min: 0, max: 10, step: 1 };
    expect(valueToSlider(3, lin)).toBe(3);
    expect(sliderToValue(3.4, lin)).toBe(3);
    // log with min <= 0 falls back to linear
    expect(sliderToValue(4, { ...lin, log: true })).toBe(4);
  });
});

it('formatValue keeps four significant digits', () => {
  expect(formatValue(0.138)).toBe('0.138');
  expect(formatValue(1 / 3)).toBe('0.3333');
  expect(formatValue(12345)).toBe('12350');
});

describe('progress text', () => {
  it('formats an ETA in s, min and h', () => {
    expect(formatEta(undefined)).toBe('');
    expect(formatEta(NaN)).toBe('');
    expect(formatEta(0.2)).toBe('less than a second left');
    expect(formatEta(41.6)).toBe('about 42 s left');
    expect(formatEta(185)).toBe('about 3 min left');
    expect(formatEta(3900)).toBe('about 1 h 5 min left');
  });

  it('clamps the percentage and says "working" when unknown', () => {
    expect(percent(0.426)).toBe(43);
    expect(percent(2)).toBe(100);
    expect(percent(NaN)).toBeNull();
    expect(progressText(0.42, 12)).toBe('42%, about 12 s left');
    expect(progressText(0.42)).toBe('42%');
    expect(progressText(NaN)).toBe('working');
  });
});
