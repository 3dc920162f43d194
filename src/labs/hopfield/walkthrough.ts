/**
 * The guided tour of the Classic lab: a list of steps (lessons are data).
 * Each step says what to look at and, with "Show me", runs the same
 * commands as the buttons (runCommand). `expect` states what the step should show; a unit test
 * runs the whole tour and checks every claim, so the text cannot drift away
 * from what the model does.
 */
import { createRng } from '../../core/random';
import { runCommand } from '../../engine/commands';
import { flipFraction } from '../../models/classic/corrupt';
import type { Dynamics, Outcome } from '../../models/classic/dynamics';
import { randomPattern } from '../../data/presets';
import { COMMANDS, type LabContext, type NewPattern } from './commands';

export interface TourStep {
  title: string;
  text: string;
  /** Sets the lab up for this step (and starts recall where the step is about recall). */
  setUp(ctx: LabContext): void;
  /** What recall should end in after this step's set-up, for the test. */
  expect?: Outcome[];
}

/** An empty 16 x 16 memory with the default settings, then `patterns`. */
function startOver(ctx: LabContext, dynamics: Dynamics, patterns: NewPattern[] = []) {
  runCommand(COMMANDS.loadMemory, ctx, { size: 16, patterns });
  runCommand(COMMANDS.setRule, ctx, 'hebbian');
  runCommand(COMMANDS.setDynamics, ctx, dynamics);
  runCommand(COMMANDS.setView, ctx, 'sweep');
  runCommand(COMMANDS.setSeed, ctx, 1);
}

/** Stores presets, as picking each and pressing Store does. */
function storeAll(ctx: LabContext, names: string[]) {
  for (const n of names) {
    runCommand(COMMANDS.loadPreset, ctx, n);
    runCommand(COMMANDS.store, ctx);
  }
}

/**
 * Puts pattern `index` on the grid with `fraction` of its units flipped
 * (seeded, so the step always shows the same run) and starts recall.
 */
function recallFrom(ctx: LabContext, index: number, fraction: number, seed: number) {
  runCommand(COMMANDS.loadPattern, ctx, index);
  runCommand(COMMANDS.setNoise, ctx, fraction);
  const cue = flipFraction(ctx.store.getState().state, fraction, createRng(seed));
  runCommand(COMMANDS.editCells, ctx, cue);
  runCommand(COMMANDS.recall, ctx);
}

/** `n` random patterns of 256 units, seeded. */
function randoms(n: number, seed: number): NewPattern[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    name: `Random ${i + 1}`,
    cells: randomPattern(256, rng),
  }));
}

export const TOUR: TourStep[] = [
  {
    title: '1. Store three memories',
    text: 'The letters T, O and X are stored with the Hebbian rule: each adds its outer product ξξᵀ to the weights. Their thumbnails appear under Memory.',
    setUp: (ctx) => {
      startOver(ctx, 'async');
      storeAll(ctx, ['T', 'O', 'X']);
    },
  },
  {
    title: '2. Recall from a damaged cue',
    text: 'The O with a quarter of its units flipped. Recall updates one unit at a time; watch the energy fall at every update and the distance to the target reach zero.',
    setUp: (ctx) => recallFrom(ctx, 1, 0.25, 3),
    expect: ['target'],
  },
  {
    title: '3. Too much noise: the inverted pattern',
    text: 'With 70 % of the units flipped the cue is closer to −O than to O. −ξ is an attractor whenever ξ is (same energy), so recall falls into the inverted letter.',
    setUp: (ctx) => recallFrom(ctx, 1, 0.7, 3),
    expect: ['inverted'],
  },
  {
    title: '4. Correlated memories interfere',
    text: 'Now store H, E, L, F and P too. Letters share their blank background and strokes, so they overlap strongly; the Hebbian weights blur them together and recall of E from a light cue ends in a spurious or mixture state, far below 0.138 D.',
    setUp: (ctx) => {
      startOver(ctx, 'async');
      storeAll(ctx, ['T', 'O', 'X', 'H', 'E', 'L', 'F', 'P']);
      recallFrom(ctx, 4, 0.1, 5);
    },
    expect: ['spurious', 'mixture', 'other-pattern', 'near-target'],
  },
  {
    title: '5. The pseudo-inverse rule copes',
    text: 'The same eight letters and the same cue, learned with the pseudo-inverse (projection) rule: every linearly independent pattern becomes a fixed point, correlated or not.',
    setUp: (ctx) => {
      runCommand(COMMANDS.setRule, ctx, 'pseudoinverse');
      recallFrom(ctx, 4, 0.1, 5);
    },
    expect: ['target'],
  },
  {
    title: '6. Over capacity, synchronous updates can cycle',
    text: 'Forty random patterns in 256 units: a load of 0.156, above the 0.138 limit. Updating every unit at once now overshoots, and the state flips between two states for ever (a 2-cycle). The energy need not fall under synchronous updates.',
    setUp: (ctx) => {
      startOver(ctx, 'sync', randoms(40, 11));
      recallFrom(ctx, 0, 0.2, 3);
    },
    expect: ['cycle'],
  },
  {
    title: '7. Asynchronous updates never cycle',
    text: 'The same memories and the same cue, one unit at a time: every update lowers the energy or leaves it, so recall must stop at a fixed point. Over capacity it is rarely the stored pattern.',
    setUp: (ctx) => {
      runCommand(COMMANDS.setDynamics, ctx, 'async');
      recallFrom(ctx, 0, 0.2, 3);
    },
    expect: ['target', 'near-target', 'other-pattern', 'inverted', 'mixture', 'spurious'],
  },
];
