/**
 * The Classic lab's lessons (engine/lessons): store, corrupt, recall,
 * overload and the inverted attractor; and the checkerboard demo loaded
 * into the lab (a one-step lesson, so the visitor's patterns come back).
 * Every step runs the lab's own commands; lesson.test.ts runs each step and
 * checks its claim against what the runner computed.
 */
import { row, hamming } from '../../core/pattern';
import { runCommand } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson } from '../../engine/lessons';
import { DEMO, DEMO_SETTINGS, demoSetup } from './checkerboard';
import { COMMANDS, type LabContext } from './commands';
import {
  all,
  CLASSIC_SCRATCH,
  corruptedCue,
  endsIn,
  energyNeverRises,
  recallStep,
  startOver,
  storeAll,
} from './walkthrough';

const LETTERS = ['T', 'O', 'X', 'H', 'E', 'L', 'F', 'P'];
const RECALL = ['network', 'recall', 'insight'];

/** A fresh asynchronous network holding T, O and X, where the first steps begin. */
function storeTOX(ctx: LabContext): void {
  startOver(ctx, 'async');
  storeAll(ctx, ['T', 'O', 'X']);
}

export const CLASSIC_LESSON = defineLesson<LabContext>(
  courseLesson('/hopfield', 'classic'),
  [
    {
      title: 'Store three memories',
      text: 'The letters T, O and X are stored with the Hebbian rule: each adds its outer product ξξᵀ to the weights. Their thumbnails appear under Memory. The grid still shows X, so its overlap with X is 1.',
      panels: ['network', 'memory', 'insight'],
      setUp: (ctx) => {
        storeTOX(ctx);
      },
      claim: {
        says: 'three patterns are stored and the grid overlaps X fully',
        check: (ctx) => {
          const s = ctx.store.getState();
          if (s.patterns.length !== 3) return `${s.patterns.length} patterns stored`;
          return s.overlaps[2] === 1 ? null : `overlap with X is ${s.overlaps[2]}`;
        },
      },
    },
    {
      title: 'Corrupt a cue',
      text: 'The O with a quarter of its units flipped: 64 of 256. The overlap m = ξ·s / D with O drops from 1 to 1 − 2 × 0.25 = 0.5; the bars under “What is happening” show it.',
      panels: ['network', 'recall', 'insight'],
      setUp: (ctx) => {
        storeTOX(ctx);
        corruptedCue(ctx, 1, 0.25, 3);
      },
      claim: {
        says: 'the cue overlaps O by exactly 0.5',
        check: (ctx) => {
          const m = ctx.store.getState().overlaps[1];
          return m === 0.5 ? null : `overlap with O is ${m}`;
        },
      },
    },
    {
      title: 'Recall from the damaged cue',
      text: 'Recall updates one unit at a time. Watch the energy fall at every update (it never rises under asynchronous updates) and the distance to O reach zero: the cue rolled into the O’s attractor.',
      panels: RECALL,
      setUp: recallStep({ dynamics: 'async', letters: ['T', 'O', 'X'], cue: [1, 0.25, 3] }),
      claim: {
        says: 'recall ends exactly at O and the energy never rises',
        check: all(endsIn('', ['target']).check, energyNeverRises),
      },
    },
    {
      title: 'Too much noise: the inverted pattern',
      text: 'With 70 % of the units flipped the cue is closer to −O than to O. −ξ is an attractor whenever ξ is (it has the same energy), so recall falls into the inverted letter.',
      panels: RECALL,
      setUp: recallStep({ dynamics: 'async', letters: ['T', 'O', 'X'], cue: [1, 0.7, 3] }),
      claim: endsIn('recall ends at −O', ['inverted']),
    },
    {
      title: 'Correlated memories interfere',
      text: 'Now store H, E, L, F and P too: eight letters, a load of only 8/256 = 0.03. Letters share their blank background and strokes, so they overlap strongly, and the Hebbian weights favour what they share. Recall of E from a cue with 10 % of its units flipped ends in F, another stored letter: F has swallowed E.',
      panels: RECALL.concat('memory'),
      setUp: recallStep({ dynamics: 'async', letters: LETTERS, cue: [4, 0.1, 5] }),
      claim: endsIn('recall of E ends at F', ['other-pattern'], 'F'),
    },
    {
      title: 'The pseudo-inverse rule copes',
      text: 'The same eight letters and the same cue, learned with the pseudo-inverse (projection) rule: every linearly independent pattern becomes a fixed point, correlated or not. Recall ends exactly at E.',
      panels: RECALL,
      setUp: recallStep({
        dynamics: 'async',
        letters: LETTERS,
        rule: 'pseudoinverse',
        cue: [4, 0.1, 5],
      }),
      claim: endsIn('recall ends at E', ['target']),
    },
    {
      title: 'Random patterns, under capacity',
      text: 'Twenty random patterns in 256 units: a load of 0.078, under D/(2 ln D) = 23 patterns, the capacity for exact recall (the page shows it under Memory). Random patterns barely overlap, so the Hebbian rule holds them: recall from 10 % noise is exact.',
      panels: RECALL.concat('memory'),
      setUp: recallStep({ dynamics: 'async', randoms: [20, 11], cue: [0, 0.1, 3] }),
      claim: endsIn('recall of a random pattern at load 0.078 is exact', ['target']),
    },
    {
      title: 'Over capacity, synchronous updates can cycle',
      text: 'Forty random patterns: a load of 0.156, above the 0.138 limit. Updating every unit at once now overshoots, and the state flips between two states for ever (a 2-cycle). The energy need not fall under synchronous updates.',
      panels: RECALL,
      setUp: recallStep({ dynamics: 'sync', randoms: [40, 11], cue: [0, 0.2, 3] }),
      claim: endsIn('synchronous recall ends in a 2-cycle', ['cycle']),
    },
    {
      title: 'Asynchronous updates never cycle',
      text: 'The same memories and the same cue, one unit at a time: every update lowers the energy or leaves it, so recall must stop at a fixed point. Over capacity that fixed point is spurious: no stored pattern, no inverse, no mixture of three.',
      panels: RECALL,
      setUp: recallStep({ dynamics: 'async', randoms: [40, 11], cue: [0, 0.2, 3] }),
      claim: {
        says: 'asynchronous recall stops at a spurious fixed point, the energy never rising',
        check: all(endsIn('', ['spurious']).check, energyNeverRises),
      },
    },
  ],
  CLASSIC_SCRATCH,
);

