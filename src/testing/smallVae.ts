/**
 * For tests of saving and reading a VAE: a small one (one hidden layer of 8)
 * at its seeded initial weights, serialised as the lab writes it (format 2).
 */
import { MNIST_PIXELS } from '../data/mnist';
import {
  initialParams,
  paramSpecs,
  vaeConfig,
  type SerialisedVae,
} from '../models/consolidation/vaeParams';

export function smallSerialisedVae({
  inputSize = MNIST_PIXELS,
  latentSize = 2,
  seed = 4,
  step = 40,
}: { inputSize?: number; latentSize?: number; seed?: number; step?: number } = {}): SerialisedVae {
  const config = vaeConfig({ inputSize, hiddenSize: 8, latentSize, seed });
  const parts = initialParams(config);
  const weights = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) weights.set(p, (o += p.length) - p.length);
  return { format: 'engram-vae', version: 2, config, step, params: paramSpecs(config), weights };
}
