/**
 * What "Watch one list" and the attention view say about a traced list
 * (models/human/watchList.ts), as plain data: the strip's rows, the step on
 * screen in words, the recalls so far, and the retrieval competition at a
 * recall step as a softmax.
 */
import type { ListTrace, RecallFrame } from '../../models/human/watchList';
import type { StripRow } from './HeatStrip';

/** Rows of the heat strip: every item, the start-of-list unit, every distractor unit. */
export function stripRows(trace: ListTrace): StripRow[] {
  const { listLength, start, distractor, distractors } = trace.layout;
  const rows: StripRow[] = [];
  for (let i = 0; i < listLength; i++) rows.push({ unit: i, label: String(i + 1) });
  rows.push({ unit: start, label: 'start' });
  for (let d = 0; d < distractors; d++) rows.push({ unit: distractor + d, label: `d${d + 1}` });
  return rows;
}

/** Index of the first recall frame (the step after the start-of-list reinstatement). */
export function firstRecallFrame(trace: ListTrace): number {
  return trace.frames.findIndex((f) => f.kind === 'recall');
}

/** Serial positions recalled up to and including frame `upTo`. */
export function recallsUpTo(trace: ListTrace, upTo: number): number[] {
  const out: number[] = [];
  trace.frames.forEach((f, i) => {
    if (i <= upTo && f.kind === 'recall' && f.chosen >= 0) out.push(f.chosen);
  });
  return out;
}

const f3 = (x: number) => x.toFixed(3);
/** A probability: three decimals, or two significant digits below 0.01. */
const prob = (p: number) => (p > 0 && p < 0.01 ? p.toPrecision(2) : p.toFixed(3));

/** One sentence about the step on screen. */
export function describeFrame(trace: ListTrace, frame: number, words: readonly string[]): string {
  const f = trace.frames[frame];
  if (!f) return '';
  const word = (i: number) => `${i + 1} (“${words[i] ?? ''}”)`;
  switch (f.kind) {
    case 'study':
      return `Study item ${word(f.position)}: context drifts toward the item's input with β_enc (ρ = ${f3(f.rho)}), and the item is bound to the context it met.`;
    case 'distract':
      return `A distractor drifts context toward a fresh unit with β_distract (ρ = ${f3(f.rho)}).`;
    case 'start':
      return `Recall begins: the start-of-list context is reinstated with β_start (ρ = ${f3(f.rho)}).`;
    case 'recall':
      return f.chosen >= 0
        ? `Output ${f.output + 1}: item ${word(f.chosen)} wins with P = ${prob(f.probabilities[f.chosen])}${f.probabilities[f.chosen] < 0.05 ? ' (an unlikely draw: recall samples from these chances)' : ''}; P(stop) was ${prob(f.pStop)}. Its context is reinstated with β_rec.`
        : `Recall stops after ${f.output} item${f.output === 1 ? '' : 's'} (P(stop) = ${prob(f.pStop)}).`;
  }
}

/** The recall frame the attention view shows: the one on screen, else the first. */
export function recallFrameAt(trace: ListTrace, frame: number): RecallFrame | null {
  const f = trace.frames[frame];
  if (f?.kind === 'recall') return f;
  const first = trace.frames[firstRecallFrame(trace)];
  return first?.kind === 'recall' ? first : null;
}

/** Retrieval at one recall step as attention over the items not yet recalled. */
export interface Competition {
  /** Inverse temperature beta = 2 / tau. */
  beta: number;
  /** softmax(beta a) over the items not recalled yet (0 for recalled ones). */
  weights: number[];
  /** CMR's own P(next = j) divided by the chance recall goes on, 1 - P(stop). */
  cmrGivenGoOn: number[];
  /** Effective number of competing items, 1 / sum p^2. */
  effective: number;
  /** Items already recalled before this step. */
  recalled: boolean[];
}

/**
 * p_j = exp(beta a_j) / sum_k exp(beta a_k) over the items not yet recalled,
 * with beta = 2 / tau (CMR's Luce rule, cmr.ts), computed here from the
 * support alone (max subtracted first, so large beta does not overflow).
 */
export function competition(
  f: RecallFrame,
  tau: number,
  recalledBefore: readonly number[],
): Competition {
  const beta = 2 / tau;
  const n = f.support.length;
  const recalled = Array.from({ length: n }, (_, j) => recalledBefore.includes(j));
  let aMax = -Infinity;
  for (let j = 0; j < n; j++) if (!recalled[j]) aMax = Math.max(aMax, f.support[j]);
  const e = Array.from({ length: n }, (_, j) =>
    recalled[j] ? 0 : Math.exp(beta * (f.support[j] - aMax)),
  );
  const sum = e.reduce((s, x) => s + x, 0);
  const weights = e.map((x) => (sum > 0 ? x / sum : 0));
  const go = 1 - f.pStop;
  return {
    beta,
    weights,
    cmrGivenGoOn: Array.from(f.probabilities, (p) => (go > 0 ? p / go : 0)),
    effective: 1 / weights.reduce((s, p) => s + p * p, 0),
    recalled,
  };
}
