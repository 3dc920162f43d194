/** The page's words for digits, classes and regimes, from what the runner computed. */
import type { Regime } from '../../models/modern/modernHopfield';
import { YOURS } from './pool';
import type { Retrieval } from './store';

/** "a 3", "an 8"; "one of yours" for the visitor's own images (label 10, ./pool). */
export function digitName(label: number): string {
  if (label === YOURS) return 'one of yours';
  return `${label === 8 ? 'an' : 'a'} ${label}`;
}

/** "3s", or "your images" for label 10. */
const className = (c: number) => (c === YOURS ? 'your images' : `${c}s`);

/** The classes holding most of the attention, e.g. "mostly 1s (97 %)" or "3s 60 %, 5s 30 %". */
export function classSummary(mass: number[]): string {
  const order = mass.map((m, c) => [c, m] as const).sort((a, b) => b[1] - a[1]);
  if (order[0][1] >= 0.9)
    return `mostly ${className(order[0][0])} (${Math.round(order[0][1] * 100)} %)`;
  return order
    .filter(([, m]) => m >= 0.1)
    .slice(0, 3)
    .map(([c, m]) => `${className(c)} ${Math.round(m * 100)} %`)
    .join(', ');
}

export function regimeText(
  r: Pick<Retrieval, 'regime' | 'nEff' | 'maxWeight' | 'classMass'>,
  n: number,
): string {
  const k = r.nEff < 10 ? r.nEff.toFixed(1) : Math.round(r.nEff).toLocaleString('en');
  const names: Record<Regime, string> = {
    single: `Single digit: one stored digit holds ${Math.round(r.maxWeight * 100)} % of the attention`,
    blend: `Metastable blend: the attention is shared by about ${k} similar digits (${classSummary(r.classMass)})`,
    average: `Average of everything: the attention is spread over about ${k} of the ${n.toLocaleString('en')} digits`,
  };
  return names[r.regime];
}
