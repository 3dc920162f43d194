/**
 * The Classic lab's verbs, registered once (engine/commands): buttons,
 * keyboard shortcuts, the generated shortcut help, the guided tour and the
 * tests all run these same commands. Commands only write the store; the
 * runner watches the fields that change its network and keeps itself in
 * step (runner.ts), so no command calls it to invalidate or republish.
 */
import { createRng } from '../../core/random';
import { blank, equal, type Bipolar } from '../../core/pattern';
import { commandsFor, type Command } from '../../engine/commands';
import { dismiss, say } from '../../engine/messages';
import { flipFraction, invert, maskRect } from '../../models/classic/corrupt';
import { checkerboard, glyph, randomPattern, resample, sparsePattern } from '../../data/presets';
import { PARAMS } from './params';
import { backupStorage, exportPatterns, fromSaved, readPatternFile } from './persistence';
import type { HopfieldRunner } from './runner';
import { newPatternId, type HopfieldStore, type Settings, type StoredPattern } from './store';

export interface LabContext {
  store: HopfieldStore;
  runner: HopfieldRunner;
}

export type MaskRegion = 'bottom' | 'top' | 'left' | 'right' | 'centre';
export const MASK_REGIONS: MaskRegion[] = ['bottom', 'top', 'left', 'right', 'centre'];
export type MaskFill = 'off' | 'random';

/** A pattern to add to the memory (it gets a fresh id). */
export interface NewPattern {
  name: string;
  cells: Int8Array;
}

/** A whole memory to load: the grid side, the patterns, and optionally the grid and its target. */
export interface MemoryLoad {
  size: number;
  patterns: readonly NewPattern[];
  /** The grid (default: blank). */
  state?: Int8Array;
  /** Index of the pattern the grid is a cue for (default: none). */
  target?: number | null;
}

/** How many times the cue was corrupted: each press draws fresh units. */
let corruptions = 0;

function withIds(patterns: readonly NewPattern[]): StoredPattern[] {
  return patterns.map((p) => ({ id: newPatternId(), name: p.name, cells: p.cells }));
}

/** Stores the current grid as a new pattern, refusing blanks, duplicates and inverses. */
export function storeCurrent(ctx: LabContext, name?: string): boolean {
  const s = ctx.store.getState();
  const refuse = (text: string) => {
    say(ctx.store, 'warn', text, 'store');
    return false;
  };
  if (!s.state.some((v) => v === 1))
    return refuse('The grid is empty: draw something (or pick a preset) before storing.');
  const same = s.patterns.findIndex((p) => equal(p.cells, s.state));
  if (same >= 0) return refuse(`This pattern is already stored as “${s.patterns[same].name}”.`);
  const inv = invert(s.state);
  const anti = s.patterns.findIndex((p) => equal(p.cells, inv));
  if (anti >= 0)
    return refuse(
      `This is the inverse of “${s.patterns[anti].name}”, which the network already holds: −ξ is an attractor whenever ξ is.`,
    );
  const pattern: StoredPattern = {
    id: newPatternId(),
    name: uniqueName(name ?? s.stateName ?? `Pattern ${s.patterns.length + 1}`, s.patterns),
    cells: s.state.slice(),
  };
  ctx.store.setState({
    patterns: [...s.patterns, pattern],
    target: s.patterns.length,
    targetReason: 'loaded',
  });
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
  ctx.store.setState({
    patterns: s.patterns.filter((_, i) => i !== index),
    target:
      s.target === index ? null : s.target !== null && s.target > index ? s.target - 1 : s.target,
  });
}

