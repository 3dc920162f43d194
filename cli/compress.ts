/**
 * The `compress` experiment (SCIENCE.md section 4, docs/compression-cli.md):
 * a Hopfield autoencoder compresses a dataset (the generated cell atlas or
 * MNIST digits) into K-bit codes, and every claim about it is measured:
 * bytes and ratio against gzip, brotli, float16, int8 and PCA, error per
 * field, own-record recall under missing fields, flipped code bits and input
 * noise, with and without the Hopfield stage, its load against capacity and
 * its recall time. The pipeline is src/models/compression/pipeline.ts, the
 * same code the Compression lab runs in pieces.
 *
 * Gradients: registered as ./gradients.ts says (require() under tsx, the
 * ES-module import under vitest), then checked by assertGradients.
 * Lossless sizes come from node:zlib here (native, fast); the page uses pako
 * and brotli.js, which give the same bytes (lossless.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  enumParam,
  floatParam,
  intParam,
  listParam,
  stringParam,
  UsageError,
} from '../src/core/params';
import { loadMnistNode } from '../src/data/mnistNode';
import {
  MAX_BITS,
  MIN_BITS,
  AUTOENCODER_DEFAULTS as AE,
} from '../src/models/compression/autoencoder';
import { seedClaims } from '../src/models/compression/claims';
import {
  cellAtlasDataset,
  DATASETS,
  mnistDataset,
  type Dataset,
} from '../src/models/compression/datasets';
import { assertGradients, missingGradients } from '../src/models/compression/gradients';
import { STAGE_DEFAULTS, STAGE_REQUESTS } from '../src/models/compression/hopfieldStage';
import {
  BROTLI_QUALITY,
  BROTLI_WINDOW,
  GZIP_LEVEL,
  type LosslessCodecs,
} from '../src/models/compression/lossless';
import { PRECISIONS } from '../src/models/compression/model';
import {
  autoencoderPoint,
  compressDataset,
  DEFAULT_RECALL_PLAN,
  runCompression,
} from '../src/models/compression/pipeline';
import { defineExperiment } from './define';
import { registerGradientsFor } from './gradients';
import { initTf, TF_BACKENDS } from './tf';

const PARAMS = {
  dataset: enumParam(
    DATASETS,
    'cell-atlas',
    'which data: the generated cell atlas or MNIST digits',
  ),
  records: intParam(2000, 1, 1_000_000, 'N, records (cells or digits; MNIST has 10,000)'),
  bits: intParam(64, MIN_BITS, MAX_BITS, 'K, bits per code'),
  seed: intParam(1, 0, 2 ** 32 - 1, 'random seed (data, weights, batches, queries)'),
  epochs: intParam(AE.epochs, 1, 1000, 'E, passes over the records'),
  hidden: intParam(AE.hidden, 8, 2048, 'H, hidden units of encoder and decoder'),
  batchSize: intParam(AE.batchSize, 1, 4096, 'minibatch size (one training step)', {
    flag: 'batch',
  }),
  learningRate: floatParam(AE.learningRate, 1e-6, 1, 'Adam step size', { flag: 'lr' }),
  maskRate: floatParam(AE.maskRate, 0, 0.95, 'denoising: share of fields left out in training'),
  genes: intParam(100, 50, 200, 'genes per cell (cell atlas)'),
  precision: enumParam(PRECISIONS, 'float16', 'precision the weights are stored at'),
  stage: enumParam(STAGE_REQUESTS, STAGE_DEFAULTS.request, 'Hopfield stage (auto: by load)'),
  beta: floatParam(STAGE_DEFAULTS.beta, 1e-3, 1000, 'modern stage inverse temperature'),
  queries: intParam(DEFAULT_RECALL_PLAN.queries, 1, 100_000, 'query records per recall point'),
  curveBits: listParam([], MIN_BITS, MAX_BITS, 'more K to train for the autoencoder curve', {
    integer: true,
    maxLength: 8,
  }),
  brotliQuality: intParam(BROTLI_QUALITY, 0, 11, 'brotli quality of the lossless baseline'),
  exportCsv: stringParam('', 'write the dataset as CSV to this path', 1000),
  exportArchive: stringParam('', 'write the compressed file (decoder + codes) to this path', 1000, {
    flag: 'export',
  }),
  backend: enumParam(TF_BACKENDS, 'wasm', 'tfjs backend for training'),
};

/** node:zlib with the settings of src/models/compression/lossless.ts. */
export const nodeCodecs: LosslessCodecs = {
  name: 'node:zlib',
  gzip: (bytes, level) => gzipSync(bytes, { level }),
  brotli: async (bytes, quality) =>
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
      },
    }),
};

