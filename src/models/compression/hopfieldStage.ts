/**
 * The Hopfield stage: an associative memory over the stored K-bit codes that
 * cleans up a query's code before it is decoded (SCIENCE.md section 4).
 *
 * It stores the DISTINCT codes (records with identical codes are one
 * pattern) and needs no bytes of its own: Hebbian and Storkey weights follow
 * from the codes, and the modern network is the codes.
 *
 * Which network ('auto'), with m distinct codes of K bits, load m / K:
 * - m <= K / (2 ln K) (Hebbian, every pattern exact w.h.p. for random
 *   patterns; McEliece et al. 1987): classic Hebbian, 'below-capacity';
 * - else m <= K / sqrt(2 ln K) (Storkey 1997): classic Storkey, 'below-capacity';
 * - else a modern Hopfield network, 'over-capacity' (the classic 0.138 K of
 *   Amit, Gutfreund & Sompolinsky 1985 is also reported; it allows a few
 *   per cent of wrong bits, which a code cannot afford).
 * Those capacities are for random patterns; trained codes are correlated.
 * So a classic choice is checked: if any stored code is not a fixed point
 * of the network, 'auto' switches to the modern one, 'codes-not-fixed-points'.
 * Asking for a rule ('hebbian', 'storkey', 'modern', 'none') uses it,
 * 'requested', and still reports the load, the capacity and the check.
 *
 * Classic recall: asynchronous dynamics from ../classic/dynamics (random
 * order, a fresh permutation per sweep, tie keeps the state; Hebbian 1/N,
 * Storkey 1/D, zero diagonal), until a sweep flips nothing or maxSteps
 * sweeps; steps are sweeps, including the one that found the fixed point.
 * Modern recall (Ramsauer et al. 2020 update on bipolar codes, then sgn so
 * the state stays a code; ties +1):
 *   xi <- sgn( X^T softmax(beta X xi) ),  X the m x K stored codes,
 * and since X xi = K - 2 h(x_mu, xi) for bipolar xi, the logits come from
 * Hamming distances (XOR-popcount on packed codes, ./codes). Terms whose
 * weight is below 2^-60 of the largest are dropped (they move xi by less
 * than m 2^-60). Repeated until the code stops changing or maxSteps;
 * steps count updates, including the one that changed nothing.
 * 'none' returns the query's code unchanged in 0 steps.
 */
import type { Bipolar, PatternMatrix } from '../../core/pattern';
import type { Rng } from '../../core/random';
import { learn, type Network } from '../classic/hopfield';
import { recall } from '../classic/dynamics';
import { bytesPerCode, firstOfEachCode, hammingToAll, packCodes, unpackCodes } from './codes';

export type StageRule = 'hebbian' | 'storkey' | 'modern' | 'none';
export type StageRequest = 'auto' | StageRule;
export const STAGE_REQUESTS: readonly StageRequest[] = [
  'auto',
  'hebbian',
  'storkey',
  'modern',
  'none',
];
export type StageReason =
  'below-capacity' | 'over-capacity' | 'codes-not-fixed-points' | 'requested';

/** Capacities in patterns for K units (random patterns). */
export interface Capacity {
  readonly bits: number;
  /** K / (2 ln K): Hebbian, all patterns exact. */
  readonly hebbianExact: number;
  /** 0.138 K: Hebbian, a few per cent of bits wrong at recall. */
  readonly hebbianApprox: number;
  /** K / sqrt(2 ln K): Storkey. */
  readonly storkey: number;
}

export function capacityOf(k: number): Capacity {
  return {
    bits: k,
    hebbianExact: k / (2 * Math.log(k)),
    hebbianApprox: 0.138 * k,
    storkey: k / Math.sqrt(2 * Math.log(k)),
  };
}

export interface StageChoice {
  readonly rule: StageRule;
  readonly requested: StageRequest;
  readonly reason: StageReason;
  /** Records whose codes were stored, and how many distinct codes (patterns) that is. */
  readonly records: number;
  readonly patterns: number;
  /** patterns / K. */
  readonly load: number;
  readonly capacity: Capacity;
  /** Share of stored codes that are fixed points of the classic network checked (null: none checked). */
  readonly fixedPointShare: number | null;
  /** One sentence a page can show. */
  readonly message: string;
}

export interface Cleanup {
  readonly code: Int8Array;
  readonly steps: number;
  readonly converged: boolean;
}

export interface HopfieldStage {
  readonly choice: StageChoice;
  /** Cleans up one bipolar code (length K). rng: classic update order. */
  cleanup(code: Int8Array, rng: Rng): Cleanup;
}

export interface StageOptions {
  readonly request?: StageRequest;
  /** Modern inverse temperature per unit of overlap (default 1). */
  readonly beta?: number;
  /** Most sweeps (classic) or updates (modern); default 30. */
  readonly maxSteps?: number;
}

export const STAGE_DEFAULTS = { request: 'auto', beta: 1, maxSteps: 30 } as const;

function classicNetwork(rule: 'hebbian' | 'storkey', bipolar: Int8Array, m: number, k: number) {
  const patterns: PatternMatrix = { n: m, d: k, data: bipolar as Bipolar };
  return learn(rule, patterns);
}

