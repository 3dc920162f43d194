/**
 * Capacity numbers shown next to the load meter, computed from D (never
 * typed in). SCIENCE.md section 1:
 * - Hebbian, exact recall of every pattern w.h.p.: N <= D / (2 ln D)
 *   (McEliece et al. 1987);
 * - Hebbian, retrieval with ~1.5 % wrong bits: N <= 0.138 D
 *   (Amit, Gutfreund & Sompolinsky 1985);
 * - Storkey, exact recall: N <= D / sqrt(2 ln D) (Storkey 1997);
 * - pseudo-inverse: any N < D linearly independent patterns are fixed points.
 */
import type { Rule } from '../../models/classic/hopfield';

export const ALPHA_C = 0.138;

export interface Capacity {
  /** Patterns that can all be recalled exactly (the rule's own bound). */
  exact: number;
  exactFormula: string;
  /** Hebbian retrieval-with-errors limit 0.138 D. */
  retrieval: number;
}

export function capacity(rule: Rule, d: number): Capacity {
  const ln = Math.log(d);
  const retrieval = ALPHA_C * d;
  if (rule === 'storkey') {
    return { exact: d / Math.sqrt(2 * ln), exactFormula: 'D / \\sqrt{2 \\ln D}', retrieval };
  }
  if (rule === 'pseudoinverse') {
    return { exact: d - 1, exactFormula: 'D - 1 \\text{ (independent patterns)}', retrieval };
  }
  return { exact: d / (2 * ln), exactFormula: 'D / (2 \\ln D)', retrieval };
}
