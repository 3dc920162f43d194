/**
 * tfjs-core's gradients in Node, for training with autodiff (the VAE of
 * src/models/consolidation/vaeNet.ts). register_all_gradients is an
 * ES-module tree that Node's own resolver cannot import under tsx
 * (extensionless and directory imports); require() through tsx loads it,
 * and under vitest the ES-module import works. Both register on the
 * process-wide registry the models see, which the check confirms.
 */
import { createRequire } from 'node:module';
import { assertVaeGradients, missingVaeGradients } from '../src/models/consolidation/vaeGradients';

/** Registers tfjs-core's gradients once per process (a no-op when they are there). */
export async function registerGradientsInNode(): Promise<void> {
  if (missingVaeGradients().length === 0) return;
  try {
    createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
  } catch {
    // not under tsx (vitest): the ES-module import works there
    await import('../src/models/consolidation/registerGradients');
  }
  assertVaeGradients();
}
