/**
 * The context maintenance and retrieval model (CMR; Polyn, Norman & Kahana
 * 2009, built on TCM, Howard & Kahana 2002) for one studied list, over
 * Float64Arrays, one step at a time so a page can animate it.
 *
 * Representation. Items f_i are one-hot. The context vector t has one unit
 * per list item, one start-of-list unit, one unit per distractor event, two
 * place units (environmental contexts A and B) and one emotion unit, in that
 * order (`contextLayout`). t has unit length at every step.
 *
 * Drift. Every event has an input t_in of unit length, and context moves
 * toward it with a rate beta:
 *   t <- rho t + beta t_in,
 *   rho = sqrt(1 + beta^2 [(t . t_in)^2 - 1]) - beta (t . t_in),
 * which keeps ||t|| = 1 (`driftContext`).
 *
 * Inputs. At study of item i, t_in = normalise(M^FC f_i + w_place e_place);
 * for a distractor, normalise(e_d + w_place e_place) with a fresh unit e_d;
 * before recall, normalise(e_start + w_place e_place') (beta_start); after
 * recalling item j, normalise(M^FC f_j + w_place e_place') (beta_rec). The
 * place term is there only when a place is set (study place at study and
 * during distractors, test place from the start of recall on).
 *
 * Weights. Pre-experimental M^FC f_i = (1 - gamma_fc)(e_i + w_emotion e_emot
 * for an emotional item); pre-experimental M^CF = (1 - gamma_cf) on each
 * item's own context unit and 0 elsewhere (cymr's Dcf = 1 - Lcf; its uniform
 * Acf is left out because it cancels in the choice rule). Learning at study of
 * item i (1-based serial position):
 *   M^FC f_i += gamma_fc t_c,
 *   M^CF row i += gamma_cf phi_i Phi_i t_c,
 *   phi_i = phi_s exp(-phi_d (i - 1)) + 1,  Phi_i = phi_emot (emotional) or 1,
 * where t_c is the context just BEFORE item i drifted it (t_{i-1}, as in TCM
 * and SCIENCE.md; `learnContext: 'previous'`, the default) or just after it
 * (t_i, as in cymr; `learnContext: 'updated'`).
 *
 * Recall. Support a = M^CF t for every list item. Before output k (k = 0, 1,
 * ... recalls so far) recall stops with P_stop(k) = clip(x1 exp(x2 k), 1e-6,
 * 1 - 1e-6), and with 1 once every item is recalled (cymr's rule). Otherwise
 * item j (not yet recalled) wins with probability proportional to
 * exp(2 a_j / tau). This is cymr's rule, where T = 0.1 means the
 * exponential exp(2a/T), NOT the power a^tau that SCIENCE.md writes: with
 * tau = 0.1 a power rule would make recall nearly uniform. It is a softmax
 * with inverse temperature 2/tau, the same operation as the modern Hopfield
 * network's attention softmax(beta X^T xi) with beta = 2/tau and the supports
 * in place of the similarities. With theta > 0 a "nothing comes to mind"
 * option of support theta joins the competition, and choosing it ends
 * recall: an extension (not in cymr) that lets the number of recalls depend
 * on how strong the cue is; with theta = 0 (default) the number of recalls
 * depends only on the stop rule.
 */
import type { Rng } from '../../core/random';
import { cmrParams, type CmrParams } from './cmrParams';

/** Distractor protocols: none (immediate), before the test (delayed), after every item (continuous). */
export type DistractorProtocol = 'none' | 'delayed' | 'continuous';
export const DISTRACTOR_PROTOCOLS: readonly DistractorProtocol[] = [
  'none',
  'delayed',
  'continuous',
];

/** An environmental context (Godden & Baddeley's land and water). */
export type Place = 'A' | 'B';

/** Which context an item is bound to at study: before (t_{i-1}) or after (t_i) its drift. */
export type LearnContext = 'previous' | 'updated';

/** Where each part of the context vector lives. */
export interface ContextLayout {
  /** Context units in all. */
  units: number;
  /** Items occupy units 0 .. listLength - 1. */
  listLength: number;
  start: number;
  /** First distractor unit; `distractors` of them follow. */
  distractor: number;
  distractors: number;
  placeA: number;
  placeB: number;
  emotion: number;
}

/** Distractor events a protocol needs for a list of n items. */
export function distractorCount(protocol: DistractorProtocol, n: number): number {
  return protocol === 'none' ? 0 : protocol === 'delayed' ? 1 : n;
}

