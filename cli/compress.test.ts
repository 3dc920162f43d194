import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCellAtlas } from '../src/data/cellAtlas';
import { parseAtlasCsv } from '../src/data/cellAtlasFormat';
import { importArchive } from '../src/models/compression/archive';
import { reconstruct } from '../src/models/compression/model';
import { main } from './experiment';

/** `npm run experiment -- <line>` in this process (for usage errors: they stop before any training). */
async function inProcess(line: string) {
  let stderr = '';
  const status = await main(line.split(' '), { out: () => {}, err: (t) => void (stderr += t) });
  return { status, stderr };
}

/**
 * `npm run experiment -- <line>` as a user runs it: tsx in a child process, where tfjs-core's
 * gradients come through require() (cli/compress.ts). Two runs go side by side.
 */
const run = async (line: string) =>
  JSON.parse(
    (
      await promisify(execFile)('npx', ['tsx', 'cli/experiment.ts', ...line.split(' ')], {
        encoding: 'utf8',
        timeout: 90_000,
      })
    ).stdout,
  );

const dir = mkdtempSync(join(tmpdir(), 'engram-compress-'));
const csv = join(dir, 'atlas.csv');
const file = join(dir, 'atlas.engramae');
const SMALL = '--epochs 1 --hidden 16 --queries 4 --backend cpu';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let atlasRun: any, mnistRun: any;
beforeAll(async () => {
  [atlasRun, mnistRun] = await Promise.all([
    run(
      `compress --records 150 --bits 16 --seed 3 --genes 50 ${SMALL} --export-csv ${csv} --export ${file}`,
    ),
    run(`compress --dataset mnist --records 60 --bits 16 ${SMALL}`),
  ]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run experiment -- compress', () => {
  it('prints the whole measurement as one JSON document', () => {
    const r = atlasRun;
    for (const key of [
      'rawBytes',
      'gzipBytes',
      'brotliBytes',
      'modelBytes',
      'codeBytes',
      'ratio',
      'lossless',
      'reconstructionError',
      'recall',
      'load',
      'capacity',
      'baselines',
      'claims',
    ]) {
      expect(r).toHaveProperty(key);
    }
    expect(r).toMatchObject({ dataset: 'cell-atlas', label: 'generated', records: 150, bits: 16 });
    expect(r.codeBytes).toBe(150 * 2);
    expect(r.archiveRoundTrip).toBe(true);
    expect(r.training.epochLoss).toHaveLength(1);
    expect(r.recall[0]).toMatchObject({ query: 'missing', amount: 0, queries: 4 });
    expect(r.recall[0].perField).toHaveProperty('expression');
    expect(r.baselines[0]).toMatchObject({ method: 'gzip-csv', lossless: true });
  });

  it('writes the generated CSV and the compressed file, which gives the records back', () => {
    const text = readFileSync(csv, 'utf8');
    expect(text.length).toBe(atlasRun.rawBytes);
    const atlas = generateCellAtlas({ n: 150, seed: 3, genes: 50 });
    expect(parseAtlasCsv(text, 3).expression).toEqual(atlas.expression);
    const bytes = new Uint8Array(readFileSync(file));
    expect(bytes.length).toBe(atlasRun.archiveBytes);
    const archive = importArchive(bytes);
    expect(reconstruct(archive.model, archive.codes).n).toBe(150);
  });

  it('runs on MNIST digits too', () => {
    const r = mnistRun;
    expect(r).toMatchObject({ dataset: 'mnist', label: 'real', records: 60, inputs: 794 });
    expect(r.rawBytes).toBeGreaterThan(60 * 785);
    expect(Object.keys(r.reconstructionError)).toEqual(['digit', 'pixels']);
    for (const c of r.claims) expect(c.measured).not.toBeNull(); // NaN would print as null
  });

  it('rejects impossible settings with exit code 2', async () => {
    expect((await inProcess('compress --bits 8')).status).toBe(2);
    const tooMany = await inProcess('compress --dataset mnist --records 20000');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toMatch(/at most 10000/);
  });
});
