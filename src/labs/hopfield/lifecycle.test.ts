import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { glyph } from '../../data/presets';
import { runCommand, runKey, shortcutRows } from '../../engine/commands';
import { manualFrames } from '../../testing/frames';
import { COMMANDS } from './commands';
import { makeLab, SET_ASIDE_NOTICE } from './lab';
import { linkQuery } from './link';
import { backupStorage, memoryStorage, toSaved } from './persistence';
import { initialState } from './store';

/** A browser's local storage, in memory. */
function mapStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', mapStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function storePresets(lab: ReturnType<typeof makeLab>, names: string[]) {
  for (const name of names) {
    runCommand(COMMANDS.loadPreset, lab, name);
    runCommand(COMMANDS.store, lab);
  }
}

describe('the Classic lab, as the page makes it', () => {
  it('opens a link, saves the memory while open, and stops saving once left', () => {
    const lab = makeLab('rule=storkey&dyn=sync&temp=0.7&demo=true', manualFrames().loop);
    expect(lab.store.getState()).toMatchObject({
      rule: 'storkey',
      dynamics: 'sync',
      temperature: 0.7,
      demoOpen: true,
    });
    lab.start();
    storePresets(lab, ['A']);
    expect(memoryStorage.load().value?.names).toEqual(['A']);
    lab.dispose();
    storePresets(lab, ['B']);
    expect(memoryStorage.load().value?.names).toEqual(['A']);
    // React's StrictMode mounts the same lab again.
    lab.start();
    storePresets(lab, ['C']);
    expect(memoryStorage.load().value?.names).toEqual(['A', 'B', 'C']);
  });

  it('runs the same command from a key and from the table', () => {
    const lab = makeLab('', manualFrames().loop);
    lab.start();
    runCommand(COMMANDS.loadPreset, lab, 'T');
    expect(lab.onKey('s')).toBe(true);
    expect(lab.store.getState().patterns.map((p) => p.name)).toEqual(['T']);
    expect(runKey(COMMANDS, lab, 'q')).toBe(false);
    expect(shortcutRows(COMMANDS).map((r) => r.keys.join())).toEqual([
      's',
      'x',
      'c',
      'i',
      'r',
      'n',
      'z',
    ]);
  });

  it('sets the visitor’s patterns aside for a link’s own, and restores them on request', () => {
    const mine = [{ id: 1, name: 'Mine', cells: glyph('M', 16, 16) }];
    memoryStorage.save(toSaved({ size: 16, patterns: mine }));
    const shared = linkQuery({
      ...initialState(12),
      patterns: [{ id: 2, name: 'Shared', cells: glyph('S', 12, 12) }],
    });
    const lab = makeLab(shared, manualFrames().loop);
    lab.start();
    const s = lab.store.getState();
    expect(s.patterns.map((p) => p.name)).toEqual(['Shared']);
    expect(s.messages.map((m) => m.text)).toContain(SET_ASIDE_NOTICE);
    expect(backupStorage.load().value?.names).toEqual(['Mine']);

    runCommand(COMMANDS.restorePatterns, lab);
    const back = lab.store.getState();
    expect(back.size).toBe(16);
    expect(back.patterns.map((p) => p.name)).toEqual(['Mine']);
    expect(back.state.every((v) => v === -1)).toBe(true);
    expect(backupStorage.load().value).toBeNull();
    expect(memoryStorage.load().value?.names).toEqual(['Mine']);
  });
});