/** The unit layout for n items and d distractor events. */
export function contextLayout(listLength: number, distractors: number): ContextLayout {
  if (!Number.isInteger(listLength) || listLength < 1) {
    throw new RangeError(`list length must be a positive integer, got ${listLength}`);
  }
  const start = listLength;
  const distractor = start + 1;
  const placeA = distractor + distractors;
  return {
    units: placeA + 3,
    listLength,
    start,
    distractor,
    distractors,
    placeA,
    placeB: placeA + 1,
    emotion: placeA + 2,
  };
}

/**
 * Moves unit-length context t toward unit-length input tIn, in place:
 * t <- rho t + beta tIn with rho = sqrt(1 + beta^2 ((t.tIn)^2 - 1)) - beta (t.tIn),
 * so ||t|| stays 1. Returns rho.
 */
export function driftContext(t: Float64Array, tIn: Float64Array, beta: number): number {
  let dot = 0;
  for (let u = 0; u < t.length; u++) dot += t[u] * tIn[u];
  const rho = Math.sqrt(1 + beta * beta * (dot * dot - 1)) - beta * dot;
  for (let u = 0; u < t.length; u++) t[u] = rho * t[u] + beta * tIn[u];
  return rho;
}

/** Scales v to unit length in place (a zero vector stays zero). */
function normalise(v: Float64Array): void {
  let s = 0;
  for (let u = 0; u < v.length; u++) s += v[u] * v[u];
  if (s === 0) return;
  const k = 1 / Math.sqrt(s);
  for (let u = 0; u < v.length; u++) v[u] *= k;
}

/** The list's conditions: which items are emotional, where study and test happen. */
export interface ListConditions {
  /** Truthy at each emotional serial position (0-based); default none. */
  emotional?: ArrayLike<number | boolean>;
  studyPlace?: Place | null;
  testPlace?: Place | null;
}

/** The choice before the next output. */
export interface RecallChoice {
  /** P(next output is item j); 0 for items already recalled. Sums to 1 - pStop. */
  probabilities: Float64Array;
  /** P(recall ends here): the stop rule, plus the threshold option when theta > 0. */
  pStop: number;
  /** The stop rule's part alone, P_stop(k). */
  pStopRule: number;
}

/** Stop rule P_stop(k) = clip(x1 exp(x2 k), 1e-6, 1 - 1e-6); 1 when all n items are out. */
export function stopProbability(params: CmrParams, k: number, n: number): number {
  if (k >= n) return 1;
  return Math.min(1 - 1e-6, Math.max(1e-6, params.x1 * Math.exp(params.x2 * k)));
}

/**
 * One list's CMR network. Typical use:
 *
 *   const net = new CmrNetwork(params, 20, distractorCount('none', 20));
 *   net.reset();
 *   for (let i = 0; i < 20; i++) net.studyItem(i);
 *   net.startRecall();
 *   while ((j = net.recallNext(rng)) >= 0) ...;
 *
 * `context`, `support()` and `choice()` expose each state for animation.
 * reset() reuses the arrays, so simulating many lists allocates nothing.
 */
export class CmrNetwork {
  readonly layout: ContextLayout;
  /** Context t (live view; copy it to keep a snapshot). */
  readonly context: Float64Array;
  readonly params: Readonly<CmrParams>;
  readonly learnContext: LearnContext;
  /** M^FC, row j = M^FC f_j (n x units, row-major). */
  private readonly mfc: Float64Array;
  /** M^CF, row j = the weights from context to item j. */
  private readonly mcf: Float64Array;
  private readonly input: Float64Array;
  private readonly before: Float64Array;
  private readonly supportBuf: Float64Array;
  private readonly weightBuf: Float64Array;
  private readonly emotional: Uint8Array;
  private readonly recalledMask: Uint8Array;
  private place = -1;
  private testPlace = -1;
  private nextDistractor = 0;
  private studied = 0;
  private outputs = 0;
  private stopped = false;

  constructor(
    params: Readonly<CmrParams>,
    listLength: number,
    distractors = 0,
    learnContext: LearnContext = 'previous',
  ) {
    this.params = params;
    this.learnContext = learnContext;
    this.layout = contextLayout(listLength, distractors);
    const { units } = this.layout;
    this.context = new Float64Array(units);
    this.mfc = new Float64Array(listLength * units);
    this.mcf = new Float64Array(listLength * units);
    this.input = new Float64Array(units);
    this.before = new Float64Array(units);
    this.supportBuf = new Float64Array(listLength);
    this.weightBuf = new Float64Array(listLength);
    this.emotional = new Uint8Array(listLength);
    this.recalledMask = new Uint8Array(listLength);
    this.reset();
  }

