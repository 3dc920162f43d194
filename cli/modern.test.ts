import { describe, expect, it } from 'vitest';
import { logCounts } from '../src/models/modern/classicVsModern';
import { inProcess } from '../src/testing/cliRun';
import { main } from './experiment';

/** `npm run experiment -- <line>`, run in this process: its exit status and what it printed. */
const experiment = inProcess(main);

describe('npm run experiment -- modern', () => {
  it('prints {stored, beta, accuracy, meanCosine, meanSteps} as one JSON document', async () => {
    const run = await experiment(
      'modern --stored 300 --beta 20 --scale sqrt --cue mask-half --amount 0.4 --trials 20 --seed 3 --backend cpu',
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ experiment: 'modern', stored: 300, beta: 20, trials: 20, seed: 3 });
    expect(r.betaEffective).toBeCloseTo(20 / 28, 10);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.meanCosine).toBeGreaterThan(0.9);
    expect(r.meanSteps).toBeGreaterThanOrEqual(0);
    expect(r.backend).toBe('cpu');
  });

  it('low beta blends: accuracy falls', async () => {
    const run = await experiment('modern --stored 200 --beta 0.05 --trials 10 --backend cpu');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.accuracy).toBeLessThan(0.5);
  });

  it('rejects an impossible amount with exit code 2', async () => {
    const run = await experiment('modern --cue mask-random --amount 3');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/fraction of pixels/);
  });
});

describe('npm run experiment -- modern-vs-classic', () => {
  it('prints the sweep: the classic Hebbian network fails early, the modern one holds', async () => {
    const run = await experiment(
      'modern-vs-classic --min-stored 2 --max-stored 40 --points 3 --trials 8',
    );
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.experiment).toBe('modern-vs-classic');
    expect(r.points.map((p: { stored: number }) => p.stored)).toEqual([2, 9, 40]);
    const last = r.points[2];
    expect(last.accuracy.modern).toBe(1);
    expect(last.accuracy.hebbian).toBeLessThan(0.5);
  });
});

describe('logCounts', () => {
  it('spaces counts on a log scale without repeats', () => {
    expect(logCounts(2, 200, 3)).toEqual([2, 20, 200]);
    expect(logCounts(1, 2, 5)).toEqual([1, 2]);
    expect(logCounts(7, 7, 1)).toEqual([7]);
  });
});
