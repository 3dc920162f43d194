/**
 * The lab's verbs, registered once (engine/commands): buttons, keyboard
 * shortcuts, the generated shortcut help and the tests all run these. The
 * setting verbs only write the store; the runner watches the fields that
 * change what is stored, the cue or the attention, and does the rest.
 */
import { commandsFor, type Command } from '../../engine/commands';
import type { BinaryCue } from '../../models/modern/classicVsModern';
import type { CueRegion } from '../../models/modern/imageCue';
import type { LogitScale } from '../../models/modern/modernHopfield';
import type { CompareSweep } from './compare';
import type { ImageFile, OwnImages } from './ownImages';
import { ALL_CLASSES, type CueSource } from './params';
import type { ModernRunner } from './runner';
import type { ModernStore } from './store';

export interface LabContext {
  store: ModernStore;
  runner: ModernRunner;
  sweep: CompareSweep;
  images: OwnImages;
}

/**
 * The three regimes (with the 1/sqrt(d) scaling on). Low and high beta are
 * one number each, tuned on about 1,000 stored digits and a half-hidden
 * cue; the page names the regime it actually reaches. Middle beta is
 * chosen for the cue at hand (beta: null): the runner finds the beta whose
 * attention at the cue spreads over about 10 digits, 1/sum p^2 (runner.middle).
 */
