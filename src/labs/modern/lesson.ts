/**
 * The Modern lab's lesson (engine/lessons): one-step retrieval, the three
 * regimes of β, and classic against modern on the same digits. Steps call
 * the lab's commands and wait for the runner (runner.idle); lesson.test.ts
 * runs each step on the real 10,000 digits and checks its claim against
 * the retrieval the runner published (or, for the comparison, what the
 * comparison panel computes from the same settings).
 */
import { pick } from '../../core/params';
import { row } from '../../core/pattern';
import { createRng } from '../../core/random';
import { runCommand } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson, type Claim, type Scratch } from '../../engine/lessons';
import { binaryCue, buildNetworks, compareOnce } from '../../models/modern/classicVsModern';
import { COMMANDS, type LabContext } from './commands';
import { binaryDigits } from './compare';
import { ALL_CLASSES, PARAMS, type ModernSettings } from './params';

/** Waits for the runner and the sweep (the commands only queue their work). */
async function settled(ctx: LabContext): Promise<void> {
  await ctx.runner.idle();
  await ctx.runner.idle(); // a job may queue another (a store queues its retrieval)
}

/** Resolves when the accuracy sweep has stopped. */
function sweepEnded(ctx: LabContext): Promise<void> {
  return new Promise((resolve) => {
    if (!ctx.store.getState().sweep?.running) return resolve();
    const off = ctx.store.subscribe((s) => {
      if (s.sweep?.running) return;
      off();
      resolve();
    });
  });
}

/** Resolves once the digits are loaded and the backend is up (a lesson link opens before). */
function ready(ctx: LabContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (s: ReturnType<LabContext['store']['getState']>) => {
      if (s.status === 'ready') return true;
      if (s.status === 'error')
        return (reject(new Error(s.loadError ?? 'the digits did not load')), true);
      return false;
    };
    if (check(ctx.store.getState())) return resolve();
    const off = ctx.store.subscribe((s) => {
      if (!check(s)) return;
      off();
      resolve();
    });
  });
}

/** 1,000 digits of every class, the bottom half of a stored one hidden, β = 20 scaled. */
async function start(ctx: LabContext) {
  await ready(ctx);
  await settled(ctx); // the first store after loading
  runCommand(COMMANDS.setMemory, ctx, { k: 1000, classes: ALL_CLASSES, seed: 1 });
  runCommand(COMMANDS.setCue, ctx, { source: 'stored', region: 'bottom', amount: 0.5, noise: 0 });
  runCommand(COMMANDS.setScale, ctx, 'sqrt');
  runCommand(COMMANDS.setBeta, ctx, 20);
  await settled(ctx);
}

/** A step's set-up: start, then the step's own commands, then wait for the runner. */
function startThen(then: (ctx: LabContext) => void) {
  return async (ctx: LabContext) => {
    await start(ctx);
    then(ctx);
    await settled(ctx);
  };
}

/** The comparison panel's set-up of both comparison steps: 20 digits, 20 % of the first flipped. */
function compareTwenty(ctx: LabContext) {
  runCommand(COMMANDS.setCompare, ctx, { compareK: 20, compareCue: 'flip', compareAmount: 0.2 });
}

function onRetrieval(
  says: string,
  check: (
    r: NonNullable<ReturnType<LabContext['store']['getState']>['retrieval']>,
    ctx: LabContext,
  ) => string | null,
): Claim<LabContext> {
  return {
    says,
    check(ctx) {
      const r = ctx.store.getState().retrieval;
      return r ? check(r, ctx) : 'no retrieval';
    },
  };
}

/** The comparison panel's result for its first digit (the panel computes the same). */
export function comparison(ctx: LabContext) {
  const s = ctx.store.getState();
  const set = ctx.runner.set;
  if (!set) return null;
  const digits = binaryDigits(set, s.compareK, s.classes, s.seed);
  const nets = buildNetworks(digits.x);
  const rng = createRng(s.seed * 977);
  const cue = binaryCue(row(digits.x, 0), 28, s.compareCue, s.compareAmount, rng);
  return compareOnce(nets, 0, cue, { beta: s.beta, scale: s.scale }, rng);
}

const SETUP = ['memory', 'cue', 'retrieval', 'attention'];

/** The visitor's settings (their own images are never touched by the lesson). */
const SCRATCH: Scratch<LabContext, ModernSettings> = {
  save: (ctx) => pick(PARAMS, ctx.store.getState()) as ModernSettings,
  async restore(ctx, settings) {
    if (ctx.store.getState().sweep?.running) runCommand(COMMANDS.cancelSweep, ctx);
    // Every setting of the table at once: the runner stores and retrieves again once.
    ctx.store.setState({ ...settings, middle: null });
    await settled(ctx);
  },
};

