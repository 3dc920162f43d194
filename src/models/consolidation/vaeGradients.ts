/**
 * The gradients the VAE's loss (./vaeNet) needs from tfjs autodiff.
 *
 * The split @tensorflow/tfjs-core package registers no gradient functions by
 * itself; `@tensorflow/tfjs-core/dist/register_all_gradients` does, on the
 * process-wide registry (globalThis._tfGlobals), which every copy of
 * tfjs-core in a process shares (../compression/gradients explains the two
 * copies Node loads). Register once per process:
 * - browser (Vite) and vitest: import './registerGradients';
 * - the Node CLI (tsx), where that ES-module tree cannot be imported:
 *   cli/gradients.ts loads it with require().
 * ./vae checks before its first training step and says what to import (the
 * check itself is ../compression/gradients' assertGradientsOf).
 * The dense layers' matrix products have their own gradient (./vaeNet), so
 * BatchMatMul's is not needed.
 */
import { assertGradientsOf, missingGradientsOf } from '../compression/gradients';

/** Kernels in the VAE's loss whose gradients autodiff needs. */
export const VAE_KERNELS: readonly string[] = [
  'Add',
  'Sub',
  'Multiply',
  'Relu',
  'Exp',
  'Log1p',
  'Abs',
  'Neg',
  'Sum',
  'Mean',
  'Square',
];

/** Kernels of VAE_KERNELS with no gradient registered on the tfjs-core this module sees. */
export function missingVaeGradients(): string[] {
  return missingGradientsOf(VAE_KERNELS);
}

/** Throws, naming what to import, unless every gradient the VAE's loss needs is registered. */
export function assertVaeGradients(): void {
  assertGradientsOf(
    VAE_KERNELS,
    "'src/models/consolidation/registerGradients' (browser, vitest) or call " +
      'registerGradientsInNode from cli/gradients.ts (Node CLI) before training the VAE',
  );
}
