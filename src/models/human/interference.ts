/**
 * Interference between paired associates in an attention (modern Hopfield)
 * memory (SCIENCE.md section 5): list 1 pairs A_i-B_i, then list 2 pairs
 * A'_i-C_i whose cues are similar to list 1's, cos(A_i, A'_i) = S.
 *
 * Memory: slots j with a key k_j (unit vector in R^dim), a response r_j (one
 * of 2 x pairs response items, B_1..B_n then C_1..C_n; values are one-hot)
 * and a strength n_j = the number of study trials of that pair.
 * Retrieval for a cue q:
 *   logit_j = beta k_j . q + ln n_j,      logit_fail = beta theta,
 *   w = softmax(logits) over the slots and the "no recall" option,
 *   P(response r | q) = sum_{j: r_j = r} w_j   (the retrieved value, sum_j w_j v_j).
 * ln n_j makes one slot studied n times the same as n identical slots in the
 * plain modern Hopfield update (sum of n equal exp terms), so repeated study
 * is gradual strengthening. The fail option is ACT-R's retrieval threshold
 * in the softmax (Luce choice against a threshold of similarity theta).
 * The softmax is written here over Float64Arrays rather than imported from
 * modern/modernHopfield.ts because of the ln n_j terms and the fail option;
 * with n_j = 1 and no fail option it is referenceAttention (a test checks).
 *
 * Cues: A_i are seeded random unit vectors (Gaussian, normalised);
 * A'_i = S A_i + sqrt(1 - S^2) U_i with U_i a unit vector orthogonal to A_i,
 * so cos(A_i, A'_i) = S exactly. The same A_i and U_i serve every S (common
 * random numbers), so curves over S are smooth.
 *
 * Measures (mean over the n pairs):
 * - retroactive: P(B_i | A_i) after list 1 alone (control) minus after list 1
 *   then list 2 (experimental); intrusions = P(C_i | A_i).
 * - proactive: learning curve P(C_i | A'_i) after each list-2 trial, with
 *   list 1 learnt first (experimental) and without it (control);
 *   interference = mean over trials of control minus experimental.
 */
import { createRng, type Rng } from '../../core/random';

export interface InterferenceConfig {
  /** Dimension of cue vectors. */
  dim: number;
  /** Pairs per list. */
  pairs: number;
  /** Inverse temperature of the attention. */
  beta: number;
  /** cos(A_i, A'_i), in [0, 1]. */
  similarity: number;
  /** Study trials of each list-1 pair. */
  firstTrials: number;
  /** Study trials of each list-2 pair. */
  secondTrials: number;
  /** Retrieval threshold on the similarity scale: logit_fail = beta theta. */
  theta: number;
  seed: number;
}

export const INTERFERENCE_DEFAULTS: InterferenceConfig = {
  dim: 64,
  pairs: 8,
  beta: 8,
  similarity: 0.5,
  firstTrials: 4,
  secondTrials: 4,
  theta: 1,
  seed: 1,
};

/** One slot: a cue key, the response it stores, and its study count. */
export interface Slot {
  key: Float64Array;
  response: number;
  strength: number;
  /** For display, e.g. "A3-B3". */
  label: string;
}

/** The memory; functions below return new memories (the old one is untouched). */
export interface AssociativeMemory {
  slots: readonly Slot[];
}

export const emptyMemory = (): AssociativeMemory => ({ slots: [] });

/** One study trial of a pair: strengthens its slot by 1, or adds the slot with strength 1. */
export function studyPair(
  memory: AssociativeMemory,
  key: Float64Array,
  response: number,
  label: string,
): AssociativeMemory {
  const i = memory.slots.findIndex((s) => s.key === key && s.response === response);
  if (i < 0) return { slots: [...memory.slots, { key, response, strength: 1, label }] };
  const slots = memory.slots.slice();
  slots[i] = { ...slots[i], strength: slots[i].strength + 1 };
  return { slots };
}

export interface Retrieval {
  /** Attention weight of each slot, in slot order. */
  weights: Float64Array;
  /** Weight of "no recall". */
  failure: number;
  /** P(response r | cue) for r in [0, responses). */
  responses: Float64Array;
}