/** Registers tfjs-core's gradients once (see the module comment), for the autoencoder's loss. */
export const registerGradientsInNode = (): Promise<void> =>
  registerGradientsFor({
    missing: missingGradients,
    assert: assertGradients,
    esModule: () => import('../src/models/compression/registerGradients'),
  });

export const compressExperiment = defineExperiment({
  name: 'compress',
  describe: 'Hopfield autoencoder: bytes, ratio, baselines, error per field, recall under noise',
  params: PARAMS,
  async run(v, io) {
    let dataset: Dataset;
    if (v.dataset === 'mnist') {
      const set = await loadMnistNode();
      if (v.records > set.count)
        throw new UsageError(`--records must be at most ${set.count} for mnist`);
      dataset = mnistDataset(set, v.records, v.seed);
    } else {
      dataset = cellAtlasDataset(v.records, v.seed, v.genes);
    }
    if (v.exportCsv) writeFileSync(v.exportCsv, dataset.csv());
    const backend = await initTf(v.backend);
    await registerGradientsInNode();
    const now = () => performance.now();
    const t0 = now();
    const options = {
      bits: v.bits,
      hidden: v.hidden,
      epochs: v.epochs,
      batchSize: v.batchSize,
      learningRate: v.learningRate,
      maskRate: v.maskRate,
      seed: v.seed,
      precision: v.precision,
    };
    // wall time between successive steps, from the second step on (the first includes set-up)
    const stepTimes: number[] = [];
    let last = NaN;
    const report = await runCompression(dataset, {
      ...options,
      stage: { request: v.stage, beta: v.beta },
      recall: { ...DEFAULT_RECALL_PLAN, queries: v.queries },
      codecs: nodeCodecs,
      gzipLevel: GZIP_LEVEL,
      brotliQuality: v.brotliQuality,
      now,
      onTrain: (p) => {
        const t = now();
        if (!Number.isNaN(last)) stepTimes.push(t - last);
        last = t;
        if (p.steps % p.batchesPerEpoch === 0 || p.done) {
          io.err(
            `[compress] epoch ${p.epoch}/${p.epochs} loss ${p.epochLoss.at(-1)?.toFixed(4)}\n`,
          );
        }
      },
      onCompressed: (c) => {
        if (v.exportArchive) writeFileSync(v.exportArchive, c.archive);
      },
    });
    stepTimes.sort((a, b) => a - b);
    const curve = [report.autoencoder];
    for (const bits of v.curveBits) {
      if (bits === v.bits) continue;
      io.err(`[compress] autoencoder curve: K = ${bits}\n`);
      curve.push(autoencoderPoint(await compressDataset(dataset, { ...options, bits })));
    }
    curve.sort((a, b) => a.bits - b.bits);
    return {
      experiment: 'compress',
      ...report,
      seed: v.seed,
      backend,
      autoencoderCurve: curve.map(({ bits, bytes, error }) => ({ bits, bytes, error })),
      claims: seedClaims(report),
      timing: {
        trainStepMs: {
          median: stepTimes[stepTimes.length >> 1] ?? null,
          max: stepTimes.at(-1) ?? null,
        },
        totalMs: now() - t0,
      },
      exported: { csv: v.exportCsv || null, archive: v.exportArchive || null },
    };
  },
});