export const PRESETS = [
  { id: 'average', label: 'Low β: average of everything', beta: 0.1 },
  { id: 'blend', label: 'Middle β for this cue: a blend of ~10 similar digits', beta: null },
  { id: 'single', label: 'High β: one single digit', beta: 20 },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

export type MemoryChange = Partial<{ k: number; classes: readonly number[]; seed: number }>;
export type CueChange = Partial<{
  source: CueSource;
  region: CueRegion;
  amount: number;
  noise: number;
}>;
export type CompareChange = Partial<{
  compareK: number;
  compareCue: BinaryCue;
  compareAmount: number;
}>;

/**
 * The store change that stores `next` classes (sorted, without repeats):
 * nothing when it names none (at least one class stays stored) or the same
 * ones (no new store).
 */
function classesChange(now: readonly number[], next: readonly number[] = now) {
  const sorted = [...new Set(next)].sort((a, b) => a - b);
  const same = sorted.length === now.length && sorted.every((c, i) => c === now[i]);
  return sorted.length === 0 || same ? {} : { classes: sorted };
}

/** A verb the runner queues (one update, retrieve, ...), on a key. */
function runnerVerb(
  id: string,
  label: string,
  key: string,
  help: string,
  job: (runner: ModernRunner) => Promise<void>,
): Command<LabContext> {
  return { id, label, key, help, perform: (ctx) => void job(ctx.runner) };
}

const sweepRunning = (ctx: LabContext) => ctx.store.getState().sweep?.running === true;

export const COMMANDS = commandsFor<LabContext>()({
  step: runnerVerb('step', 'Step', 'n', 'One update ξ ← X softmax(β Xᵀξ)', (r) => r.step()),
  settle: runnerVerb(
    'settle',
    'Retrieve',
    'r',
    'Update until the state stops changing (at most 50 updates)',
    (r) => r.settle(),
  ),
  reset: runnerVerb(
    'reset',
    'Back to the cue',
    'z',
    'Start again from the cue, no update taken',
    (r) => r.reset(),
  ),
  another: runnerVerb(
    'another',
    'Another digit',
    'a',
    'Cue with a different digit (stored or not, as chosen)',
    (r) => r.newDigit(),
  ),
  retry: {
    id: 'retry',
    label: 'Try again',
    help: 'Load the digits and start the maths backend again',
    perform: (ctx) => void ctx.runner.start(),
  },
  setBeta: {
    id: 'setBeta',
    label: 'β (inverse temperature)',
    help: 'Set β; the state goes back to the cue and is retrieved again',
    perform: (ctx, beta: number) => ctx.store.setState({ beta }),
  },
  setScale: {
    id: 'setScale',
    label: 'Scale the logits by 1/√d',
    help: "Use β′ = β/√784 ('sqrt') or β′ = β ('none')",
    perform: (ctx, scale: LogitScale) => ctx.store.setState({ scale }),
  },
  applyPreset: {
    id: 'applyPreset',
    label: 'Regime preset',
    help: 'Set β for one of the three regimes, with the 1/√d scaling on (middle β: chosen for the cue, then one update)',
    perform: (ctx, id: PresetId) => {
      const preset = PRESETS.find((p) => p.id === id)!;
      if (preset.beta === null) void ctx.runner.middle();
      else ctx.store.setState({ beta: preset.beta, scale: 'sqrt' });
    },
  },
  setMemory: {
    id: 'setMemory',
    label: 'Store digits',
    help: 'Change what is stored (K, the classes, the seed); the digits are stored again',
    perform: (ctx, { classes, ...rest }: MemoryChange) =>
      ctx.store.setState((s) => ({ ...rest, ...classesChange(s.classes, classes) })),
  },
  toggleClass: {
    id: 'toggleClass',
    label: 'Class',
    help: 'Store a digit class too, or stop storing it (at least one stays)',
    perform: (ctx, c: number) =>
      ctx.store.setState((s) =>
        classesChange(
          s.classes,
          s.classes.includes(c) ? s.classes.filter((x) => x !== c) : [...s.classes, c],
        ),
      ),
  },
  allClasses: {
    id: 'allClasses',
    label: 'all',
    help: 'Store digits of all ten classes',
    perform: (ctx) => ctx.store.setState((s) => classesChange(s.classes, ALL_CLASSES)),
  },
  setCue: {
    id: 'setCue',
    label: 'Make a cue',
    help: 'Change where the cue comes from, what is hidden, and the noise',
    perform: (ctx, change: CueChange) => {
      const s = ctx.store.getState();
      // A new source needs a new digit (a stored one is not an unstored one).
      const item = change.source && change.source !== s.source ? -1 : s.item;
      ctx.store.setState({ ...change, item });
    },
  },
  setDrawing: {
    id: 'setDrawing',
    label: 'Draw',
    help: 'Cue with the drawing on the pad',
    perform: (ctx, drawing: Float32Array) =>
      ctx.store.setState({ drawing, source: 'drawn', item: -1 }),
  },
  setFrame: {
    id: 'setFrame',
    label: 'Frame my drawing like the digits',
    help: 'Scale the drawing’s bounding box into 20 × 20 and put its centre of mass at the centre, as MNIST did',
    perform: (ctx, frame: boolean) => ctx.store.setState({ frame }),
  },
  addImages: {
    id: 'addImages',
    label: 'Add my images',
    help: 'Frame image files like the digits, keep them in this browser and store them after the digits',
    perform: (ctx, files: readonly ImageFile[]) => void ctx.images.add(files),
  },
  removeImage: {
    id: 'removeImage',
    label: 'Remove',
    help: 'Remove one of your images from the network and from this browser',
    perform: (ctx, id: string) => void ctx.images.remove(id),
  },
  clearImages: {
    id: 'clearImages',
    label: 'Remove all my images',
    help: 'Remove all your images from the network and from this browser',
    enabled: (ctx) => ctx.store.getState().own.length > 0,
    perform: (ctx) => void ctx.images.clear(),
  },
  setCompare: {
    id: 'setCompare',
    label: 'Comparison',
    help: 'Change the classic-vs-modern comparison: digits stored, the cue, how much of it',
    perform: (ctx, change: CompareChange) => ctx.store.setState(change),
  },
  runSweep: {
    id: 'runSweep',
    label: 'Run the sweep',
    help: 'Accuracy of the three networks against the number stored, in slices',
    enabled: (ctx) => !sweepRunning(ctx),
    perform: (ctx) => ctx.sweep.start(ctx.runner.set),
  },
  cancelSweep: {
    id: 'cancelSweep',
    label: 'Cancel',
    help: 'Stop the sweep after the slice now running',
    enabled: sweepRunning,
    perform: (ctx) => ctx.sweep.cancel(),
  },
});