/** w = softmax(beta k_j . q + ln n_j, beta theta); see the file comment. */
export function retrieve(
  memory: AssociativeMemory,
  cue: ArrayLike<number>,
  beta: number,
  theta: number,
  responses: number,
): Retrieval {
  const n = memory.slots.length;
  const logits = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    const { key, strength } = memory.slots[j];
    let dot = 0;
    for (let k = 0; k < key.length; k++) dot += key[k] * cue[k];
    logits[j] = beta * dot + Math.log(strength);
  }
  logits[n] = beta * theta;
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l);
  let sum = 0;
  for (let j = 0; j <= n; j++) sum += logits[j] = Math.exp(logits[j] - max);
  for (let j = 0; j <= n; j++) logits[j] /= sum;
  const out = new Float64Array(responses);
  for (let j = 0; j < n; j++) out[memory.slots[j].response] += logits[j];
  return { weights: logits.slice(0, n), failure: logits[n], responses: out };
}

function unitGaussian(dim: number, rng: Rng): Float64Array {
  const v = new Float64Array(dim);
  let norm = 0;
  for (let k = 0; k < dim; k++) norm += (v[k] = rng.normal()) ** 2;
  norm = Math.sqrt(norm);
  for (let k = 0; k < dim; k++) v[k] /= norm;
  return v;
}

/** The list cues: A_i, and the orthogonal directions U_i used to make A'_i. */
export interface CueBase {
  a: Float64Array[];
  u: Float64Array[];
}

/** Seeded A_i and U_i (U_i orthogonal to A_i, both unit length). */
export function makeCueBase(dim: number, pairs: number, seed: number): CueBase {
  const rng = createRng(seed);
  const a: Float64Array[] = [];
  const u: Float64Array[] = [];
  for (let i = 0; i < pairs; i++) {
    const ai = unitGaussian(dim, rng);
    const ui = unitGaussian(dim, rng);
    let dot = 0;
    for (let k = 0; k < dim; k++) dot += ai[k] * ui[k];
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (ui[k] -= dot * ai[k]) ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < dim; k++) ui[k] /= norm;
    a.push(ai);
    u.push(ui);
  }
  return { a, u };
}

/** A'_i = S A_i + sqrt(1 - S^2) U_i, so cos(A_i, A'_i) = S. */
export function similarCues(base: CueBase, similarity: number): Float64Array[] {
  if (!(similarity >= 0 && similarity <= 1)) throw new RangeError('similarity must be in [0, 1]');
  const o = Math.sqrt(1 - similarity * similarity);
  return base.a.map((ai, i) => Float64Array.from(ai, (x, k) => similarity * x + o * base.u[i][k]));
}

/** Pair i of list 1 responds B_i = i; of list 2, C_i = pairs + i. */
const B = (i: number) => i;
const C = (pairs: number, i: number) => pairs + i;

/** Studies every pair of a list once per trial, for `trials` trials (pair order within a trial). */
export function studyList(
  memory: AssociativeMemory,
  cues: readonly Float64Array[],
  responses: readonly number[],
  labels: readonly string[],
  trials: number,
): AssociativeMemory {
  let m = memory;
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < cues.length; i++) m = studyPair(m, cues[i], responses[i], labels[i]);
  }
  return m;
}

export interface InterferenceLists {
  base: CueBase;
  /** List 2 cues A'_i. */
  second: Float64Array[];
  /** Measured mean cos(A_i, A'_i) (equals S up to rounding). */
  measuredSimilarity: number;
}

export function makeLists(cfg: InterferenceConfig): InterferenceLists {
  const base = makeCueBase(cfg.dim, cfg.pairs, cfg.seed);
  const second = similarCues(base, cfg.similarity);
  let sim = 0;
  for (let i = 0; i < cfg.pairs; i++) {
    for (let k = 0; k < cfg.dim; k++) sim += (base.a[i][k] * second[i][k]) / cfg.pairs;
  }
  return { base, second, measuredSimilarity: sim };
}

function learnFirst(cfg: InterferenceConfig, lists: InterferenceLists, m = emptyMemory()) {
  const n = cfg.pairs;
  const labels = Array.from({ length: n }, (_, i) => `A${i + 1}-B${i + 1}`);
  return studyList(
    m,
    lists.base.a,
    Array.from({ length: n }, (_, i) => B(i)),
    labels,
    cfg.firstTrials,
  );
}

function learnSecond(
  cfg: InterferenceConfig,
  lists: InterferenceLists,
  m: AssociativeMemory,
  trials: number,
) {
  const n = cfg.pairs;
  const labels = Array.from({ length: n }, (_, i) => `A'${i + 1}-C${i + 1}`);
  return studyList(
    m,
    lists.second,
    Array.from({ length: n }, (_, i) => C(n, i)),
    labels,
    trials,
  );
}

