/**
 * Free-recall analyses shared by the model (CMR) and the visitor's own
 * recalls, so both curves on the page come from the same code.
 *
 * Input: one `RecallTrial` per list: the study list as item ids in
 * presentation order, and the recall sequence as item ids in output order.
 * An output that is -1, or an id that is not on that list's study list, is an
 * intrusion; an output of an id already recalled earlier on the same list is
 * a repetition. Serial positions are 0-based in the returned arrays (index 0
 * is the first studied item), lags are signed position differences.
 *
 * Lists may differ in length: every per-position statistic divides by the
 * number of lists that have that position.
 */

/** One studied list and what was recalled from it. */
export interface RecallTrial {
  /** Item ids in presentation order; ids are unique within a list. */
  readonly study: ArrayLike<number>;
  /** Item ids in output order; -1 (or any id not studied) is an intrusion. */
  readonly recall: ArrayLike<number>;
}

/** What one output was, after scoring against its study list. */
export interface ScoredRecall {
  /** Serial positions (0-based) of the outputs; -1 for an intrusion. */
  positions: Int32Array;
  /** 1 where the output repeats an item already recalled on this list. */
  repeat: Uint8Array;
}

/** The intrusion code in recall sequences. */
export const INTRUSION = -1;

/**
 * Maps each output to its serial position on the study list (-1 for an
 * intrusion) and marks repetitions (an item output a second time or later).
 * Throws RangeError if an id occurs twice on the study list.
 */
export function scoreRecall(trial: RecallTrial): ScoredRecall {
  const where = new Map<number, number>();
  for (let p = 0; p < trial.study.length; p++) {
    const id = trial.study[p];
    if (where.has(id)) throw new RangeError(`item ${id} appears twice on a study list`);
    where.set(id, p);
  }
  const n = trial.recall.length;
  const positions = new Int32Array(n);
  const repeat = new Uint8Array(n);
  const seen = new Uint8Array(trial.study.length);
  for (let k = 0; k < n; k++) {
    const id = trial.recall[k];
    const p = id === INTRUSION ? undefined : where.get(id);
    if (p === undefined) {
      positions[k] = -1;
      continue;
    }
    positions[k] = p;
    if (seen[p]) repeat[k] = 1;
    seen[p] = 1;
  }
  return { positions, repeat };
}

function maxLength(trials: readonly RecallTrial[]): number {
  let n = 0;
  for (const t of trials) n = Math.max(n, t.study.length);
  return n;
}

/** listsWith[p] = how many lists have a serial position p. */
function listsWithPosition(trials: readonly RecallTrial[], n: number): Float64Array {
  const count = new Float64Array(n);
  for (const t of trials) for (let p = 0; p < t.study.length; p++) count[p]++;
  return count;
}

/**
 * Serial position curve: spc[p] = share of lists on which the item studied at
 * position p was recalled at least once (repetitions and intrusions do not
 * count). NaN where no list has position p.
 */
export function serialPositionCurve(trials: readonly RecallTrial[]): Float64Array {
  const n = maxLength(trials);
  const hits = new Float64Array(n);
  for (const t of trials) {
    const { positions, repeat } = scoreRecall(t);
    for (let k = 0; k < positions.length; k++) {
      if (positions[k] >= 0 && !repeat[k]) hits[positions[k]]++;
    }
  }
  const lists = listsWithPosition(trials, n);
  for (let p = 0; p < n; p++) hits[p] /= lists[p];
  return hits;
}

/**
 * Probability of first recall: pfr[p] = share of lists whose FIRST output is
 * the item studied at position p. A list whose first output is an intrusion,
 * or that has no output, counts in the denominator and for no position, so
 * the curve sums to at most 1 (as in Kahana's behavioural toolbox).
 */
export function probabilityOfFirstRecall(trials: readonly RecallTrial[]): Float64Array {
  const n = maxLength(trials);
  const first = new Float64Array(n);
  for (const t of trials) {
    if (t.recall.length === 0) continue;
    const p = scoreRecall(t).positions[0];
    if (p >= 0) first[p]++;
  }
  const lists = listsWithPosition(trials, n);
  for (let p = 0; p < n; p++) first[p] /= lists[p];
  return first;
}

