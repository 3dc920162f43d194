/**
 * The lab's verbs, registered once (label, shortcut, what it does). Buttons,
 * keyboard shortcuts and tests all call these same functions.
 */
import type { CueRegion } from '../../models/modern/imageCue';
import type { LogitScale } from '../../models/modern/modernHopfield';
import type { ModernRunner } from './runner';
import type { CueSource, ModernStore } from './store';

export interface LabContext {
  store: ModernStore;
  runner: ModernRunner;
}

export interface Command {
  id: string;
  label: string;
  shortcut?: string;
  help: string;
  run(ctx: LabContext): void;
}

/**
 * The three regimes, one beta each (with the 1/sqrt(d) scaling on). Tuned
 * on about 1,000 stored digits and a half-hidden cue; the page names the
 * regime it actually reaches, which for other settings may differ.
 */
export const PRESETS = [
  { id: 'average', label: 'Low β: average of everything', beta: 0.1 },
  { id: 'blend', label: 'Middle β: a blend of similar digits', beta: 2 },
  { id: 'single', label: 'High β: one single digit', beta: 20 },
] as const;

export function setBeta(ctx: LabContext, beta: number, scale?: LogitScale): void {
  const s = ctx.store.getState();
  if (beta === s.beta && (scale ?? s.scale) === s.scale) return;
  ctx.store.setState({ beta, scale: scale ?? s.scale });
  void ctx.runner.retune();
}

export function applyPreset(ctx: LabContext, id: (typeof PRESETS)[number]['id']): void {
  const p = PRESETS.find((x) => x.id === id)!;
  setBeta(ctx, p.beta, 'sqrt');
}

/** Changes what is stored (K, classes, seed) and stores again. */
export function setMemory(
  ctx: LabContext,
  change: Partial<{ k: number; classes: number[]; seed: number }>,
): void {
  ctx.store.setState(change);
  void ctx.runner.restore();
}

export function setCue(
  ctx: LabContext,
  change: Partial<{ source: CueSource; region: CueRegion; amount: number; noise: number }>,
): void {
  const s = ctx.store.getState();
  // A new source needs a new digit (a stored one is not an unstored one).
  const item = change.source && change.source !== s.source ? -1 : s.item;
  ctx.store.setState({ ...change, item });
  void ctx.runner.recue();
}

export function setDrawing(ctx: LabContext, drawing: Float32Array): void {
  ctx.store.setState({ drawing, source: 'drawn', item: -1 });
  void ctx.runner.recue();
}

export const COMMANDS: Command[] = [
  {
    id: 'step',
    label: 'Step',
    shortcut: 'n',
    help: 'One update ξ ← X softmax(β Xᵀξ)',
    run: (ctx) => void ctx.runner.step(),
  },
  {
    id: 'settle',
    label: 'Retrieve',
    shortcut: 'r',
    help: 'Update until the state stops changing (at most 50 updates)',
    run: (ctx) => void ctx.runner.settle(),
  },
  {
    id: 'reset',
    label: 'Back to the cue',
    shortcut: 'z',
    help: 'Start again from the cue, no update taken',
    run: (ctx) => void ctx.runner.reset(),
  },
  {
    id: 'new',
    label: 'Another digit',
    shortcut: 'a',
    help: 'Cue with a different digit (stored or not, as chosen)',
    run: (ctx) => void ctx.runner.newDigit(),
  },
];

export function command(id: string): Command {
  const c = COMMANDS.find((k) => k.id === id);
  if (!c) throw new Error(`no command ${id}`);
  return c;
}

export function runShortcut(ctx: LabContext, key: string): boolean {
  const c = COMMANDS.find((k) => k.shortcut === key.toLowerCase());
  if (!c) return false;
  c.run(ctx);
  return true;
}
