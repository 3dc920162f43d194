/** Turns a recall verdict into a sentence a student can read. */
import type { Verdict } from '../../models/classic/classify';

export interface VerdictText {
  title: string;
  detail: string;
  tone: 'good' | 'neutral' | 'bad';
}

export function describeVerdict(
  v: Verdict,
  names: readonly string[],
  target: number,
  opts: { steps: number; unit: string; capped: boolean; targetReason: 'loaded' | 'closest' | null },
): VerdictText {
  const name = (i: number | undefined) => (i === undefined ? '?' : `“${names[i] ?? `#${i + 1}`}”`);
  const when = `after ${+opts.steps.toFixed(2)} ${opts.unit}`;
  const aim =
    opts.targetReason === 'closest'
      ? ` (the target is the stored pattern closest to the cue, ${name(target)})`
      : '';
  const capped = opts.capped
    ? ` Recall stopped at the step cap without settling${opts.unit === 'sweeps' ? '; at T > 0 noise keeps flipping units' : ''}.`
    : '';
  switch (v.outcome) {
    case 'target':
      return {
        title: `Recalled the target ${name(target)} exactly`,
        detail: `Every unit matches, ${when}.${aim}${capped}`,
        tone: 'good',
      };
    case 'near-target':
      return {
        title: `Close to the target ${name(target)}`,
        detail: `${v.hammingToTarget} units wrong (overlap ${v.overlapWithTarget.toFixed(3)}), ${when}. Near capacity, recall lands on a fixed point a few bits away from the pattern.${aim}${capped}`,
        tone: 'neutral',
      };
    case 'other-pattern':
      return {
        title: `Recalled another pattern, ${name(v.index)}`,
        detail: `Not the target ${name(target)}: the cue sat in ${name(v.index)}'s basin of attraction.${aim}${capped}`,
        tone: 'bad',
      };
    case 'inverted':
      return {
        title: `Fell into the inverted pattern −${name(v.index)}`,
        detail: `−ξ is an attractor whenever ξ is (the energy is the same). A cue with more than half its units flipped is closer to −ξ than to ξ.${capped}`,
        tone: 'bad',
      };
    case 'mixture':
      return {
        title: 'A mixture state',
        detail: `The state is (close to) sgn(±ξ ± ξ ± ξ) of ${(v.components ?? []).map((i) => name(i)).join(', ')}: a spurious attractor built from three stored patterns, ${when}.${capped}`,
        tone: 'bad',
      };
    case 'cycle':
      return {
        title: 'A 2-cycle',
        detail: `Synchronous updates flip between two states forever, ${when}. Asynchronous updates cannot cycle: each one lowers the energy or leaves it.`,
        tone: 'bad',
      };
    default:
      return {
        title: 'A spurious state',
        detail: `A fixed point that is none of the stored patterns, their inverses or a mixture of three; ${v.hammingToTarget} units differ from the target ${name(target)}.${capped}`,
        tone: 'bad',
      };
  }
}
