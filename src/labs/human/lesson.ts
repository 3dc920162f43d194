/**
 * The Human memory lab's lesson (engine/lessons): the shape of free recall
 * in CMR, through the lab's setParam command; each step waits for the
 * simulations (models.idle) and lesson.test.ts checks its claim against the
 * curves the simulation computed. The visitor's game rounds are never
 * touched; their settings come back at the end.
 */
import { pick } from '../../core/params';
import { runCommand } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson, type Claim, type Scratch } from '../../engine/lessons';
import type { FreeRecallSummary } from '../../models/human/freeRecall';
import { COMMANDS, type HumanCtx } from './commands';
import { PARAMS, type Settings } from './params';
import type { SerialResult } from './simJobs';

/** 20-word lists, 1,000 simulated lists, seed 1, immediate recall; then the simulations. */
async function lists(ctx: HumanCtx) {
  runCommand(COMMANDS.setParam, ctx, ['listLength', 20]);
  runCommand(COMMANDS.setParam, ctx, ['lists', 1000]);
  runCommand(COMMANDS.setParam, ctx, ['seed', 1]);
  runCommand(COMMANDS.setParam, ctx, ['distractor', 'none']);
  runCommand(COMMANDS.resetModel, ctx);
  await ctx.models.idle();
}

function onSerial(says: string, check: (r: SerialResult) => string | null): Claim<HumanCtx> {
  return {
    says,
    check(ctx) {
      const sim = ctx.store.getState().serial;
      if (sim.status !== 'done' || !sim.result) return `the simulation is ${sim.status}`;
      return check(sim.result);
    },
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const middle = (c: number[]) =>
  mean(c.slice(Math.floor(c.length / 3), Math.ceil((2 * c.length) / 3)));
const crpAt = (s: FreeRecallSummary, lag: number) =>
  s.lagCrp.crp[s.lagCrp.lags.indexOf(lag)] ?? NaN;
const f2 = (x: number) => x.toFixed(2);

const SCRATCH: Scratch<HumanCtx, Settings> = {
  save: (ctx) => pick(PARAMS, ctx.store.getState()) as Settings,
  async restore(ctx, settings) {
    ctx.store.setState(settings);
    await ctx.models.idle();
  },
};

export const HUMAN_LESSON = defineLesson<HumanCtx>(
  courseLesson('/human', 'serial'),
  [
    {
      title: 'The serial position curve',
      text: 'CMR studies 1,000 lists of 20 words and recalls each freely, in any order. The chance of recalling a word depends on where it stood: the first few (primacy) and above all the last few (recency) are recalled far more often than the middle.',
      panels: ['serial-position'],
      setUp: lists,
      claim: onSerial(
        'the first and the last positions beat the middle third; the last beats the first',
        (r) => {
          const c = r.protocols.none.serialPosition;
          const [first, last, mid] = [c[0], c[c.length - 1], middle(c)];
          return first > mid && last > first
            ? null
            : `first ${f2(first)}, middle ${f2(mid)}, last ${f2(last)}`;
        },
      ),
    },
    {
      title: 'Recall starts at the end',
      text: 'Which word comes out first? In CMR the context at test is the context of the last words studied, so it cues them best: recall most often starts with the last word of the list.',
      panels: ['serial-position'],
      setUp: lists,
      claim: onSerial('the first recall is most often the last word', (r) => {
        const p = r.protocols.none.firstRecall;
        const best = p.indexOf(Math.max(...p));
        return best === p.length - 1 ? null : `most first recalls at position ${best + 1}`;
      }),
    },
    {
      title: 'A distractor removes recency',
      text: 'Delayed free recall: the same lists, with a distracting task between the last word and the test. The distractor drifts the context away from the end of the list, so the last words lose their advantage: they are recalled no more often than the middle ones.',
      panels: ['serial-position'],
      setUp: lists,
      claim: onSerial(
        'immediately the last word beats the middle third by over 0.15; after a delay by under 0.02',
        (r) => {
          const gain = (c: number[]) => c[c.length - 1] - middle(c);
          const [now, later] = [
            gain(r.protocols.none.serialPosition),
            gain(r.protocols.delayed.serialPosition),
          ];
          return now > 0.15 && later < 0.02
            ? null
            : `last − middle: ${f2(now)} immediate, ${f2(later)} delayed`;
        },
      ),
    },
    {
      title: 'Recency comes back with distractors everywhere',
      text: 'Continuous distractor: a distractor after every word, the last one included. Every word’s context is now as far from the next as the last is from the test, so recency returns (long-term recency), above the delayed curve.',
      panels: ['serial-position'],
      setUp: lists,
      claim: onSerial('the last word is recalled more often than after a single delay', (r) => {
        const cont = r.protocols.continuous.serialPosition.at(-1)!;
        const delayed = r.protocols.delayed.serialPosition.at(-1)!;
        return cont > delayed ? null : `last word: ${f2(cont)} continuous, ${f2(delayed)} delayed`;
      }),
    },
    {
      title: 'Recall in order: the lag-CRP',
      text: 'After recalling one word, which comes next? The lag-CRP gives the chance of each lag. Neighbours in the list come next most often, and forwards (lag +1) more than backwards (lag −1): recalling a word brings back its context, which was most like the next word’s.',
      panels: ['serial-position'],
      setUp: lists,
      claim: onSerial('the CRP at lag +1 beats lag −1, which beats lags ±3', (r) => {
        const s = r.protocols.none;
        const [fwd, back, far] = [crpAt(s, 1), crpAt(s, -1), Math.max(crpAt(s, 3), crpAt(s, -3))];
        return fwd > back && back > far ? null : `+1: ${f2(fwd)}, −1: ${f2(back)}, ±3: ${f2(far)}`;
      }),
    },
  ],
  SCRATCH,
);

export const HUMAN_LESSONS = [HUMAN_LESSON];
