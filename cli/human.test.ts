import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/testing/cliRun';
import { main } from './experiment';

async function run(
  argv: string[],
): Promise<{ code: number; json: Record<string, unknown>; io: ReturnType<typeof captureIo> }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, json: code === 0 ? JSON.parse(io.stdout) : {}, io };
}

describe('free-recall', () => {
  it('prints the serial position curve, first recall, lag-CRP and mean recalled', async () => {
    const { code, json } = await run([
      'free-recall',
      '--list-length',
      '12',
      '--lists',
      '200',
      '--seed',
      '3',
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      experiment: 'free-recall',
      listLength: 12,
      lists: 200,
      distractor: 'none',
      seed: 3,
    });
    expect(json.serialPosition).toHaveLength(12);
    expect(json.firstRecall).toHaveLength(12);
    const crp = json.lagCrp as { lags: number[]; crp: (number | null)[] };
    expect(crp.lags).toEqual(Array.from({ length: 23 }, (_, i) => i - 11));
    expect(crp.crp[11]).toBeNull();
    expect(json.meanRecalled).toBeGreaterThan(0);
  });

  it('model parameters are flags, and they change the result', async () => {
    const base = await run(['free-recall', '--lists', '200']);
    const slow = await run([
      'free-recall',
      '--lists',
      '200',
      '--beta-enc',
      '0.2',
      '--distractor',
      'delayed',
    ]);
    expect((slow.json.params as Record<string, number>).beta_enc).toBe(0.2);
    expect(slow.json.distractor).toBe('delayed');
    expect(slow.json.serialPosition).not.toEqual(base.json.serialPosition);
  });

  it('is reproducible from the seed', async () => {
    const a = await run(['free-recall', '--lists', '100', '--seed', '8']);
    const b = await run(['free-recall', '--lists', '100', '--seed', '8']);
    expect(b.json.serialPosition).toEqual(a.json.serialPosition);
  });

  it('a bad value or unknown flag is a usage error (exit 2)', async () => {
    expect((await run(['free-recall', '--beta-enc', '2'])).code).toBe(2);
    expect((await run(['free-recall', '--distractor', 'sometimes'])).code).toBe(2);
    expect((await run(['free-recall', '--beta_enc', '0.5'])).code).toBe(2);
  });
});

describe('free-recall-context', () => {
  it('prints the four study/test places, same above different', async () => {
    const { code, json } = await run(['free-recall-context', '--lists', '300']);
    expect(code).toBe(0);
    const conditions = json.conditions as { study: string; test: string; recall: number }[];
    expect(conditions.map((c) => c.study + c.test)).toEqual(['AA', 'AB', 'BA', 'BB']);
    expect((json.params as Record<string, number>).theta).toBe(0.1);
    expect(json.sameContext).toBeGreaterThan(json.differentContext as number);
  });
});

describe('free-recall-emotion', () => {
  it('prints emotional and neutral recall for the composition asked', async () => {
    const mixed = await run(['free-recall-emotion', '--composition', 'mixed', '--lists', '300']);
    const pure = await run(['free-recall-emotion', '--composition', 'pure', '--lists', '300']);
    expect(mixed.code).toBe(0);
    expect(mixed.json).toMatchObject({ experiment: 'free-recall-emotion', composition: 'mixed' });
    expect(pure.json.composition).toBe('pure');
    expect(mixed.json.emotional).toBeGreaterThan(mixed.json.neutral as number);
    expect(mixed.json.advantage).toBeGreaterThan(pure.json.advantage as number);
  });
});
