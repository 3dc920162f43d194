import { describe, expect, it } from 'vitest';
import { toCsv } from '../../models/experiments/csv';
import { parseParam } from '../../models/experiments/params';
import { experimentDef } from '../../models/experiments/registry';
import { mcElieceCapacity } from '../../models/experiments/theory';
import { chartsFor } from './charts';
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
    expect(s.texts!.capacity.loads).toBe(
      String(experimentDef('capacity')!.params.find((p) => p.name === 'loads')!.default),
    );
    expect(s.linkErrors!.join(' ')).toMatch(/loads: 'zz' is not a number/);
    expect(s.linkErrors!.join(' ')).toMatch(/rule: 'nope' is not one of/);
    expect(readLink('exp=bogus').experiment).toBe('capacity');
  });
});

describe('parameters', () => {
  const loads = experimentDef('capacity')!.params.find((p) => p.name === 'loads')!;
  it('parse lists sorted and without repeats, and refuse what is out of range', () => {
    expect(parseParam(loads, ' 0.2, 0.1,0.1 ')).toEqual({ ok: true, value: [0.1, 0.2] });
    expect(parseParam(loads, '0.1,2')).toMatchObject({ ok: false });
    expect(parseParam(loads, '')).toMatchObject({ ok: false });
  });
  it('give the store\u2019s current values', () => {
    const store = createCapacityStore();
    expect(currentValues(store.getState()).values.units).toBe(200);
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
      { units: 500, rule: ['hebbian', 'storkey'], 'flip-fraction': 0.1 },
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
    const [c] = chartsFor('capacity-size', { rows }, { threshold: 0.9 });
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