  /** Items on the list. */
  get listLength(): number {
    return this.layout.listLength;
  }

  /** Items studied since reset. */
  get studiedCount(): number {
    return this.studied;
  }

  /** Items recalled since startRecall. */
  get recalledCount(): number {
    return this.outputs;
  }

  /** Whether serial position j has been recalled. */
  isRecalled(j: number): boolean {
    return this.recalledMask[j] === 1;
  }

  /** Whether serial position j is emotional in this list. */
  isEmotional(j: number): boolean {
    return this.emotional[j] === 1;
  }

  /**
   * Starts a fresh list: t = e_start, pre-experimental weights only
   * (M^FC f_i = (1 - gamma_fc)(e_i + w_emotion e_emot if emotional),
   * M^CF = (1 - gamma_cf) I on the item units).
   */
  reset(conditions: ListConditions = {}): void {
    const { units, listLength: n, start, emotion } = this.layout;
    const p = this.params;
    this.mfc.fill(0);
    this.mcf.fill(0);
    this.context.fill(0);
    this.context[start] = 1;
    this.recalledMask.fill(0);
    this.emotional.fill(0);
    const emo = conditions.emotional;
    for (let j = 0; j < n; j++) {
      if (emo && emo[j]) this.emotional[j] = 1;
      this.mfc[j * units + j] = 1 - p.gamma_fc;
      if (this.emotional[j]) this.mfc[j * units + emotion] = (1 - p.gamma_fc) * p.w_emotion;
      this.mcf[j * units + j] = 1 - p.gamma_cf;
    }
    this.place = this.placeUnit(conditions.studyPlace);
    this.testPlace = this.placeUnit(conditions.testPlace);
    this.nextDistractor = 0;
    this.studied = 0;
    this.outputs = 0;
    this.stopped = false;
  }

  private placeUnit(place: Place | null | undefined): number {
    return place === 'A' ? this.layout.placeA : place === 'B' ? this.layout.placeB : -1;
  }

  /** input = normalise(M^FC f_j + w_place e_place). */
  private itemInput(j: number): void {
    const { units } = this.layout;
    const row = j * units;
    for (let u = 0; u < units; u++) this.input[u] = this.mfc[row + u];
    if (this.place >= 0) this.input[this.place] += this.params.w_place;
    normalise(this.input);
  }

  /** input = normalise(e_unit + w_place e_place). */
  private unitInput(unit: number): void {
    this.input.fill(0);
    this.input[unit] = 1;
    if (this.place >= 0) this.input[this.place] += this.params.w_place;
    normalise(this.input);
  }

  /**
   * Primacy gradient phi_i = phi_s exp(-phi_d (i - 1)) + 1 for 1-based
   * serial position i (here `position` is 0-based, so exp(-phi_d position)).
   */
  primacy(position: number): number {
    return this.params.phi_s * Math.exp(-this.params.phi_d * position) + 1;
  }

  /**
   * Studies the item at 0-based serial position i: drift with beta_enc toward
   * t_in = normalise(M^FC f_i + w_place e_place), then M^FC f_i += gamma_fc t_c
   * and M^CF row i += gamma_cf phi_i Phi_i t_c (t_c: see learnContext).
   * Items must be studied in order 0, 1, ...; returns rho.
   */
  studyItem(i: number): number {
    if (i !== this.studied || i >= this.layout.listLength) {
      throw new RangeError(`study item ${this.studied} next, not ${i}`);
    }
    const p = this.params;
    const { units } = this.layout;
    this.itemInput(i);
    this.before.set(this.context);
    const rho = driftContext(this.context, this.input, p.beta_enc);
    const bound = this.learnContext === 'previous' ? this.before : this.context;
    const rateCf = p.gamma_cf * this.primacy(i) * (this.emotional[i] ? p.phi_emot : 1);
    const row = i * units;
    for (let u = 0; u < units; u++) {
      this.mfc[row + u] += p.gamma_fc * bound[u];
      this.mcf[row + u] += rateCf * bound[u];
    }
    this.studied++;
    return rho;
  }

  /** A distractor event: drift with beta_distract toward a fresh distractor unit (and the place). Returns rho. */
  distract(): number {
    if (this.nextDistractor >= this.layout.distractors) {
      throw new RangeError(`this network has room for ${this.layout.distractors} distractors`);
    }
    this.unitInput(this.layout.distractor + this.nextDistractor++);
    return driftContext(this.context, this.input, this.params.beta_distract);
  }