/** Lag-conditional response probability and the counts behind it. */
export interface LagCrp {
  /** -(n-1) .. n-1, where n is the longest list. */
  lags: Int32Array;
  /** actual / possible; NaN where a lag was never possible (always at lag 0). */
  crp: Float64Array;
  /** Transitions made at each lag. */
  actual: Float64Array;
  /** Transitions that were available at each lag. */
  possible: Float64Array;
}

/**
 * Lag-CRP (Kahana 1996). For each pair of successive outputs that are both
 * correct first recalls (no intrusion, no repetition on either side), the
 * transition from position i to position j adds 1 to actual[j - i], and every
 * position q not yet recalled (by then: neither i nor any earlier output)
 * adds 1 to possible[q - i]; crp = actual / possible. Excluding the
 * already-recalled items from the denominator is the standard convention.
 * Transitions into or out of an intrusion or a repetition are skipped, but
 * the items recalled before them stay "already recalled".
 */
export function lagCrp(trials: readonly RecallTrial[]): LagCrp {
  const n = maxLength(trials);
  const size = Math.max(1, 2 * n - 1);
  const center = n - 1;
  const actual = new Float64Array(size);
  const possible = new Float64Array(size);
  for (const t of trials) {
    const { positions, repeat } = scoreRecall(t);
    const len = t.study.length;
    const recalled = new Uint8Array(len);
    for (let k = 0; k < positions.length; k++) {
      const from = positions[k];
      const valid = from >= 0 && !repeat[k];
      if (valid) recalled[from] = 1;
      if (!valid || k + 1 >= positions.length) continue;
      const to = positions[k + 1];
      if (to < 0 || repeat[k + 1]) continue;
      actual[center + to - from]++;
      for (let q = 0; q < len; q++) if (!recalled[q]) possible[center + q - from]++;
    }
  }
  const lags = new Int32Array(size);
  const crp = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    lags[i] = i - center;
    crp[i] = possible[i] > 0 ? actual[i] / possible[i] : NaN;
  }
  return { lags, crp, actual, possible };
}

/** Error counts over all lists. */
export interface RecallErrors {
  /** Outputs that are -1 or an id not on the list. */
  intrusions: number;
  /** Outputs of an item already recalled on the same list. */
  repetitions: number;
  /** Correct first recalls (distinct studied items recalled). */
  correct: number;
  lists: number;
}

/** Counts intrusions, repetitions and correct recalls. */
export function recallErrors(trials: readonly RecallTrial[]): RecallErrors {
  let intrusions = 0;
  let repetitions = 0;
  let correct = 0;
  for (const t of trials) {
    const { positions, repeat } = scoreRecall(t);
    for (let k = 0; k < positions.length; k++) {
      if (positions[k] < 0) intrusions++;
      else if (repeat[k]) repetitions++;
      else correct++;
    }
  }
  return { intrusions, repetitions, correct, lists: trials.length };
}

/** Mean number of distinct studied items recalled per list (0 for no lists). */
export function meanRecalled(trials: readonly RecallTrial[]): number {
  return trials.length ? recallErrors(trials).correct / trials.length : 0;
}

/**
 * Recall probability by item class (e.g. emotional vs neutral): share of the
 * studied items of each class that were recalled at least once. `classOf`
 * gives an item id's class; items of a class that never occurs give NaN.
 */
export function recallByClass<C extends string>(
  trials: readonly RecallTrial[],
  classOf: (id: number, trialIndex: number) => C,
  classes: readonly C[],
): Record<C, number> {
  const studied = new Map<C, number>(classes.map((c) => [c, 0]));
  const hit = new Map<C, number>(classes.map((c) => [c, 0]));
  trials.forEach((t, ti) => {
    const { positions, repeat } = scoreRecall(t);
    for (let p = 0; p < t.study.length; p++) {
      const c = classOf(t.study[p], ti);
      studied.set(c, (studied.get(c) ?? 0) + 1);
    }
    for (let k = 0; k < positions.length; k++) {
      if (positions[k] < 0 || repeat[k]) continue;
      const c = classOf(t.study[positions[k]], ti);
      hit.set(c, (hit.get(c) ?? 0) + 1);
    }
  });
  const out = {} as Record<C, number>;
  for (const c of classes) {
    const s = studied.get(c) ?? 0;
    out[c] = s > 0 ? (hit.get(c) ?? 0) / s : NaN;
  }
  return out;
}
