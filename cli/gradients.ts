/**
 * tfjs-core's gradients in Node, for training with autodiff (the VAE of
 * src/models/consolidation/vaeNet.ts, the Hopfield autoencoder of
 * src/models/compression/autoencoder.ts). register_all_gradients is an
 * ES-module tree that Node's own resolver cannot import under tsx
 * (extensionless and directory imports); require() through tsx loads it,
 * and under vitest the ES-module import works. Both register on the
 * process-wide registry the models see, which the check confirms.
 */
import { createRequire } from 'node:module';
import { assertVaeGradients, missingVaeGradients } from '../src/models/consolidation/vaeGradients';

/** The gradients one model needs: which are missing, the check that throws, the page's import. */
export interface GradientNeeds {
  missing(): string[];
  assert(): void;
  /** The model's registerGradients module (registers all, then checks), for vitest. */
  esModule(): Promise<unknown>;
}

/** Registers all of tfjs-core's gradients once per process (a no-op when `needs` has them). */
export async function registerGradientsFor(needs: GradientNeeds): Promise<void> {
  if (needs.missing().length === 0) return;
  try {
    createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
  } catch {
    // not under tsx (vitest): the ES-module import works there
    await needs.esModule();
  }
  needs.assert();
}

/** Registers tfjs-core's gradients once per process, for the VAE's loss. */
export const registerGradientsInNode = (): Promise<void> =>
  registerGradientsFor({
    missing: missingVaeGradients,
    assert: assertVaeGradients,
    esModule: () => import('../src/models/consolidation/registerGradients'),
  });
