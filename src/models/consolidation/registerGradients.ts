/**
 * Registers every tfjs-core gradient, then checks that the VAE's loss has
 * the ones it needs (./vaeGradients says why both steps). Import it once,
 * for its side effect, from the page or a worker (Vite) or a test (vitest).
 * The Node CLI cannot import it and uses cli/gradients.ts.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { assertVaeGradients } from './vaeGradients';

assertVaeGradients();
