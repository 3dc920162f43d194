import { describe, expect, it } from 'vitest';
import { glyph } from '../../data/presets';
import { equal } from '../../core/pattern';
import { linkQuery, startFromLink } from './link';
import { createHopfieldStore, initialState, type HopfieldState } from './store';
import { toSaved, validateSaved, fromSaved } from './persistence';

function viewOf(s: Partial<HopfieldState>): HopfieldState {
  return { ...initialState(s.size), ...s };
}

describe('the lab link', () => {
  it('round-trips the view: settings, stored patterns, names, cue and target', () => {
    const a = glyph('A', 20, 20);
    const b = glyph('B', 20, 20);
    const cue = glyph('A', 20, 20).map((v, i) => (i % 7 === 0 ? -v : v)) as Int8Array;
    const view = viewOf({
      size: 20,
      rule: 'storkey',
      dynamics: 'stochastic',
      temperature: 0.75,
      noise: 0.3,
      seed: 42,
      view: 'unit',
      speed: 8,
      patterns: [
        { id: 1, name: 'A', cells: a },
        { id: 2, name: 'B', cells: b },
      ],
      state: cue,
      target: 0,
      demoOpen: true,
    });
    const start = startFromLink(linkQuery(view));
    expect(start.warnings).toEqual([]);
    const i = start.init;
    expect([i.size, i.rule, i.dynamics, i.temperature, i.noise, i.seed, i.view, i.speed]).toEqual([
      20,
      'storkey',
      'stochastic',
      0.75,
      0.3,
      42,
      'unit',
      8,
    ]);
    expect(i.patterns!.map((p) => p.name)).toEqual(['A', 'B']);
    expect(equal(i.patterns![1].cells, b)).toBe(true);
    expect(equal(i.state!, cue)).toBe(true);
    expect(i.target).toBe(0);
    expect(i.demoOpen).toBe(true);
  });

  it('opens old links (dyn, temp, demo) and keeps other layers’ keys when it rewrites one', () => {
    const i = startFromLink('dyn=stochastic&temp=1.5&demo=1&backend=wasm').init;
    expect([i.dynamics, i.temperature, i.demoOpen]).toEqual(['stochastic', 1.5, true]);
    const q = linkQuery(viewOf({ rule: 'storkey', dynamics: 'sync' }), 'backend=wasm&rule=pinv');
    expect(q).toBe('backend=wasm&rule=storkey&dyn=sync');
  });

  it('keeps a default view out of the link', () => {
    expect(linkQuery(createHopfieldStore().getState())).toBe('');
  });

  it('opens garbage with defaults and one readable line per bad setting', () => {
    const garbage = [
      'size=banana&rule=%zz&noise=7',
      'pats=!!!&cue=16x16.@@&target=99',
      '&&&=&size=&seed=-5&temp=NaN&dyn=<script>',
      'pats=16x16.AAAA&cue=8x8.' + 'A'.repeat(11),
      '%E0%A4%A',
    ];
    for (const q of garbage) {
      const start = startFromLink(q);
      expect(start.warnings.length).toBeGreaterThan(0);
      const s = viewOf(start.init);
      expect(s.state).toHaveLength(s.size * s.size);
      expect(s.size).toBeGreaterThanOrEqual(8);
      expect(['hebbian', 'storkey', 'pseudoinverse']).toContain(s.rule);
    }
    expect(startFromLink('size=banana').warnings[0]).toMatch(/size=banana/);
  });

  it('takes the grid size from the link’s patterns when they disagree', () => {
    const q = linkQuery(
      viewOf({ size: 12, patterns: [{ id: 1, name: 'T', cells: glyph('T', 12, 12) }] }),
    );
    const start = startFromLink(q.replace('size=12', 'size=30'));
    expect(start.init.size).toBe(12);
    expect(start.warnings.join(' ')).toMatch(/12×12/);
  });
});

describe('saved patterns', () => {
  it('round-trip through the saved form and reject tampered data', () => {
    const patterns = [
      { id: 1, name: 'X', cells: glyph('X', 16, 16) },
      { id: 2, name: 'Y', cells: glyph('Y', 16, 16) },
    ];
    const saved = toSaved({ size: 16, patterns });
    expect(validateSaved(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    const back = fromSaved(saved);
    expect(back.map((p) => p.name)).toEqual(['X', 'Y']);
    expect(equal(back[0].cells, patterns[0].cells)).toBe(true);
    expect(validateSaved({ ...saved, size: 99 })).toBeNull();
    expect(validateSaved({ ...saved, names: ['only one'] })).toBeNull();
    expect(validateSaved({ ...saved, patterns: 'garbage' })).toBeNull();
    expect(validateSaved('nope')).toBeNull();
  });
});
