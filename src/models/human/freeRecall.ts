/**
 * Free-recall protocols run on CMR (cmr.ts): many simulated lists, scored
 * with the same analyses as the visitor's data (analyses.ts).
 *
 * Protocol of one list (serial positions 0-based):
 *   immediate   study 0 .. n-1, recall.
 *   delayed     study 0 .. n-1, one distractor (beta_distract), recall.
 *   continuous  study each item followed by a distractor (the last one is
 *               the retention interval), recall.
 * Recall always starts with the start-of-list reinstatement (beta_start).
 *
 * Each list is a fresh network (no memory carries over between lists, as in
 * cymr's simulations). One seeded generator is drawn in order: per list, the
 * list's conditions where they are random (the emotional positions of a mixed
 * list), then the stop and choice draws of every output.
 */
import { createRng, sampleDistinct, type Rng } from '../../core/random';
import {
  lagCrp,
  meanRecalled,
  probabilityOfFirstRecall,
  recallByClass,
  recallErrors,
  serialPositionCurve,
  type RecallTrial,
} from './analyses';
import {
  CmrNetwork,
  listNetwork,
  type DistractorProtocol,
  type LearnContext,
  type ListConditions,
  type Place,
} from './cmr';
import { type CmrParams } from './cmrParams';

/** Settings common to every protocol. */
export interface FreeRecallSettings {
  listLength: number;
  lists: number;
  distractor: DistractorProtocol;
  seed: number;
  /** Parameters on top of the defaults (cmrParams). */
  params?: Partial<CmrParams>;
  learnContext?: LearnContext;
}

/** The simulated lists, as analysis trials: study = [0, 1, ..., n-1], recall = positions. */
export interface FreeRecallRun {
  trials: RecallTrial[];
  params: CmrParams;
}

/** Runs the study phase of one list on `net` (already reset) following the protocol. */
export function studyList(net: CmrNetwork, protocol: DistractorProtocol): void {
  const n = net.listLength;
  for (let i = 0; i < n; i++) {
    net.studyItem(i);
    if (protocol === 'continuous') net.distract();
  }
  if (protocol === 'delayed') net.distract();
}

/** Recalls until the model stops; returns the serial positions in output order. */
export function recallList(net: CmrNetwork, rng: Rng): Int32Array {
  net.startRecall();
  const out = new Int32Array(net.listLength);
  let k = 0;
  for (let j = net.recallNext(rng); j >= 0; j = net.recallNext(rng)) out[k++] = j;
  return out.slice(0, k);
}

function checkSettings(s: { listLength: number; lists: number }): void {
  if (!Number.isInteger(s.listLength) || s.listLength < 1 || s.listLength > 500) {
    throw new RangeError(`list length must be an integer in 1..500, got ${s.listLength}`);
  }
  if (!Number.isInteger(s.lists) || s.lists < 1) {
    throw new RangeError(`lists must be a positive integer, got ${s.lists}`);
  }
}

let studyOrderCache: { n: number; order: Int32Array } | null = null;
function studyOrder(n: number): Int32Array {
  if (studyOrderCache?.n !== n) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    studyOrderCache = { n, order };
  }
  return studyOrderCache.order;
}

/**
 * Simulates `lists` lists under one protocol, with `conditions(listIndex, rng)`
 * giving each list's emotional items and places (default: none).
 */
export function simulateLists(
  settings: FreeRecallSettings,
  conditions?: (list: number, rng: Rng) => ListConditions,
): FreeRecallRun {
  checkSettings(settings);
  const net = listNetwork(settings);
  const params = net.params;
  const n = settings.listLength;
  const rng = createRng(settings.seed);
  const study = studyOrder(n);
  const trials: RecallTrial[] = [];
  for (let l = 0; l < settings.lists; l++) {
    net.reset(conditions ? conditions(l, rng) : {});
    studyList(net, settings.distractor);
    trials.push({ study, recall: recallList(net, rng) });
  }
  return { trials, params };
}

/** The curves the page and the command line show. */
export interface FreeRecallSummary {
  /** P(recall) by serial position (index 0 = first studied item). */
  serialPosition: number[];
  /** P(first output is this position). */
  firstRecall: number[];
  /** Lag-CRP over lags -(n-1)..n-1; crp is null where a lag was never possible (lag 0). */
  lagCrp: { lags: number[]; crp: (number | null)[] };
  meanRecalled: number;
  intrusions: number;
  repetitions: number;
}

const jsonNumber = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Scores trials (model or visitor) into the summary above. */
export function summarizeFreeRecall(trials: readonly RecallTrial[]): FreeRecallSummary {
  const crp = lagCrp(trials);
  const errors = recallErrors(trials);
  return {
    serialPosition: Array.from(serialPositionCurve(trials)),
    firstRecall: Array.from(probabilityOfFirstRecall(trials)),
    lagCrp: { lags: Array.from(crp.lags), crp: Array.from(crp.crp, jsonNumber) },
    meanRecalled: meanRecalled(trials),
    intrusions: errors.intrusions,
    repetitions: errors.repetitions,
  };
}

