/**
 * Seeds for the experiments. Every trial draws from its own generator, made
 * from the run's seed and the trial's coordinates (which point, which
 * trial), so a row does not depend on how trials were grouped into batches,
 * on the engine, or on which rows ran before it: a shared seed replays the
 * same numbers on every machine.
 */
import { createRng, type Rng } from '../../core/random';

/** Mixes integers into one 32-bit seed (murmur3's finaliser on each step). */
export function deriveSeed(seed: number, ...keys: number[]): number {
  let h = (seed >>> 0) ^ 0x9e3779b9;
  for (const k of keys) {
    h = Math.imul(h ^ (k >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x6d2b79f5) >>> 0;
  }
  return h >>> 0;
}

/** A generator for one trial: createRng(deriveSeed(seed, ...keys)). */
export function trialRng(seed: number, ...keys: number[]): Rng {
  return createRng(deriveSeed(seed, ...keys));
}
