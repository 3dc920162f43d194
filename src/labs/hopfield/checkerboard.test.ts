import { describe, expect, it } from 'vitest';
import { UNPACED } from '../../core/pace';
import { learn } from '../../models/classic/hopfield';
import {
  DEMO,
  DEMO_RUNS,
  demoSetup,
  LOADED_DEMO,
  NOISY_DEMO,
  runDemo,
  runDemoPaced,
  type DemoRun,
} from './checkerboard';

describe('checkerboard demo', () => {
  it("the seed's setting: all four runs reach the checkerboard; the paced runs agree", async () => {
    const setup = demoSetup(1, DEMO);
    const paced: DemoRun[] = [];
    await runDemoPaced(setup, 1, UNPACED, (r) => paced.push(r));
    expect(paced.map((r) => r.verdict.outcome)).toEqual(['target', 'target', 'target', 'target']);
    const hebbian = learn('hebbian', setup.x);
    const direct = runDemo(setup, 'hebbian', 'async', 1, hebbian);
    expect(paced[1].hamming).toEqual(direct.hamming);
    expect(paced[1].steps).toBe(direct.steps);
  });

  it('the loaded setting parts the rules: Hebbian ends in a spurious state, Storkey recalls both ways', async () => {
    const setup = demoSetup(1, LOADED_DEMO);
    expect(setup.x.n).toBe(151);
    const runs: DemoRun[] = [];
    await runDemoPaced(setup, 1, UNPACED, (r) => runs.push(r));
    expect(runs.map((r) => `${r.rule}/${r.dynamics}`)).toEqual(
      DEMO_RUNS.map((r) => `${r.rule}/${r.dynamics}`),
    );
    const by = (rule: string, dyn: string) =>
      runs.find((r) => r.rule === rule && r.dynamics === dyn)!.verdict;
    expect(by('storkey', 'sync').outcome).toBe('target');
    expect(by('storkey', 'async').outcome).toBe('target');
    expect(by('hebbian', 'async').outcome).not.toBe('target');
    expect(by('hebbian', 'async').hammingToTarget).toBeGreaterThan(500);
  });

  it('the noisy setting (1150 flipped) parts them too: Hebbian misses both ways, Storkey recalls both ways', async () => {
    const setup = demoSetup(1, NOISY_DEMO);
    const runs: DemoRun[] = [];
    await runDemoPaced(setup, 1, UNPACED, (r) => runs.push(r));
    const by = (rule: string, dyn: string) =>
      runs.find((r) => r.rule === rule && r.dynamics === dyn)!.verdict;
    expect(by('storkey', 'sync').outcome).toBe('target');
    expect(by('storkey', 'async').outcome).toBe('target');
    expect(by('hebbian', 'sync').outcome).not.toBe('target');
    expect(by('hebbian', 'async').outcome).not.toBe('target');
  });
});
