import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAtlasCsv } from '../src/data/cellAtlasFormat';
import { generateCellAtlas } from '../src/data/cellAtlas';
import { importArchive } from '../src/models/compression/archive';
import { reconstruct } from '../src/models/compression/model';
import { main } from './experiment';

async function experiment(line: string) {
  let stdout = '';
  let stderr = '';
  const status = await main(line.split(' '), {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
  });
  return { status, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'engram-compress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SMALL = '--epochs 1 --hidden 16 --queries 4 --backend cpu';

describe('npm run experiment -- compress', () => {
  it('prints the whole measurement as one JSON document and writes the CSV and the file', async () => {
    const csv = join(dir, 'atlas.csv');
    const file = join(dir, 'atlas.engramae');
    const run = await experiment(
      `compress --dataset cell-atlas --records 150 --bits 16 --seed 3 --genes 50 ${SMALL} --export-csv ${csv} --export ${file}`,
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
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
    expect(r.recall[0]).toMatchObject({ query: 'missing', amount: 0, queries: 4 });
    expect(r.recall[0].perField).toHaveProperty('expression');
    expect(r.baselines[0]).toMatchObject({ method: 'gzip-csv', lossless: true });
    // the CSV is the generated atlas, the file gives the records back
    const text = readFileSync(csv, 'utf8');
    expect(text.length).toBe(r.rawBytes);
    const atlas = generateCellAtlas({ n: 150, seed: 3, genes: 50 });
    expect(parseAtlasCsv(text, 3).expression).toEqual(atlas.expression);
    const bytes = new Uint8Array(readFileSync(file));
    expect(bytes.length).toBe(r.archiveBytes);
    const back = reconstruct(importArchive(bytes).model, importArchive(bytes).codes);
    expect(back.n).toBe(150);
  });

  it('runs on MNIST digits too', async () => {
    const run = await experiment(`compress --dataset mnist --records 60 --bits 16 ${SMALL}`);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ dataset: 'mnist', label: 'real', records: 60, inputs: 794 });
    expect(r.rawBytes).toBeGreaterThan(60 * 785);
    expect(Object.keys(r.reconstructionError)).toEqual(['digit', 'pixels']);
    for (const c of r.claims) expect(c.measured).not.toBeNull(); // NaN would print as null
  });

  it('rejects impossible settings with exit code 2', async () => {
    expect((await experiment('compress --bits 8')).status).toBe(2);
    expect((await experiment('compress --dataset mnist --records 20000')).status).toBe(2);
  });
});
