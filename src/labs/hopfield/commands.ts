/**
 * The lab's verbs, registered once (label, shortcut, what it does). Buttons,
 * keyboard shortcuts and tests all call these same functions.
 */
import { createRng } from '../../core/random';
import { flipFraction, invert, maskRect } from '../../models/classic/corrupt';
import { blank, equal, type Bipolar } from '../../core/pattern';
import { checkerboard, glyph, randomPattern, resample, sparsePattern } from '../../data/presets';
import type { HopfieldRunner } from './runner';
import { clearRecall, say, type HopfieldStore, type StoredPattern } from './store';

export interface LabContext {
  store: HopfieldStore;
  runner: HopfieldRunner;
}

export interface Command {
  id: string;
  label: string;
  /** A single key (KeyboardEvent.key, lower case); shown on the button. */
  shortcut?: string;
  help: string;
  run(ctx: LabContext): void;
}

export type MaskRegion = 'bottom' | 'top' | 'left' | 'right' | 'centre';
export const MASK_REGIONS: MaskRegion[] = ['bottom', 'top', 'left', 'right', 'centre'];

let nextPatternId = 1;
/** Ids only need to be unique within a page load (they key the network cache). */
export function newPatternId(): number {
  return nextPatternId++;
}

/** How many times the cue was corrupted: each press draws fresh units. */
let corruptions = 0;

function setState(ctx: LabContext, cells: Int8Array, extra: Record<string, unknown> = {}) {
  ctx.runner.invalidate();
  ctx.store.setState({ state: cells, ...extra });
  ctx.runner.publishOverlaps();
}

/** Stores the current grid as a new pattern, refusing duplicates. */
export function storeCurrent(ctx: LabContext, name?: string): boolean {
  const s = ctx.store.getState();
  if (!s.state.some((v) => v === 1)) {
    say(ctx.store, 'warn', 'The grid is empty: draw something (or pick a preset) before storing.');
    return false;
  }
  const same = s.patterns.findIndex((p) => equal(p.cells, s.state));
  if (same >= 0) {
    say(ctx.store, 'warn', `This pattern is already stored as “${s.patterns[same].name}”.`);
    return false;
  }
  const inv = invert(s.state);
  const anti = s.patterns.findIndex((p) => equal(p.cells, inv));
  if (anti >= 0) {
    say(
      ctx.store,
      'warn',
      `This is the inverse of “${s.patterns[anti].name}”, which the network already holds: −ξ is an attractor whenever ξ is.`,
    );
    return false;
  }
  const pattern: StoredPattern = {
    id: newPatternId(),
    name: uniqueName(name ?? s.stateName ?? `Pattern ${s.patterns.length + 1}`, s.patterns),
    cells: s.state.slice(),
  };
  ctx.runner.invalidate();
  ctx.store.setState({
    patterns: [...s.patterns, pattern],
    target: s.patterns.length,
    targetReason: 'loaded',
  });
  ctx.runner.publishOverlaps();
  return true;
}

function uniqueName(base: string, patterns: StoredPattern[]): string {
  const taken = new Set(patterns.map((p) => p.name));
  if (!taken.has(base)) return base;
  let k = 2;
  while (taken.has(`${base} (${k})`)) k++;
  return `${base} (${k})`;
}

/** The name a preset gets when stored: "A", "3", "Checkerboard"… */
export function presetName(name: PresetName): string {
  return name.length === 1 ? name : name[0].toUpperCase() + name.slice(1);
}

export function removePattern(ctx: LabContext, index: number): void {
  const s = ctx.store.getState();
  ctx.runner.invalidate();
  ctx.store.setState({
    patterns: s.patterns.filter((_, i) => i !== index),
    target:
      s.target === index ? null : s.target !== null && s.target > index ? s.target - 1 : s.target,
  });
  ctx.runner.publishOverlaps();
}

/** Loads a stored pattern onto the grid as the cue, and makes it the target. */
export function loadPattern(ctx: LabContext, index: number): void {
  const p = ctx.store.getState().patterns[index];
  if (p) {
    setState(ctx, p.cells.slice(), {
      target: index,
      targetReason: 'loaded',
      cue: null,
      stateName: p.name,
    });
  }
}

export type PresetName = string; // a glyph ('A'…'Z', '0'…'9'), 'checkerboard', 'random', 'sparse'

