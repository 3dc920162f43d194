/**
 * A small trained autoencoder on a small generated atlas, shared by the
 * compression tests (not used by the app). Small on purpose: 400 cells of
 * 50 genes, K = 32 bits, H = 64, a few epochs on the CPU backend, well under
 * a second. The caller registers gradients and picks the backend.
 */
import { AutoencoderTrainer } from './autoencoder';
import { cellAtlasDataset, type Dataset } from './datasets';
import { compressInputs, freezeModel, type CompressionModel } from './model';
import { fitNormalisation, inputVectors } from './table';

export interface TrainedFixture {
  readonly dataset: Dataset;
  readonly model: CompressionModel;
  readonly codes: Uint8Array;
  readonly losses: readonly number[];
}

export async function trainedFixture(
  options: { n?: number; bits?: number; epochs?: number; seed?: number } = {},
): Promise<TrainedFixture> {
  const { n = 400, bits = 32, epochs = 6, seed = 11 } = options;
  const dataset = cellAtlasDataset(n, seed, 50);
  const norm = fitNormalisation(dataset.table);
  const trainer = new AutoencoderTrainer(dataset.table, norm, {
    bits,
    hidden: 64,
    epochs,
    batchSize: 64,
    learningRate: 0.005,
    seed,
  });
  let model: CompressionModel;
  try {
    while (!trainer.progress.done) await trainer.step();
    model = freezeModel(dataset.table, norm, await trainer.weights(), 'float16');
  } finally {
    trainer.dispose();
  }
  const losses = trainer.progress.epochLoss;
  return {
    dataset,
    model,
    codes: compressInputs(model, inputVectors(dataset.table, norm)),
    losses,
  };
}
