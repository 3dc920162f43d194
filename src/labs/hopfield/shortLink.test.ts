/**
 * #13: a 64x64 state with 20 stored patterns fits in a link of at most
 * 4,000 characters, built the way a visitor builds it (presets, stored with
 * the lab's own commands), and links from before the short form still open.
 */
import { describe, expect, it } from 'vitest';
import { encodePatterns } from '../../core/patternCodec';
import { glyph, GLYPH_NAMES } from '../../data/presets';
import { loadPreset, storeCurrent, type LabContext } from './commands';
import { linkQuery, startFromLink } from './link';
import { createHopfieldStore, initialState } from './store';

function lab(): LabContext {
  const store = createHopfieldStore({ ...initialState(64), size: 64 });
  return { store, runner: {} as LabContext['runner'] };
}

const units = (ps: { cells: Int8Array }[]) => ps.map((p) => Array.from(p.cells));

describe('short links of the Classic lab', () => {
  it.each([
    ['20 random presets', () => 'random'],
    ['20 letters', (i: number) => GLYPH_NAMES[i]],
    ['10 letters and 10 random presets', (i: number) => (i % 2 ? 'random' : GLYPH_NAMES[i])],
  ])('a 64x64 state of %s is a link of at most 4,000 characters', (_, preset) => {
    const ctx = lab();
    for (let i = 0; i < 20; i++) {
      loadPreset(ctx, preset(i));
      expect(storeCurrent(ctx)).toBe(true);
    }
    const s = ctx.store.getState();
    expect(s.patterns).toHaveLength(20);
    const query = linkQuery(s);
    expect(query.length).toBeLessThanOrEqual(4000);
    const back = startFromLink(query);
    expect(back.warnings).toEqual([]);
    expect(back.init.size).toBe(64);
    expect(units(back.init.patterns!)).toEqual(units(s.patterns));
  });

  it('opens a link in the plain form that links used before #13', () => {
    const pats = ['A', 'B', 'C'].map((g) => glyph(g, 16, 16));
    const old = `size=16&pats=${encodePatterns(16, 16, pats)}&names=A,B,C&cue=${encodePatterns(16, 16, [pats[1]])}&target=1`;
    const start = startFromLink(old);
    expect(start.warnings).toEqual([]);
    expect(start.init.patterns!.map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(units(start.init.patterns!)).toEqual(pats.map((p) => Array.from(p)));
    expect(Array.from(start.init.state!)).toEqual(Array.from(pats[1]));
    expect(start.init.target).toBe(1);
    // Written again, it is shorter and still the same state.
    const again = linkQuery({ ...initialState(16), ...start.init } as never);
    expect(again.length).toBeLessThan(old.length);
    expect(units(startFromLink(again).init.patterns!)).toEqual(units(start.init.patterns!));
  });
});