  /**
   * Ends study: the test place takes over, and the start-of-list context is
   * reinstated with beta_start (t_in = normalise(e_start + w_place e_place)).
   * Returns rho.
   */
  startRecall(): number {
    this.place = this.testPlace;
    this.outputs = 0;
    this.stopped = false;
    this.recalledMask.fill(0);
    this.unitInput(this.layout.start);
    return driftContext(this.context, this.input, this.params.beta_start);
  }

  /** Support a = M^CF t for every list item (recalled ones too), into `out`. */
  support(out: Float64Array = new Float64Array(this.layout.listLength)): Float64Array {
    const { units, listLength: n } = this.layout;
    const t = this.context;
    const m = this.mcf;
    for (let j = 0; j < n; j++) {
      let a = 0;
      const row = j * units;
      for (let u = 0; u < units; u++) a += m[row + u] * t[u];
      out[j] = a;
    }
    return out;
  }

  /**
   * Fills weightBuf with exp(2 (a_j - aMax) / tau) for the items not yet
   * recalled (0 for the others) and returns [sum, failure weight].
   */
  private weights(): [number, number] {
    const n = this.layout.listLength;
    const a = this.support(this.supportBuf);
    const w = this.weightBuf;
    const { tau, theta } = this.params;
    let aMax = theta > 0 ? theta : -Infinity;
    for (let j = 0; j < n; j++) if (!this.recalledMask[j] && a[j] > aMax) aMax = a[j];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      w[j] = this.recalledMask[j] ? 0 : Math.exp((2 * (a[j] - aMax)) / tau);
      sum += w[j];
    }
    const fail = theta > 0 ? Math.exp((2 * (theta - aMax)) / tau) : 0;
    return [sum, fail];
  }

  /** The probabilities of the next output (see RecallChoice). */
  choice(): RecallChoice {
    const n = this.layout.listLength;
    const pStopRule = stopProbability(this.params, this.outputs, n);
    const probabilities = new Float64Array(n);
    if (this.stopped || pStopRule >= 1) return { probabilities, pStop: 1, pStopRule };
    const [sum, fail] = this.weights();
    const go = 1 - pStopRule;
    for (let j = 0; j < n; j++) probabilities[j] = (go * this.weightBuf[j]) / (sum + fail);
    return { probabilities, pStop: pStopRule + (go * fail) / (sum + fail), pStopRule };
  }

  /**
   * Draws the next output: the stop rule (one rng.next()), then the choice
   * (one more). Returns the recalled serial position, after reinstating its
   * context, or -1 when recall ends. Allocation-free.
   */
  recallNext(rng: Rng): number {
    const n = this.layout.listLength;
    if (this.stopped) return -1;
    if (rng.next() < stopProbability(this.params, this.outputs, n)) {
      this.stopped = true;
      return -1;
    }
    const [sum, fail] = this.weights();
    let r = rng.next() * (sum + fail);
    let chosen = -1;
    for (let j = 0; j < n; j++) {
      const w = this.weightBuf[j];
      if (w === 0) continue;
      chosen = j;
      r -= w;
      if (r < 0) break;
    }
    if (r >= 0 && fail > 0) chosen = -1;
    if (chosen < 0) {
      this.stopped = true;
      return -1;
    }
    this.recalledMask[chosen] = 1;
    this.outputs++;
    this.reinstate(chosen);
    return chosen;
  }

  /**
   * Reinstates recalled item j's context: drift with beta_rec toward
   * t_in = normalise(M^FC f_j + w_place e_place). Returns rho.
   */
  reinstate(j: number): number {
    this.itemInput(j);
    return driftContext(this.context, this.input, this.params.beta_rec);
  }

  /** ||t||, for checks (1 up to rounding). */
  contextNorm(): number {
    let s = 0;
    for (let u = 0; u < this.context.length; u++) s += this.context[u] ** 2;
    return Math.sqrt(s);
  }
}

/**
 * The network for one list of these settings: the CMR parameters given,
 * the rest from CMR_PARAMS (`cmrParams`), with the distractor units the
 * protocol needs for `listLength` items (`distractorCount`).
 */
export function listNetwork(settings: {
  listLength: number;
  distractor: DistractorProtocol;
  params?: Partial<CmrParams>;
  learnContext?: LearnContext;
}): CmrNetwork {
  const n = settings.listLength;
  return new CmrNetwork(
    cmrParams(settings.params),
    n,
    distractorCount(settings.distractor, n),
    settings.learnContext,
  );
}