/**
 * The checkerboard demo's memory in the lab, to animate: 50 x 50 units, 50
 * random patterns and the checkerboard, the cue with 1000 units flipped.
 * A lesson of one step, so the visitor's own patterns come back at its end.
 */
export const CHECKERBOARD_LESSON = defineLesson<LabContext>(
  {
    lab: '/hopfield',
    id: 'checkerboard',
    title: 'The checkerboard demo, in the lab',
    summary: 'The demo’s 51 patterns and its cue, loaded into the lab to animate.',
    teaches: 'Hebbian against Storkey, synchronous against asynchronous, on one hard cue',
    steps: 1,
  },
  [
    {
      title: 'Animate the checkerboard demo',
      text: `The demo's memory in the lab, in the setting chosen there: ${DEMO.side} × ${DEMO.side} units hold the random patterns and a checkerboard, and the grid is the checkerboard with the demo's number of distinct units flipped (${DEMO.flips} in the seed's setting). Press Recall, change the rule or the update order and recall again. Your own patterns come back when you end this.`,
      panels: ['network', 'recall', 'insight', 'demo'],
      setUp: (ctx) => {
        const st = ctx.store.getState();
        const s = demoSetup(st.seed, DEMO_SETTINGS[st.demoLoad]);
        runCommand(COMMANDS.loadMemory, ctx, {
          size: DEMO.side,
          patterns: s.names.map((name, mu) => ({ name, cells: row(s.x, mu).slice() })),
          state: s.cue.slice(),
          target: s.target,
        });
      },
      claim: {
        says: 'the grid is the checkerboard with the demo setting’s number of units flipped',
        check: (ctx) => {
          const s = ctx.store.getState();
          const setting = DEMO_SETTINGS[s.demoLoad];
          const t = s.target === null ? undefined : s.patterns[s.target];
          if (!t || t.name !== 'Checkerboard') return 'the target is not the checkerboard';
          if (s.patterns.length !== setting.randoms + 1) return `${s.patterns.length} patterns`;
          const d = hamming(s.state, t.cells);
          return d === setting.flips ? null : `${d} units differ`;
        },
      },
    },
  ],
  CLASSIC_SCRATCH,
);

export const CLASSIC_LESSONS = [CLASSIC_LESSON, CHECKERBOARD_LESSON];
