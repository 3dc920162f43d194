/**
 * The explorations (./explorer) work on the VAE on screen, which can be
 * replaced while one runs: a live run in the worker puts a new VAE on
 * screen at each epoch's end and disposes the old one (./workerRun), and a
 * paced exploration (the map, few-shot learning) spans many tasks. A
 * disposed VAE throws at its next use. So an exploration whose VAE was
 * replaced under it is done again on the VAE now on screen (a few times at
 * most); if none is left, or it keeps being replaced, it stops quietly.
 * An error with its VAE still on screen is a real one and is thrown.
 */
import type { Vae } from '../../models/consolidation/vae';

/** How many times an exploration is tried before it gives up on a VAE that keeps changing. */
export const EXPLORE_TRIES = 3;

/** `f`'s result on the VAE on screen, or null when there was none to finish on. */
export async function onScreenVae<T>(
  current: () => Vae | null,
  f: (vae: Vae) => Promise<T>,
  tries = EXPLORE_TRIES,
): Promise<{ vae: Vae; result: T } | null> {
  for (let i = 0; i < tries; i++) {
    const vae = current();
    if (!vae || vae.disposed) return null;
    try {
      const result = await f(vae);
      if (!vae.disposed) return { vae, result };
    } catch (e) {
      if (!vae.disposed) throw e;
    }
  }
  return null;
}
