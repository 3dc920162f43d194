import { describe, expect, it } from 'vitest';
import { toCsv } from '../../models/experiments/csv';
import { defaults } from '../../core/params';
import { CAPACITY_PARAMS } from '../../models/experiments/capacity';
import { CAPACITY_SIZE_PARAMS } from '../../models/experiments/capacitySize';
import { parseParam } from '../../models/experiments/params';
import { experimentDef } from '../../models/experiments/registry';
import { mcElieceCapacity } from '../../models/experiments/theory';
import { checkCommands, runCommand, runKey, shortcutRows } from '../../engine/commands';
import { chartsFor } from './charts';
import { ExperimentClient } from './client';
import { COMMANDS, settingsValid } from './commands';
import { makeLab } from './lab';
import { SessionKeeper } from './session';
import type { ToWorker } from './protocol';
import { readLink, writeLink } from './link';
import { createCapacityStore, currentValues, etaSeconds } from './store';

describe('the link', () => {
  it('round-trips the experiment, the engine and changed settings, leaving defaults out', () => {
    const store = createCapacityStore(readLink('exp=noise&engine=tfjs&units=300&seed=4'));
    const s = store.getState();
    expect(s.experiment).toBe('noise');
    expect(s.engine).toBe('tfjs');
    expect(s.texts.noise.units).toBe('300');
    expect(s.linkErrors).toEqual([]);
    expect(writeLink(s)).toBe('exp=noise&engine=tfjs&units=300&seed=4');
  });

  it('keeps the default for a bad value and says so', () => {
    const s = readLink('exp=capacity&loads=0.1,zz&rule=hebbian,nope');
    expect(s.texts!.capacity.loads).toBe(String(experimentDef('capacity')!.params.loads.default));
    expect(s.linkErrors!.join(' ')).toMatch(/loads: 'zz' is not a number/);
    expect(s.linkErrors!.join(' ')).toMatch(/rule: 'nope' is not one of/);
    expect(readLink('exp=bogus').experiment).toBe('capacity');
  });
});

describe('parameters', () => {
  const loads = experimentDef('capacity')!.params.loads;
  it('parse lists sorted and without repeats, and refuse what is out of range', () => {
    expect(parseParam('loads', loads, ' 0.2, 0.1,0.1 ')).toEqual({ ok: true, value: [0.1, 0.2] });
    expect(parseParam('loads', loads, '0.1,2')).toMatchObject({ ok: false });
    expect(parseParam('loads', loads, '')).toMatchObject({ ok: false });
  });
  it('give the store\u2019s current values', () => {
    const store = createCapacityStore();
    const { values } = currentValues(store.getState());
    expect('units' in values && values.units).toBe(200);
  });
  it('estimate the time left from the work done', () => {
    expect(etaSeconds({ done: 1, total: 4, elapsedMs: 2000 })).toBeCloseTo(6, 6);
    expect(etaSeconds({ done: 0, total: 4, elapsedMs: 2000 })).toBeUndefined();
  });
});

