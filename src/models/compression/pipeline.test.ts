import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import './registerGradients';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedClaims } from './claims';
import { cellAtlasDataset } from './datasets';
import { runCompression, type CompressionReport } from './pipeline';

let report: CompressionReport;
const dataset = cellAtlasDataset(300, 21, 50);
let trainCalls = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  report = await runCompression(dataset, {
    bits: 32,
    hidden: 64,
    epochs: 3,
    batchSize: 64,
    seed: 21,
    recall: { missing: [0, 0.3], flipShares: [0, 0.3], noise: [0, 0.3], queries: 20 },
    now: () => performance.now(),
    onTrain: () => trainCalls++,
  });
});

describe('the whole measurement, end to end', () => {
  it('trains in steps and reports every byte', () => {
    expect(trainCalls).toBe(report.training.steps);
    expect(report.training.epochLoss).toHaveLength(3);
    const csv = new TextEncoder().encode(dataset.csv());
    expect(report.rawBytes).toBe(csv.length);
    expect(report.gzipBytes).toBe(gzipSync(csv, { level: 9 }).length);
    expect(report.binaryBytes).toBe(dataset.packed().length);
    expect(report.codeBytes).toBe(300 * 4);
    expect(report.modelBytes + report.codeBytes).toBe(report.archiveBytes);
    expect(report.ratio).toBeCloseTo(report.rawBytes / report.archiveBytes, 12);
    expect(report.archiveWithEncoderBytes).toBe(report.archiveBytes + report.encoderBytes);
    expect(report.archiveRoundTrip).toBe(true);
    expect(report.lossless).toBe(false);
  });

  it('scores the records, recall and the stage, and places the baselines', () => {
    expect(Object.keys(report.reconstructionError)).toEqual(report.metrics.map((m) => m.key));
    expect(report.recall.map((p) => [p.query, p.amount])).toEqual([
      ['missing', 0],
      ['missing', 0.3],
      ['flip', 0],
      ['flip', 10],
      ['noise', 0],
      ['noise', 0.3],
    ]);
    expect(report.stage.reason).toBe('over-capacity');
    expect(report.load).toBeCloseTo(report.stage.patterns / 32, 12);
    expect(report.baselines.map((b) => b.method)).toEqual([
      'gzip-csv',
      'brotli-csv',
      'gzip-binary',
      'brotli-binary',
      'float16',
      'int8',
      'pca',
    ]);
    const pca = report.baselines.find((b) => b.method === 'pca')!;
    expect(pca.bytes).toBeLessThanOrEqual(report.archiveBytes);
    for (const p of report.recall) expect(p.ms!.mean).toBeGreaterThanOrEqual(0);
  });

  it('sets the seed project claims against the measurements', () => {
    const claims = seedClaims(report);
    const ratio = claims.find((c) => c.claim === 'compression ratio')!;
    expect(ratio.claimed).toBe('520x');
    expect(ratio.measured).toBe(report.ratio);
    const flips = claims.find((c) => c.claim.includes('code bits'))!;
    expect(flips.measured).toBe(report.recall[3].ownRecordRate);
    expect(claims.find((c) => c.claim === 'recall time')!.measured).toBe(report.recall[3].ms!.mean);
    for (const c of claims) expect(Number.isFinite(c.measured)).toBe(true);
  });
});
