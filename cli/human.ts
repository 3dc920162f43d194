/**
 * The Human memory lab's free-recall experiments on the command line, over
 * the same CMR model and analyses as the page (src/models/human/):
 *
 *   free-recall          serial position, first recall, lag-CRP, mean recalled
 *   free-recall-context  recall for the four study/test places (Godden & Baddeley)
 *   free-recall-emotion  emotional and neutral recall in mixed or pure lists (eCMR)
 *
 * Every CMR parameter is a flag named after it in kebab-case (--beta-enc,
 * --gamma-fc, --phi-s, --tau, --x1, ...), with the range and default of the
 * model's table (CMR_PARAMS: cymr's example parameters). Arrays are indexed
 * by serial position from the first studied item; lag-CRP entries that were
 * never possible (lag 0) print as null. See docs/human-cli.md.
 */
import { enumParam, floatParam, intParam, type ParamValues } from '../src/core/params';
import { DISTRACTOR_PROTOCOLS } from '../src/models/human/cmr';
import { CMR_PARAM_TABLE, pickCmrParams } from '../src/models/human/cmrParams';
import {
  CONTEXT_THETA,
  contextDependentRecall,
  emotionRecall,
  freeRecallExperiment as simulateFreeRecall,
  type FreeRecallSettings,
} from '../src/models/human/freeRecall';
import { defineExperiment } from './define';

/** Flags every free-recall experiment shares, then the model's parameters. */
export const FREE_RECALL_PARAMS = {
  listLength: intParam(20, 1, 200, 'items per studied list'),
  lists: intParam(1000, 1, 1_000_000, 'simulated lists'),
  distractor: enumParam(
    DISTRACTOR_PROTOCOLS,
    'none',
    'none: immediate recall; delayed: one distractor before the test; continuous: a distractor after every item',
  ),
  seed: intParam(1, 0, 2 ** 32 - 1, 'random seed'),
  learnContext: enumParam(
    ['previous', 'updated'] as const,
    'previous',
    'bind each item to the context before its drift (TCM) or after it (cymr)',
  ),
  ...CMR_PARAM_TABLE,
};

type FreeRecallValues = ParamValues<typeof FREE_RECALL_PARAMS>;

/** The model's settings from the flags; also what the output echoes back. */
function settingsOf(v: FreeRecallValues): FreeRecallSettings {
  return {
    listLength: v.listLength,
    lists: v.lists,
    distractor: v.distractor,
    seed: v.seed,
    learnContext: v.learnContext,
    params: pickCmrParams(v),
  };
}

/**
 * One free-recall experiment's output: its name, the settings echoed back,
 * then what `body` computes from a fresh copy of them, and the wall-clock
 * time of the whole in whole milliseconds (elapsedMs).
 */
async function timedOutput<T extends object>(
  experiment: string,
  v: FreeRecallValues,
  body: (settings: FreeRecallSettings) => T,
) {
  const t0 = performance.now();
  const result = { experiment, ...settingsOf(v), ...body(settingsOf(v)) };
  return { ...result, elapsedMs: Math.round(performance.now() - t0) };
}

export const freeRecallExperiment = defineExperiment({
  name: 'free-recall',
  describe: 'CMR free recall: serial position curve, first recall, lag-CRP, mean recalled',
  params: FREE_RECALL_PARAMS,
  run: (v) => timedOutput('free-recall', v, simulateFreeRecall),
});

/** The context experiment's table: theta defaults to CONTEXT_THETA (see freeRecall.ts). */
export const CONTEXT_PARAMS = {
  ...FREE_RECALL_PARAMS,
  theta: { ...FREE_RECALL_PARAMS.theta, default: CONTEXT_THETA },
};

export const freeRecallContextExperiment = defineExperiment({
  name: 'free-recall-context',
  describe: 'CMR context-dependent recall: study in place A or B, test in A or B',
  params: CONTEXT_PARAMS,
  run: (v) =>
    timedOutput('free-recall-context', v, (settings) => {
      const conditions = contextDependentRecall(settings);
      const mean = (same: boolean) =>
        conditions
          .filter((c) => (c.study === c.test) === same)
          .reduce((s, c) => s + c.recall / 2, 0);
      return { conditions, sameContext: mean(true), differentContext: mean(false) };
    }),
});

export const EMOTION_PARAMS = {
  composition: enumParam(
    ['mixed', 'pure'] as const,
    'mixed',
    'mixed: emotional and neutral items in every list; pure: all-emotional and all-neutral lists',
  ),
  emotionalShare: floatParam(0.5, 0, 1, 'share of emotional items in a mixed list'),
  ...FREE_RECALL_PARAMS,
};

export const freeRecallEmotionExperiment = defineExperiment({
  name: 'free-recall-emotion',
  describe: 'eCMR: recall of emotional and neutral items in mixed or pure lists',
  params: EMOTION_PARAMS,
  run: (v) =>
    timedOutput('free-recall-emotion', v, (settings) => ({
      emotionalShare: v.emotionalShare,
      ...emotionRecall(settings, v.composition, v.emotionalShare),
    })),
});

/** The three experiments, in the order the registry lists them. */
export const HUMAN_EXPERIMENTS = [
  freeRecallExperiment,
  freeRecallContextExperiment,
  freeRecallEmotionExperiment,
] as const;
