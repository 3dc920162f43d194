/**
 * Registers every tfjs-core gradient, then checks that the tfjs-core copy
 * the models import sees them (./gradients explains why both steps). Import
 * it once, for its side effect, from the page (Vite) or a test (vitest).
 * The Node CLI cannot import it (see ./gradients) and uses require().
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { assertGradients } from './gradients';

assertGradients();