/** Share of the network's stored patterns that are fixed points (tie keeps the state). */
export function fixedPointShare(net: Network): number {
  const { n, d } = net;
  const h = new Float32Array(d);
  let stable = 0;
  for (let mu = 0; mu < n; mu++) {
    const s = net.patterns.data.subarray(mu * d, (mu + 1) * d);
    net.field(s, h);
    let ok = true;
    for (let i = 0; i < d && ok; i++) ok = s[i] * h[i] >= 0;
    if (ok) stable++;
  }
  return n === 0 ? 1 : stable / n;
}

/** Builds the stage over packed codes (n x ceil(K/8) bytes, ./codes). */
export function buildStage(
  packed: Uint8Array,
  k: number,
  options: StageOptions = {},
): HopfieldStage {
  const { request, beta, maxSteps } = { ...STAGE_DEFAULTS, ...options };
  if (!(beta > 0)) throw new RangeError(`beta must be > 0, got ${beta}`);
  const records = packed.length / bytesPerCode(k);
  const keep = firstOfEachCode(packed, k);
  const m = keep.length;
  const b = bytesPerCode(k);
  const distinct = new Uint8Array(m * b);
  keep.forEach((i, r) => distinct.set(packed.subarray(i * b, (i + 1) * b), r * b));
  const bipolar = unpackCodes(distinct, k);
  const capacity = capacityOf(k);
  const load = m / k;

  let rule: StageRule;
  let reason: StageReason;
  if (request !== 'auto') {
    rule = request;
    reason = 'requested';
  } else if (m <= capacity.hebbianExact) {
    rule = 'hebbian';
    reason = 'below-capacity';
  } else if (m <= capacity.storkey) {
    rule = 'storkey';
    reason = 'below-capacity';
  } else {
    rule = 'modern';
    reason = 'over-capacity';
  }
  let net: Network | null = null;
  let share: number | null = null;
  if (rule === 'hebbian' || rule === 'storkey') {
    net = classicNetwork(rule, bipolar, m, k);
    share = fixedPointShare(net);
    if (request === 'auto' && share < 1) {
      rule = 'modern';
      reason = 'codes-not-fixed-points';
      net = null;
    }
  }
  const choice: StageChoice = {
    rule,
    requested: request,
    reason,
    records,
    patterns: m,
    load,
    capacity,
    fixedPointShare: share,
    message: describeChoice(rule, reason, m, k, capacity, share),
  };
  if (rule === 'none') {
    return { choice, cleanup: (code) => ({ code: code.slice(), steps: 0, converged: true }) };
  }
  if (net) {
    const classic = net;
    return {
      choice,
      cleanup: (code, rng) => {
        const r = recall(classic, code, { dynamics: 'async', rng, maxSteps });
        return { code: r.final, steps: r.steps, converged: r.converged };
      },
    };
  }
  return {
    choice,
    cleanup: (code) => modernCleanup(distinct, bipolar, k, code, beta, maxSteps),
  };
}

const CUTOFF = 60 * Math.LN2; // weights below 2^-60 of the largest are dropped

/** The modern update of the module comment, repeated to a fixed code or maxSteps. */
export function modernCleanup(
  packed: Uint8Array,
  bipolar: Int8Array,
  k: number,
  code: Int8Array,
  beta: number,
  maxSteps: number,
): Cleanup {
  let s = code.slice();
  const m = packed.length / bytesPerCode(k);
  const h = new Uint16Array(m);
  const xi = new Float64Array(k);
  for (let step = 1; step <= maxSteps; step++) {
    hammingToAll(packed, packCodes(s, k), h);
    let hmin = Infinity;
    for (let i = 0; i < m; i++) if (h[i] < hmin) hmin = h[i];
    xi.fill(0);
    for (let i = 0; i < m; i++) {
      // logit_i - logit_max = beta (K - 2 h_i) - beta (K - 2 hmin) = -2 beta (h_i - hmin)
      const gap = 2 * beta * (h[i] - hmin);
      if (gap > CUTOFF) continue;
      const w = Math.exp(-gap);
      const o = i * k;
      for (let j = 0; j < k; j++) xi[j] += w * bipolar[o + j];
    }
    const next = new Int8Array(k);
    let changed = false;
    for (let j = 0; j < k; j++) {
      next[j] = xi[j] >= 0 ? 1 : -1;
      if (next[j] !== s[j]) changed = true;
    }
    s = next;
    if (!changed) return { code: s, steps: step, converged: true };
  }
  return { code: s, steps: maxSteps, converged: false };
}

function describeChoice(
  rule: StageRule,
  reason: StageReason,
  m: number,
  k: number,
  c: Capacity,
  share: number | null,
): string {
  const load = `${m} distinct codes of ${k} bits (load ${(m / k).toFixed(3)})`;
  const limits = `Hebbian holds about ${c.hebbianExact.toFixed(1)} exactly, Storkey ${c.storkey.toFixed(1)}`;
  switch (reason) {
    case 'below-capacity':
      return `${load}: under capacity (${limits}), so a classic ${rule} network cleans up the codes.`;
    case 'over-capacity':
      return `${load}: over capacity (${limits}), so a modern Hopfield network cleans up the codes.`;
    case 'codes-not-fixed-points':
      return `${load}: under the capacity for random codes (${limits}), but only ${((share ?? 0) * 100).toFixed(0)} % of these correlated codes are stable in the classic network, so a modern one cleans them up.`;
    case 'requested':
      return `${load}: the ${rule} stage was asked for (${limits}).`;
  }
}