export const MODERN_LESSON = defineLesson<LabContext>(
  courseLesson('/modern', 'regimes'),
  [
    {
      title: 'A thousand digits and half a cue',
      text: 'A modern Hopfield network stores 1,000 real MNIST digits as the rows of X. The cue is one of them with its bottom half hidden: hidden pixels are 0, “unknown”, so only the visible half votes. Nothing has been updated yet.',
      panels: SETUP,
      setUp: startThen((ctx) => runCommand(COMMANDS.reset, ctx)),
      claim: {
        says: '1,000 digits stored, the cue’s bottom half is all 0, no update taken',
        check(ctx) {
          const s = ctx.store.getState();
          if (s.stored.length !== 1000) return `${s.stored.length} stored`;
          if (!s.cue || s.cue.slice(14 * 28).some((v) => v !== 0))
            return 'the bottom half is not hidden';
          return s.retrieval?.steps === 0 ? null : `${s.retrieval?.steps} updates taken`;
        },
      },
    },
    {
      title: 'One step retrieves',
      text: 'One update, ξ ← X softmax(β′ Xᵀξ): every stored digit is weighted by how well it matches the visible half, and at β = 20 almost all the weight lands on the digit the cue came from. The hidden half is filled in after a single step.',
      panels: SETUP,
      setUp: startThen((ctx) => {
        runCommand(COMMANDS.reset, ctx);
        runCommand(COMMANDS.step, ctx);
      }),
      claim: onRetrieval(
        'after one update the cue’s own digit has over 90 % of the attention and the state matches it (cosine > 0.95)',
        (r) =>
          r.steps === 1 && (r.ownWeight ?? 0) > 0.9 && (r.cosineTruth ?? 0) > 0.95
            ? null
            : `steps ${r.steps}, own weight ${r.ownWeight}, cosine ${r.cosineTruth}`,
      ),
    },
    {
      title: 'Low β: the average of everything',
      text: 'At β = 0.1 the softmax is nearly flat: every stored digit gets about the same weight, and the state becomes the average of all 1,000, a blur that is no digit at all. The page names the regime from the effective number of digits, 1/Σp².',
      panels: SETUP,
      setUp: startThen((ctx) => runCommand(COMMANDS.applyPreset, ctx, 'average')),
      claim: onRetrieval(
        'the regime is “average”, with over 500 digits effectively weighted',
        (r) =>
          r.regime === 'average' && r.nEff > 500 ? null : `regime ${r.regime}, n_eff ${r.nEff}`,
      ),
    },
    {
      title: 'Middle β: a metastable blend',
      text: 'In between, β is chosen for this cue so that the cue’s attention spreads over about ten stored digits (1/Σp² = 10), and one update is taken: the state becomes a blend of the digits most like the cue. A blend is no stored digit, so its own attention spreads wider still; further updates would drift away from the cue, and the page stops after one.',
      panels: SETUP,
      setUp: startThen((ctx) => runCommand(COMMANDS.applyPreset, ctx, 'blend')),
      claim: onRetrieval(
        'the cue’s attention at the chosen β spreads over 8 to 12 digits, and the updated state is a blend',
        (r, ctx) => {
          const m = ctx.store.getState().middle;
          if (!m) return 'no β was chosen';
          return m.nEff >= 8 && m.nEff <= 12 && r.regime === 'blend' && r.steps === 1
            ? null
            : `cue n_eff ${m.nEff}, regime ${r.regime} after ${r.steps} updates`;
        },
      ),
    },
    {
      title: 'High β: one single digit',
      text: 'At β = 20 retrieval goes to a fixed point on one stored digit: the one the cue came from, with nearly all the attention.',
      panels: SETUP,
      setUp: startThen((ctx) => runCommand(COMMANDS.applyPreset, ctx, 'single')),
      claim: onRetrieval(
        'the regime is “single” and the nearest stored digit is the cue’s own',
        (r, ctx) =>
          r.regime === 'single' && r.nearest.pos === ctx.store.getState().truthPos
            ? null
            : `regime ${r.regime}, nearest ${r.nearest.pos}, own ${ctx.store.getState().truthPos}`,
      ),
    },
    {
      title: 'Classic against modern, on the same digits',
      text: 'Twenty digits binarised to ±1 and stored in a classic Hebbian network, a pseudo-inverse one and the modern one; the cue is the first with 20 % of its pixels flipped. Digits are strongly correlated (all share the dark background), so the Hebbian network recalls the wrong pattern, while the modern network goes straight back to the right digit.',
      panels: ['compare'],
      setUp: startThen(compareTwenty),
      claim: {
        says: 'the modern network recalls the first digit exactly; the Hebbian one does not',
        check(ctx) {
          const r = comparison(ctx);
          if (!r) return 'no digits';
          return r.modern?.exact && !r.hebbian?.correct
            ? null
            : `modern exact ${r.modern?.exact}, Hebbian correct ${r.hebbian?.correct}`;
        },
      },
    },
    {
      title: 'How many each network holds',
      text: 'The sweep stores 2 to 300 binarised digits and recalls each from a damaged cue, 20 trials a point. The Hebbian network fails after a handful of digits; the pseudo-inverse holds more; the modern network retrieves nearly every digit at every size.',
      panels: ['compare'],
      setUp: async (ctx) => {
        await start(ctx);
        compareTwenty(ctx);
        runCommand(COMMANDS.runSweep, ctx);
        await sweepEnded(ctx);
      },
      claim: {
        says: 'at the largest size the modern network’s accuracy is at least 0.9 and above the Hebbian one’s',
        check(ctx) {
          const pts = ctx.store.getState().sweep?.points ?? [];
          const last = pts.at(-1);
          if (!last) return 'no sweep points';
          const m = last.accuracy.modern ?? 0;
          const h = last.accuracy.hebbian ?? 0;
          return m >= 0.9 && m > h ? null : `at ${last.stored}: modern ${m}, Hebbian ${h}`;
        },
      },
    },
  ],
  SCRATCH,
);

export const MODERN_LESSONS = [MODERN_LESSON];
