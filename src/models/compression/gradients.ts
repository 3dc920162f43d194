/**
 * Gradients for training the autoencoder with tfjs autodiff.
 *
 * The split @tensorflow/tfjs-core package registers no gradient functions by
 * itself; `@tensorflow/tfjs-core/dist/register_all_gradients` does. Its
 * registry is a process-wide global (tfjs keeps it on globalThis._tfGlobals,
 * and its engine on globalThis._tfengine), so when Node loads two copies of
 * tfjs-core side by side (the CommonJS bundle that `import '@tensorflow/tfjs-core'`
 * resolves to, and the ES-module tree that register_all_gradients pulls in),
 * gradients registered through one copy are seen by the other. The check
 * below asks the copy THIS module imports, so it fails loudly if that ever
 * stops being true.
 *
 * Where to register (once per process):
 * - browser (Vite) and vitest: import './registerGradients'.
 * - the Node CLI (tsx): the ES-module tree cannot be imported there (Node's
 *   resolver stops at tfjs-core's extensionless and directory imports), so
 *   cli/compress.ts loads the same file with require(), which resolves them.
 * The trainer calls assertGradients() before its first step.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The kernels whose gradients the autoencoder's loss needs. */
export const TRAINING_KERNELS: readonly string[] = [
  'BatchMatMul',
  'Add',
  'AddN',
  'Sub',
  'Multiply',
  'Relu',
  'Tanh',
  'Slice',
  'Max',
  'Exp',
  'Log',
  'Sum',
  'Square',
  'Reshape',
];

/** Kernels of `kernels` with no gradient registered on the tfjs-core this module sees. */
export function missingGradientsOf(kernels: readonly string[]): string[] {
  return kernels.filter((k) => tf.getGradient(k) === undefined);
}

/**
 * Throws unless every kernel of `kernels` has a gradient registered; the
 * message names the missing ones, then `toImport` (what to import, and
 * where). The VAE's check (../consolidation/vaeGradients) uses it too.
 */
export function assertGradientsOf(kernels: readonly string[], toImport: string): void {
  const missing = missingGradientsOf(kernels);
  if (missing.length > 0) {
    throw new Error(`tfjs has no gradient for ${missing.join(', ')}: import ${toImport}`);
  }
}

/** Kernels of TRAINING_KERNELS with no gradient registered on the tfjs-core this module sees. */
export function missingGradients(): string[] {
  return missingGradientsOf(TRAINING_KERNELS);
}

/** Throws, naming what to import, unless every gradient the loss needs is registered. */
export function assertGradients(): void {
  assertGradientsOf(
    TRAINING_KERNELS,
    "'src/models/compression/registerGradients' (browser, vitest) or load " +
      "'@tensorflow/tfjs-core/dist/register_all_gradients' with require() (Node CLI) first",
  );
}