/** Loads a stored pattern onto the grid as the cue, and makes it the target. */
export function loadPattern(ctx: LabContext, index: number): void {
  const p = ctx.store.getState().patterns[index];
  if (p) {
    ctx.store.setState({
      state: p.cells.slice(),
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
  ctx.store.setState({
    state: presetCells(name, s.size, s.seed * 1000 + salt),
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
  ctx.store.setState({
    state: flipFraction(s.state, s.noise, createRng(s.seed * 7919 + corruptions)),
  });
}

/** Overwrites half the grid (or its centre square) with off units or random ones. */
export function mask(ctx: LabContext, region: MaskRegion, fill: MaskFill): void {
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
  ctx.store.setState({
    state: maskRect(s.state, n, rect, fill, createRng(s.seed * 7919 + corruptions)),
  });
}

/** Changes the grid size, resampling the stored patterns so none is lost. */
export function resize(ctx: LabContext, size: number): void {
  const s = ctx.store.getState();
  if (size === s.size) return;
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
  });
}

/** Replaces the memory (and the grid) with `m`: a demo, a lesson, the visitor's own patterns. */
export function loadMemory(ctx: LabContext, m: MemoryLoad): void {
  const target = m.target ?? null;
  ctx.store.setState({
    size: m.size,
    patterns: withIds(m.patterns),
    state: m.state ?? blank(m.size * m.size),
    stateName: null,
    cue: null,
    target,
    targetReason: target === null ? null : 'loaded',
    selectedUnit: null,
  });
}

/** Adds patterns of the grid's size to the memory. */
export function addPatterns(ctx: LabContext, patterns: readonly NewPattern[]): void {
  ctx.store.setState((s) => ({ patterns: [...s.patterns, ...withIds(patterns)] }));
}

/** Adds the patterns of an exported file, resampled to this grid; a bad file changes nothing. */
export async function importPatterns(ctx: LabContext, file: Blob): Promise<void> {
  const read = await readPatternFile(file);
  if (!read.value) {
    const why = read.error.replace(/\.$/, '');
    say(
      ctx.store,
      'error',
      `Could not import that file: ${why}. Nothing was changed.`,
      'importPatterns',
    );
    return;
  }
  const from = read.value.size;
  const size = ctx.store.getState().size;
  const imported = fromSaved(read.value).map((p) =>
    from === size ? p : { ...p, cells: resample(p.cells, from, size) },
  );
  addPatterns(ctx, imported);
  const n = imported.length;
  const resampled = from === size ? '' : ` (resampled from ${from}×${from})`;
  say(
    ctx.store,
    'info',
    `Imported ${n} pattern${n === 1 ? '' : 's'}${resampled}.`,
    'importPatterns',
  );
}

/** Brings back the patterns a shared link set aside, and forgets the spare copy. */
export function restorePatterns(ctx: LabContext): void {
  const saved = backupStorage.load().value;
  if (!saved) return;
  loadMemory(ctx, { size: saved.size, patterns: fromSaved(saved) });
  backupStorage.clear();
}

/** A command that sets one setting of the table; the runner notices the change itself. */
function setter<K extends Exclude<keyof Settings, 'size'>>(
  field: K,
  id: string,
  help: string,
): Command<LabContext, Settings[K]> {
  return {
    id,
    label: PARAMS[field].label ?? String(field),
    help,
    perform: (ctx, value) => ctx.store.setState({ [field]: value } as Pick<Settings, K>),
  };
}

export const COMMANDS = commandsFor<LabContext>()({
  store: {
    id: 'store',
    label: 'Store',
    key: 's',
    help: 'Store the grid as a memory (it becomes an attractor of the network)',
    perform: (ctx) => void storeCurrent(ctx),
  },
  clear: {
    id: 'clear',
    label: 'Clear grid',
    key: 'x',
    help: 'Set every unit off (−1)',
    perform: (ctx) =>
      ctx.store.setState((s) => ({
        state: blank(s.size * s.size),
        target: null,
        cue: null,
        stateName: null,
      })),
  },
  corrupt: {
    id: 'corrupt',
    label: 'Corrupt',
    key: 'c',
    help: 'Flip the chosen fraction of distinct units',
    perform: corrupt,
  },
  invert: {
    id: 'invert',
    label: 'Invert',
    key: 'i',
    help: 'Flip every unit: s → −s',
    perform: (ctx) => ctx.store.setState((s) => ({ state: invert(s.state) })),
  },
  recall: {
    id: 'recall',
    label: 'Recall',
    key: 'r',
    help: 'Play or pause recall from the current grid',
    perform: (ctx) => ctx.runner.toggle(),
  },
  step: {
    id: 'step',
    label: 'Step',
    key: 'n',
    help: 'One step: a synchronous update, or one sweep of D single-unit updates (one unit in unit view)',
    perform: (ctx) => ctx.runner.stepOnce(),
  },
  reset: {
    id: 'reset',
    label: 'Reset',
    key: 'z',
    help: 'Back to the cue recall started from',
    perform: (ctx) => ctx.runner.reset(),
  },
  editCells: {
    id: 'editCells',
    label: 'Draw',
    help: 'Set the units of the grid (drawing on it); the drawing is the new cue',
    enabled: (ctx) => ctx.store.getState().phase !== 'running',
    perform: (ctx, cells: Int8Array) =>
      ctx.store.setState({ state: cells, cue: null, stateName: null }),
  },
  mask: {
    id: 'mask',
    label: 'Mask',
    help: 'Overwrite the region of the grid',
    perform: (ctx, { region, fill }: { region: MaskRegion; fill: MaskFill }) =>
      mask(ctx, region, fill),
  },
  loadPreset: {
    id: 'loadPreset',
    label: 'Preset',
    help: 'Put a letter, digit or pattern on the grid (not stored until you store it)',
    perform: loadPreset,
  },
  loadPattern: {
    id: 'loadPattern',
    label: 'Load',
    help: 'Load a stored pattern onto the grid as the cue',
    perform: loadPattern,
  },
  removePattern: {
    id: 'removePattern',
    label: 'Remove',
    help: 'Forget a stored pattern',
    perform: removePattern,
  },
  resize: {
    id: 'resize',
    label: PARAMS.size.label!,
    help: 'Change the grid size, resampling the grid and every stored pattern',
    perform: resize,
  },
  setRule: setter('rule', 'setRule', 'Choose the learning rule'),
  setDiagonal: setter('diagonal', 'setDiagonal', "Zero Storkey's diagonal or keep it"),
  setMargin: setter('margin', 'setMargin', 'The Krauth-Mezard stability margin'),
  setDreams: setter('dreams', 'setDreams', 'Unlearning: dreams per stored pattern'),
  setEpsilon: setter('epsilon', 'setEpsilon', 'Unlearning: the strength of each dream'),
  setPower: setter('power', 'setPower', 'The power n of the dense associative memory'),
  setDynamics: setter('dynamics', 'setDynamics', 'Choose how the units update'),
  setTemperature: setter('temperature', 'setTemperature', 'The temperature of Glauber dynamics'),
  setNoise: setter('noise', 'setNoise', 'The fraction of units Corrupt flips'),
  setSeed: setter('seed', 'setSeed', 'Seed the corruption, the update order and the noise'),
  setView: setter('view', 'setView', 'Animate recall unit by unit or sweep by sweep'),
  setSpeed: setter('speed', 'setSpeed', 'How fast recall is animated'),
  openDemo: setter('demoOpen', 'openDemo', 'Open or close the checkerboard comparison'),
  setDemoLoad: setter('demoLoad', 'setDemoLoad', "The checkerboard comparison's load"),
  selectUnit: {
    id: 'selectUnit',
    label: 'Select unit',
    help: 'Show one unit’s incoming weights',
    perform: (ctx, unit: number | null) => ctx.store.setState({ selectedUnit: unit }),
  },
  loadMemory: {
    id: 'loadMemory',
    label: 'Load a memory',
    help: 'Replace the stored patterns and the grid',
    perform: loadMemory,
  },
  exportPatterns: {
    id: 'exportPatterns',
    label: 'Export…',
    help: 'Download the stored patterns as a JSON file',
    enabled: (ctx) => ctx.store.getState().patterns.length > 0,
    perform: (ctx) => exportPatterns(ctx.store.getState()),
  },
  importPatterns: {
    id: 'importPatterns',
    label: 'Import…',
    help: 'Add patterns from an exported file',
    perform: (ctx, file: Blob) => void importPatterns(ctx, file),
  },
  restorePatterns: {
    id: 'restorePatterns',
    label: 'Restore my patterns',
    help: 'Bring back the patterns you had before you opened a link with its own',
    perform: restorePatterns,
  },
  dismissMessage: {
    id: 'dismissMessage',
    label: 'Dismiss',
    help: 'Hide a message',
    perform: (ctx, id: number) => dismiss(ctx.store, id),
  },
});
