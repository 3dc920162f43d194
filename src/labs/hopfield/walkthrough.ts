/**
 * The guided tour of the Classic lab: a list of steps (lessons are data).
 * Each step says what to look at and, with "Do it", runs the same commands
 * as the buttons. `expect` states what the step should show; a unit test
 * runs the whole tour and checks every claim, so the text cannot drift away
 * from what the model does.
 */
import { createRng } from '../../core/random';
import { flipFraction } from '../../models/classic/corrupt';
import type { Outcome } from '../../models/classic/dynamics';
import { randomPattern } from '../../data/presets';
import { loadPattern, loadPreset, newPatternId, storeCurrent, type LabContext } from './commands';
import { clearRecall } from './store';

export interface TourStep {
  title: string;
  text: string;
  /** Sets the lab up for this step (and starts recall where the step is about recall). */
  setUp(ctx: LabContext): void;
  /** What recall should end in after this step's set-up, for the test. */
  expect?: Outcome[];
}

function reset(ctx: LabContext, patch: Record<string, unknown> = {}) {
  ctx.runner.invalidate();
  ctx.store.setState({
    ...clearRecall(),
    size: 16,
    patterns: [],
    state: new Int8Array(256).fill(-1),
    cue: null,
    target: null,
    targetReason: null,
    stateName: null,
    rule: 'hebbian',
    dynamics: 'async',
    view: 'sweep',
    seed: 1,
    ...patch,
  });
}

function storeAll(ctx: LabContext, names: string[]) {
  for (const n of names) {
    loadPreset(ctx, n);
    storeCurrent(ctx);
  }
}

/** Puts pattern `index` on the grid with `fraction` of its units flipped (seeded). */
function cueFrom(ctx: LabContext, index: number, fraction: number, seed: number) {
  loadPattern(ctx, index);
  const s = ctx.store.getState();
  ctx.store.setState({ state: flipFraction(s.state, fraction, createRng(seed)), noise: fraction });
  ctx.runner.publishOverlaps();
}

export const TOUR: TourStep[] = [
  {
    title: '1. Store three memories',
    text: 'The letters T, O and X are stored with the Hebbian rule: each adds its outer product ξξᵀ to the weights. Their thumbnails appear under Memory.',
    setUp: (ctx) => {
      reset(ctx);
      storeAll(ctx, ['T', 'O', 'X']);
    },
  },
  {
    title: '2. Recall from a damaged cue',
    text: 'The O with a quarter of its units flipped. Recall updates one unit at a time; watch the energy fall at every update and the distance to the target reach zero.',
    setUp: (ctx) => {
      cueFrom(ctx, 1, 0.25, 3);
      ctx.runner.play();
    },
    expect: ['target'],
  },
  {
    title: '3. Too much noise: the inverted pattern',
    text: 'With 70 % of the units flipped the cue is closer to −O than to O. −ξ is an attractor whenever ξ is (same energy), so recall falls into the inverted letter.',
    setUp: (ctx) => {
      cueFrom(ctx, 1, 0.7, 3);
      ctx.runner.play();
    },
    expect: ['inverted'],
  },
  {
    title: '4. Correlated memories interfere',
    text: 'Now store H, E, L, F and P too. Letters share their blank background and strokes, so they overlap strongly; the Hebbian weights blur them together and recall of E from a light cue ends in a spurious or mixture state, far below 0.138 D.',
    setUp: (ctx) => {
      reset(ctx);
      storeAll(ctx, ['T', 'O', 'X', 'H', 'E', 'L', 'F', 'P']);
      cueFrom(ctx, 4, 0.1, 5);
      ctx.runner.play();
    },
    expect: ['spurious', 'mixture', 'other-pattern', 'near-target'],
  },
  {
    title: '5. The pseudo-inverse rule copes',
    text: 'The same eight letters and the same cue, learned with the pseudo-inverse (projection) rule: every linearly independent pattern becomes a fixed point, correlated or not.',
    setUp: (ctx) => {
      ctx.runner.invalidate();
      ctx.store.setState({ rule: 'pseudoinverse' });
      cueFrom(ctx, 4, 0.1, 5);
      ctx.runner.play();
    },
    expect: ['target'],
  },
  {
    title: '6. Over capacity, synchronous updates can cycle',
    text: 'Forty random patterns in 256 units: a load of 0.156, above the 0.138 limit. Updating every unit at once now overshoots, and the state flips between two states for ever (a 2-cycle). The energy need not fall under synchronous updates.',
    setUp: (ctx) => {
      const rng = createRng(11);
      reset(ctx, { dynamics: 'sync' });
      ctx.store.setState({
        patterns: Array.from({ length: 40 }, (_, i) => ({
          id: newPatternId(),
          name: `Random ${i + 1}`,
          cells: randomPattern(256, rng),
        })),
      });
      cueFrom(ctx, 0, 0.2, 3);
      ctx.runner.play();
    },
    expect: ['cycle'],
  },
  {
    title: '7. Asynchronous updates never cycle',
    text: 'The same memories and the same cue, one unit at a time: every update lowers the energy or leaves it, so recall must stop at a fixed point. Over capacity it is rarely the stored pattern.',
    setUp: (ctx) => {
      ctx.runner.invalidate();
      ctx.store.setState({ dynamics: 'async' });
      cueFrom(ctx, 0, 0.2, 3);
      ctx.runner.play();
    },
    expect: ['target', 'near-target', 'other-pattern', 'inverted', 'mixture', 'spurious'],
  },
];