describe('charts', () => {
  it('draw theory lines computed from D', () => {
    const rows = [{ rule: 'hebbian', load: 0.05, successRate: 1, meanOverlap: 1 }];
    const [success] = chartsFor(
      'capacity',
      { rows },
      {
        ...defaults(CAPACITY_PARAMS),
        units: 500,
        rule: ['hebbian', 'storkey'],
        'flip-fraction': 0.1,
      },
    );
    const line = success.series.find((s) => s.name.startsWith('theory D/(2 ln D)'))!;
    expect((line.values[0] as { x: number }).x).toBeCloseTo(mcElieceCapacity(500) / 500, 10);
    expect(success.series.some((s) => s.name.includes('Storkey'))).toBe(true);
  });
  it('plot capacity against size on log axes with both theory curves', () => {
    const rows = [
      { rule: 'hebbian', units: 100, empirical: 10 },
      { rule: 'storkey', units: 100, empirical: 30 },
    ];
    const [c] = chartsFor(
      'capacity-size',
      { rows },
      { ...defaults(CAPACITY_SIZE_PARAMS), threshold: 0.9 },
    );
    expect(c.logX && c.logY).toBe(true);
    expect(c.series.map((s) => s.name)).toEqual([
      'Hebbian, measured',
      'Hebbian theory D/(2 ln D)',
      'Storkey, measured',
      'Storkey theory D/√(2 ln D)',
    ]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and leaves nulls empty', () => {
    expect(
      toCsv([
        { a: 1, b: 'x,y' },
        { a: null, c: 'say "hi"' },
      ]),
    ).toBe('a,b,c\n1,"x,y",\n,,"say ""hi"""\n');
  });
});

describe('commands', () => {
  /** A lab whose worker only records what it is sent. */
  function lab(query: string) {
    const sent: ToWorker[] = [];
    const client = new ExperimentClient(() => ({
      postMessage: (m) => void sent.push(m),
      terminate: () => {},
      onmessage: null,
      onerror: null,
    }));
    return { ctx: makeLab(query, client, new SessionKeeper()), sent };
  }

  it('have distinct ids and keys', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
    expect(shortcutRows(COMMANDS).map((r) => r.keys)).toEqual([['r'], ['escape']]);
  });

  it('set a setting as text, refuse to run while one is bad (once, counted), then run it', () => {
    const { ctx, sent } = lab('exp=noise&units=50');
    runCommand(COMMANDS.setParam, ctx, { name: 'patterns', text: 'many' });
    expect(ctx.store.getState().texts.noise.patterns).toBe('many');
    expect(settingsValid(ctx.store.getState())).toBe(false);
    runKey(COMMANDS, ctx, 'r');
    runCommand(COMMANDS.run, ctx);
    const [refused] = ctx.store.getState().messages;
    expect(refused).toMatchObject({ source: 'run', count: 2 });
    expect(refused.text).toMatch(/patterns must be a number/);
    expect(sent).toEqual([]);

    runCommand(COMMANDS.setParam, ctx, { name: 'patterns', text: '4' });
    expect(runCommand(COMMANDS.run, ctx)).toBe(true);
    expect(ctx.store.getState().messages).toEqual([]);
    expect(sent[0]).toMatchObject({ type: 'run', experiment: 'noise', engine: 'wasm-simd' });
    expect(sent[0]).toMatchObject({ params: { units: '50', patterns: '4' } });
    const s = ctx.store.getState();
    expect(s.status).toBe('running');
    expect(s.ran).toMatchObject({ experiment: 'noise', values: { units: 50, patterns: 4 } });
    // While it runs, the settings stay as they are and Escape cancels.
    expect(runCommand(COMMANDS.chooseExperiment, ctx, 'capacity')).toBe(false);
    expect(runCommand(COMMANDS.setEngine, ctx, 'tfjs')).toBe(false);
    expect(runKey(COMMANDS, ctx, 'Escape')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ type: 'cancel', id: sent[0].id });
    ctx.dispose();
  });

  it('a change of experiment from outside the commands cancels the run in progress', () => {
    const { ctx, sent } = lab('exp=noise&units=50&patterns=4');
    runCommand(COMMANDS.run, ctx);
    ctx.store.setState({ experiment: 'capacity' });
    expect(sent.map((m) => m.type)).toEqual(['run', 'cancel']);
    ctx.dispose();
  });

  it('a bad link is said once, in the lab\u2019s messages', () => {
    const { ctx } = lab('exp=capacity&units=abc');
    const [m] = ctx.store.getState().messages;
    expect(m.text).toMatch(/^Parts of the link could not be read: units must be a number/);
    expect(m.source).toBeUndefined();
    expect(ctx.linkQuery!(ctx.store.getState(), '')).toBe('');
    ctx.dispose();
  });
});
