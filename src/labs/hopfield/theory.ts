/**
 * Capacity numbers shown next to the load meter, computed from D (never
 * typed in). SCIENCE.md section 1:
 * - Hebbian, exact recall of every pattern w.h.p.: N <= D / (2 ln D)
 *   (McEliece et al. 1987);
 * - Hebbian, retrieval with ~1.5 % wrong bits: N <= 0.138 D
 *   (Amit, Gutfreund & Sompolinsky 1985);
 * - Storkey, exact recall: N <= D / sqrt(2 ln D) (Storkey 1997);
 * - pseudo-inverse: any N < D linearly independent patterns are fixed points.
 * - Krauth-Mezard: a W with every stability >= c exists up to alpha_c(c) D
 *   (Gardner 1988; 2 D at c = 0), and minover finds it.
 * - unlearning: starts from Hebbian's bound; the dreams raise it (measured
 *   in the Experiments lab, not a formula).
 * - dense-am: D^(n-1) / (2 (2n-3)!! ln D) (Krotov & Hopfield 2016).
 */
import type { Rule } from '../../models/classic/hopfield';
import { denseCapacity, gardnerLoad } from '../../models/experiments/theory';

export const ALPHA_C = 0.138;

export interface Capacity {
  /** Patterns that can all be recalled exactly (the rule's own bound). */
  exact: number;
  exactFormula: string;
  /** Hebbian retrieval-with-errors limit 0.138 D. */
  retrieval: number;
}

/** The settings some bounds depend on (defaults: c = 1, n = 3). */
export interface CapacitySettings {
  margin?: number;
  power?: number;
}

export function capacity(rule: Rule, d: number, settings: CapacitySettings = {}): Capacity {
  const ln = Math.log(d);
  const retrieval = ALPHA_C * d;
  if (rule === 'krauth-mezard') {
    const c = settings.margin ?? 1;
    return {
      exact: gardnerLoad(c) * d,
      exactFormula: `\\alpha_c(${c})\\,D \\text{ (Gardner, margin ${c})}`,
      retrieval,
    };
  }
  if (rule === 'dense-am') {
    const n = settings.power ?? 3;
    return {
      exact: denseCapacity(n, d),
      exactFormula: `D^{${n - 1}} / (2\\,(${2 * n - 3})!!\\,\\ln D)`,
      retrieval,
    };
  }
  if (rule === 'storkey') {
    return { exact: d / Math.sqrt(2 * ln), exactFormula: 'D / \\sqrt{2 \\ln D}', retrieval };
  }
  if (rule === 'pseudoinverse') {
    return { exact: d - 1, exactFormula: 'D - 1 \\text{ (independent patterns)}', retrieval };
  }
  return { exact: d / (2 * ln), exactFormula: 'D / (2 \\ln D)', retrieval };
}