export function presetCells(name: PresetName, size: number, seed: number): Bipolar {
  const rng = createRng(seed);
  if (name === 'checkerboard') return checkerboard(size, size, Math.max(1, Math.round(size / 10)));
  if (name === 'random') return randomPattern(size * size, rng);
  if (name === 'sparse') return sparsePattern(size * size, 0.1, rng);
  return glyph(name, size, size);
}

/** Puts a preset on the grid (it is not stored until the visitor stores it). */
export function loadPreset(ctx: LabContext, name: PresetName): void {
  const s = ctx.store.getState();
  const salt = s.patterns.length + 1;
  setState(ctx, presetCells(name, s.size, s.seed * 1000 + salt), {
    stateName: presetName(name),
    target: null,
    targetReason: null,
    cue: null,
  });
}

/** Flips round(noise * D) distinct units (sampled without replacement). */
export function corrupt(ctx: LabContext): void {
  const s = ctx.store.getState();
  corruptions += 1;
  setState(ctx, flipFraction(s.state, s.noise, createRng(s.seed * 7919 + corruptions)));
}

export function mask(ctx: LabContext, region: MaskRegion, fill: 'off' | 'random'): void {
  const s = ctx.store.getState();
  const n = s.size;
  const h = Math.floor(n / 2);
  const q = Math.floor(n / 4);
  const rect = {
    bottom: { x: 0, y: n - h, w: n, h },
    top: { x: 0, y: 0, w: n, h },
    left: { x: 0, y: 0, w: h, h: n },
    right: { x: n - h, y: 0, w: h, h: n },
    centre: { x: q, y: q, w: n - 2 * q, h: n - 2 * q },
  }[region];
  corruptions += 1;
  setState(ctx, maskRect(s.state, n, rect, fill, createRng(s.seed * 7919 + corruptions)));
}

/** Changes the grid size, resampling the stored patterns so none is lost. */
export function resize(ctx: LabContext, size: number): void {
  const s = ctx.store.getState();
  if (size === s.size) return;
  ctx.runner.invalidate();
  ctx.store.setState({
    size,
    patterns: s.patterns.map((p) => ({
      ...p,
      id: newPatternId(),
      cells: resample(p.cells, s.size, size),
    })),
    state: resample(s.state, s.size, size),
    cue: null,
    selectedUnit: null,
    ...clearRecall(),
  });
  ctx.runner.publishOverlaps();
}

export const COMMANDS: Command[] = [
  {
    id: 'store',
    label: 'Store',
    shortcut: 's',
    help: 'Store the grid as a memory (it becomes an attractor of the network)',
    run: (ctx) => void storeCurrent(ctx),
  },
  {
    id: 'clear',
    label: 'Clear grid',
    shortcut: 'x',
    help: 'Set every unit off (−1)',
    run: (ctx) =>
      setState(ctx, blank(ctx.store.getState().size ** 2), {
        target: null,
        cue: null,
        stateName: null,
      }),
  },
  {
    id: 'corrupt',
    label: 'Corrupt',
    shortcut: 'c',
    help: 'Flip the chosen fraction of distinct units',
    run: corrupt,
  },
  {
    id: 'invert',
    label: 'Invert',
    shortcut: 'i',
    help: 'Flip every unit: s → −s',
    run: (ctx) => setState(ctx, invert(ctx.store.getState().state)),
  },
  {
    id: 'recall',
    label: 'Recall',
    shortcut: 'r',
    help: 'Play or pause recall from the current grid',
    run: (ctx) => ctx.runner.toggle(),
  },
  {
    id: 'step',
    label: 'Step',
    shortcut: 'n',
    help: 'One step: a synchronous update, or one sweep of D single-unit updates (one unit in unit view)',
    run: (ctx) => ctx.runner.stepOnce(),
  },
  {
    id: 'reset',
    label: 'Reset',
    shortcut: 'z',
    help: 'Back to the cue recall started from',
    run: (ctx) => ctx.runner.reset(),
  },
];

export function command(id: string): Command {
  const c = COMMANDS.find((k) => k.id === id);
  if (!c) throw new Error(`no command ${id}`);
  return c;
}

/** Runs the command bound to a key, if any; true when one ran. */
export function runShortcut(ctx: LabContext, key: string): boolean {
  const c = COMMANDS.find((k) => k.shortcut === key.toLowerCase());
  if (!c) return false;
  c.run(ctx);
  return true;
}