/** Simulates and scores one protocol: the serial-position experiment. */
export function freeRecallExperiment(settings: FreeRecallSettings): FreeRecallSummary {
  return summarizeFreeRecall(simulateLists(settings).trials);
}

/** Recall in one study-place / test-place combination. */
export interface ContextCondition {
  study: Place;
  test: Place;
  /** Mean share of the list recalled. */
  recall: number;
  meanRecalled: number;
}

/**
 * The retrieval threshold the context protocol uses unless the params set
 * one: theta = 0.1. A place can only change HOW MANY items are recalled if
 * recall depends on the cue's strength; with theta = 0 the stop rule alone
 * fixes the number of recalls and the four bars are equal. Why 0.1: with the
 * example parameters it brings immediate recall of 20-item lists to 44 %
 * (8.8 items), closer to what people recall of a 20-word list, where
 * theta = 0 recalls 75 % (15 items).
 */
export const CONTEXT_THETA = 0.1;

/**
 * Context-dependent recall (Godden & Baddeley 1975): lists studied in place
 * A or B and tested in A or B, `settings.lists` lists per combination (the
 * four runs share the seed, so they differ only by the places). The place
 * enters every context input as w_place e_place (cmr.ts); theta defaults to
 * CONTEXT_THETA.
 */
export function contextDependentRecall(settings: FreeRecallSettings): ContextCondition[] {
  const withTheta = { ...settings, params: { theta: CONTEXT_THETA, ...settings.params } };
  const places: Place[] = ['A', 'B'];
  const out: ContextCondition[] = [];
  for (const study of places) {
    for (const test of places) {
      const { trials } = simulateLists(withTheta, () => ({ studyPlace: study, testPlace: test }));
      const mean = meanRecalled(trials);
      out.push({ study, test, recall: mean / settings.listLength, meanRecalled: mean });
    }
  }
  return out;
}

export type ListComposition = 'mixed' | 'pure';

/** Emotional and neutral recall under one list composition. */
export interface EmotionResult {
  composition: ListComposition;
  /** P(recall) of emotional items. */
  emotional: number;
  /** P(recall) of neutral items. */
  neutral: number;
  /** emotional - neutral. */
  advantage: number;
}

/**
 * The list-composition effect (eCMR, Talmi, Lohnas & Daw 2019). Mixed: every
 * list has round(share x n) emotional items at random positions (drawn from
 * the seeded generator). Pure: lists alternate between all-emotional and
 * all-neutral, so emotional items compete only with emotional ones. An
 * emotional item has the extra context feature w_emotion and phi_emot times
 * the context-to-item learning rate (cmr.ts). With theta = 0 (the default)
 * every list yields the same number of recalls, so in pure lists the
 * advantage is zero up to sampling noise: the effect is all retrieval
 * competition, as in eCMR's account. With theta > 0 stronger pure lists are
 * also recalled more (theta = 0.1: advantage 0.25 pure vs 0.28 mixed).
 */
export function emotionRecall(
  settings: FreeRecallSettings,
  composition: ListComposition,
  emotionalShare = 0.5,
): EmotionResult {
  const n = settings.listLength;
  const flags: Uint8Array[] = [];
  const run = simulateLists(settings, (list, rng) => {
    const emotional = new Uint8Array(n);
    if (composition === 'mixed') {
      for (const j of sampleDistinct(n, Math.round(emotionalShare * n), rng)) emotional[j] = 1;
    } else if (list % 2 === 0) {
      emotional.fill(1);
    }
    flags.push(emotional);
    return { emotional };
  });
  const byClass = recallByClass(
    run.trials,
    (id, list) => (flags[list][id] ? 'emotional' : 'neutral'),
    ['emotional', 'neutral'] as const,
  );
  return {
    composition,
    emotional: byClass.emotional,
    neutral: byClass.neutral,
    advantage: byClass.emotional - byClass.neutral,
  };
}

/** Wall time of a free-recall simulation, for `npm run bench`. */
export interface FreeRecallBench {
  lists: number;
  listLength: number;
  distractor: DistractorProtocol;
  /** Median over `repeats` runs, simulation and scoring. */
  ms: number;
  listsPerSecond: number;
}

/** Times freeRecallExperiment (median of `repeats` runs after one warm-up). */
export function benchFreeRecall(
  lists = 1000,
  listLength = 20,
  distractor: DistractorProtocol = 'none',
  repeats = 5,
): FreeRecallBench {
  const run = (seed: number) => freeRecallExperiment({ listLength, lists, distractor, seed });
  run(0);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run(r + 1);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  return { lists, listLength, distractor, ms, listsPerSecond: (lists / ms) * 1000 };
}