export interface RetroactiveResult {
  /** Mean P(B_i | A_i) after list 1 only. */
  control: number;
  /** Mean P(B_i | A_i) after list 1 then list 2. */
  experimental: number;
  /** control - experimental. */
  interference: number;
  /** Mean P(C_i | A_i) after both lists: list-2 responses given to list-1 cues. */
  intrusions: number;
  /** The memory after both lists and the retrieval for cue A_1, for the attention panel. */
  memory: AssociativeMemory;
  example: Retrieval;
}

/**
 * Mean over pairs i of P(response(i) | cue i): the probability the memory
 * gives pair i's chosen response to its cue, averaged over the n = pairs
 * cues (one retrieval each, over the 2n responses of both lists).
 */
function meanResponse(
  memory: AssociativeMemory,
  cues: readonly ArrayLike<number>[],
  response: (i: number) => number,
  cfg: InterferenceConfig,
): number {
  const n = cfg.pairs;
  let p = 0;
  for (let i = 0; i < n; i++) {
    p += retrieve(memory, cues[i], cfg.beta, cfg.theta, 2 * n).responses[response(i)] / n;
  }
  return p;
}

/** Recall of B from A after learning A'-C (retroactive interference). */
export function retroactive(cfg: InterferenceConfig = INTERFERENCE_DEFAULTS): RetroactiveResult {
  const lists = makeLists(cfg);
  const n = cfg.pairs;
  const responses = 2 * n;
  const first = learnFirst(cfg, lists);
  const both = learnSecond(cfg, lists, first, cfg.secondTrials);
  const cues = lists.base.a;
  const control = meanResponse(first, cues, (i) => B(i), cfg);
  const experimental = meanResponse(both, cues, (i) => B(i), cfg);
  const intrusions = meanResponse(both, cues, (i) => C(n, i), cfg);
  const example = retrieve(both, lists.base.a[0], cfg.beta, cfg.theta, responses);
  return {
    control,
    experimental,
    interference: control - experimental,
    intrusions,
    memory: both,
    example,
  };
}

export interface ProactiveResult {
  /** Mean P(C_i | A'_i) after list-2 trial 1..secondTrials, without list 1. */
  control: number[];
  /** The same with list 1 learnt first. */
  experimental: number[];
  /** Mean over trials of control - experimental. */
  interference: number;
  /** Mean P(B_i | A'_i) after the last list-2 trial: old responses to new cues. */
  intrusions: number;
  /** Retrieval for cue A'_1 after the first list-2 trial (list 1 learnt), for the attention panel. */
  example: Retrieval;
  exampleMemory: AssociativeMemory;
}

/** Learning curves of A'-C with and without A-B learnt first (proactive interference). */
export function proactive(cfg: InterferenceConfig = INTERFERENCE_DEFAULTS): ProactiveResult {
  const lists = makeLists(cfg);
  const n = cfg.pairs;
  const responses = 2 * n;
  const curve = (start: AssociativeMemory) => {
    const out: number[] = [];
    let m = start;
    for (let t = 1; t <= cfg.secondTrials; t++) {
      m = learnSecond(cfg, lists, m, 1);
      out.push(meanResponse(m, lists.second, (i) => C(n, i), cfg));
    }
    return { out, m };
  };
  const first = learnFirst(cfg, lists);
  const control = curve(emptyMemory()).out;
  const exp = curve(first);
  const intrusions = meanResponse(exp.m, lists.second, (i) => B(i), cfg);
  let interference = 0;
  for (let t = 0; t < control.length; t++) {
    interference += (control[t] - exp.out[t]) / control.length;
  }
  const exampleMemory = learnSecond(cfg, lists, first, 1);
  const example = retrieve(exampleMemory, lists.second[0], cfg.beta, cfg.theta, responses);
  return { control, experimental: exp.out, interference, intrusions, example, exampleMemory };
}

/** Retroactive and proactive interference at each similarity (other settings from cfg). */
export function interferenceSweep(
  similarities: readonly number[],
  cfg: InterferenceConfig = INTERFERENCE_DEFAULTS,
): {
  similarity: number;
  retroactive: number;
  proactive: number;
  recallB: number;
  finalC: number;
}[] {
  return similarities.map((similarity) => {
    const c = { ...cfg, similarity };
    const r = retroactive(c);
    const p = proactive(c);
    return {
      similarity,
      retroactive: r.interference,
      proactive: p.interference,
      recallB: r.experimental,
      finalC: p.experimental[p.experimental.length - 1],
    };
  });
}
