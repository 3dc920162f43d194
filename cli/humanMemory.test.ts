import { describe, expect, it } from 'vitest';
import { findExperiment, main } from './experiment';

/** Runs one command line in-process; returns the exit code and the parsed stdout. */
async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return {
    code,
    out,
    err,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json: code === 0 && out.startsWith('{') ? (JSON.parse(out) as any) : null,
  };
}

describe('human memory experiments on the command line', () => {
  it('are registered', () => {
    for (const name of ['forgetting', 'spacing', 'interference', 'consolidating-memory']) {
      expect(findExperiment(name)).toBeDefined();
    }
  });

  it('forgetting --model power|exponential --fit ebbinghaus: parameters, error, curve', async () => {
    const power = await cli(['forgetting', '--model', 'power', '--fit', 'ebbinghaus']);
    const expo = await cli([
      'forgetting',
      '--model',
      'exponential',
      '--fit',
      'ebbinghaus',
      '--points',
      '10',
    ]);
    expect(power.code).toBe(0);
    expect(Object.keys(power.json.params)).toEqual(['b', 'd']);
    expect(Object.keys(expo.json.params)).toEqual(['b', 'T']);
    expect(power.json.rmse).toBeLessThan(expo.json.rmse);
    expect(power.json.rmseByModel.exponential).toBe(expo.json.rmse);
    expect(power.json.data.points).toHaveLength(7);
    expect(power.json.curve).toHaveLength(25);
    expect(expo.json.curve).toHaveLength(10);
    const savings = power.json.curve.map((p: { savings: number }) => p.savings);
    for (let i = 1; i < savings.length; i++) expect(savings[i]).toBeLessThan(savings[i - 1]);
  });

  it('spacing --gaps ... --retention ... --unit days: recall for every pair and the best gaps', async () => {
    const r = await cli([
      'spacing',
      '--gaps',
      '0,1,2,4,8,16,32',
      '--retention',
      '1,7,30,365',
      '--unit',
      'days',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.gaps).toEqual([0, 1, 2, 4, 8, 16, 32]);
    expect(r.json.retention).toHaveLength(4);
    for (const row of r.json.retention) expect(row.recall).toHaveLength(7);
    const best = r.json.retention.map((row: { bestGap: number }) => row.bestGap);
    expect(best[3]).toBeGreaterThan(best[0]);
    // Units: the same sweep in hours gives the same recall.
    const h = await cli(['spacing', '--gaps', '0,24', '--retention', '168', '--unit', 'hours']);
    expect(h.json.retention[0].recall).toEqual([
      r.json.retention[1].recall[0],
      r.json.retention[1].recall[1],
    ]);
  });

  it('interference --similarity S', async () => {
    const lo = await cli(['interference', '--similarity', '0.2']);
    const hi = await cli(['interference', '--similarity', '0.9']);
    expect(hi.json.retroactive.interference).toBeGreaterThan(lo.json.retroactive.interference);
    expect(hi.json.proactive.interference).toBeGreaterThan(lo.json.proactive.interference);
    expect(hi.json.retroactive.attentionForA1.slots).toHaveLength(16);
    expect(hi.json.proactive.learningCurveAfterAB).toHaveLength(4);
  });

  it('consolidating-memory --days N --seed S runs to the end', async () => {
    const r = await cli(['consolidating-memory', '--days', '10', '--seed', '2']);
    expect(r.code).toBe(0);
    expect(r.json.perDay).toHaveLength(10);
    const again = await cli(['consolidating-memory', '--days', '10', '--seed', '2']);
    expect(again.out).toBe(r.out);
    expect(r.json.summary.episodes).toBeGreaterThan(0);
  });

  it('bad flags are usage errors (exit 2)', async () => {
    expect((await cli(['forgetting', '--model', 'cubic'])).code).toBe(2);
    expect((await cli(['spacing', '--gaps', '1,x'])).code).toBe(2);
    expect((await cli(['interference', '--similarity', '1.5'])).code).toBe(2);
    expect((await cli(['consolidating-memory', '--days', '0'])).code).toBe(2);
  });
});
