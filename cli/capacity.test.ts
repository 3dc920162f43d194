import { describe, expect, it } from 'vitest';
import { EXPERIMENT_NAMES } from '../src/models/experiments/registry';
import { inProcess } from '../src/testing/cliRun';
import { main } from './experiment';

/** Runs one command line, given as "capacity --units 100 ..." or as its words. */
const run = inProcess(main);

describe('the Experiments lab on the command line', () => {
  it('capacity prints {rows: [...]} with one row per load', async () => {
    const r = await run(
      'capacity --rule storkey --units 100 --loads 0.05,0.1,0.15,0.2 --flip-fraction 0.2 --trials 3 --seed 3',
    );
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows).toHaveLength(4);
    for (const row of doc.rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'units',
          'patterns',
          'load',
          'successRate',
          'meanFinalHamming',
          'meanOverlap',
        ]),
      );
    }
    expect(doc.rows.map((x: { patterns: number }) => x.patterns)).toEqual([5, 10, 15, 20]);
    expect(doc).toMatchObject({
      experiment: 'capacity',
      engine: 'wasm-simd',
      params: { seed: 3, rule: ['storkey'] },
    });
  });

  it('the same seed gives the same rows on typed arrays and on tfjs (Hebbian is exact on both)', async () => {
    const args = 'noise --units 64 --patterns 4 --flip-fractions 0.1,0.6 --trials 2 --cues 3';
    const a = JSON.parse((await run(args)).stdout);
    const b = JSON.parse((await run(`${args} --backend cpu`)).stdout);
    expect(b.engine).toBe('tfjs-cpu');
    expect(b.rows).toEqual(a.rows);
  });

  it('--csv prints the rows as CSV', async () => {
    const r = await run('modules --units 64 --modules 1,2 --loads 0.1 --trials 2 --cues 2 --csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',')).toEqual(
      expect.arrayContaining(['modules', 'unitsPerModule', 'successRate']),
    );
    expect(lines).toHaveLength(3);
  });

  it('every experiment answers --help with its flags', async () => {
    for (const name of EXPERIMENT_NAMES) {
      const r = await run([name, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('--seed');
      expect(r.stdout).toContain('--csv');
    }
  });

  it('a bad value exits with code 2 and a message on stderr', async () => {
    for (const args of [
      ['capacity', '--loads', '0.1,abc'],
      ['capacity', '--rule', 'hebbian,nope'],
      ['capacity-size', '--flip-fraction', '0.9'],
      ['patterns', '--units', '100'],
      ['noise', '--rule', 'pseudoinverse', '--units', '10', '--patterns', '20'],
    ]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    }
  });
});
