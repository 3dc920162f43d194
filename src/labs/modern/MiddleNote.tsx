/**
 * What the middle-beta preset chose, for the cue it was chosen for
 * (runner.middle): the beta, how it was found, the cue's attention at it,
 * and what the state on screen is. Shown while that cue and that beta are
 * the lab's; every number comes from the runner's computation.
 */
import { fmt } from './SettingControls';
import { classSummary } from './words';
import { useLabShallow } from './useLab';

export function MiddleNote() {
  const s = useLabShallow((s) => ({
    middle: s.middle,
    cue: s.cue,
    beta: s.beta,
    scale: s.scale,
    steps: s.retrieval?.steps ?? 0,
  }));
  const m = s.middle;
  if (!m || m.cue !== s.cue || m.beta !== s.beta || s.scale !== 'sqrt') return null;
  return (
    <div className="mh-middle small" data-testid="middle-note" data-neff={m.nEff.toFixed(2)}>
      <p>
        <strong>Middle β for this cue: β = {fmt(m.beta, 4)}</strong> (β′ = β/√784 ={' '}
        {fmt(m.beta / 28, 3)}), found by bisection on β so that the cue’s attention p = softmax(β′
        Xᵀξ₀) spreads over 1/Σp² = <strong>{m.nEff.toFixed(1)}</strong> stored digits (aimed at{' '}
        {fmt(m.target, 3)}; {classSummary(m.classMass)}).
        {!m.reached &&
          ' No β in range spreads it that way; the nearest end of the range is used.'}{' '}
        Another cue gets another β and another blend.
      </p>
      <p>
        {s.steps === 1
          ? 'The state shown is one update from the cue, ξ₁ = Σᵢ pᵢ xᵢ: the blend of those digits. '
          : s.steps === 0
            ? 'Press Step for one update from the cue, ξ₁ = Σᵢ pᵢ xᵢ: the blend of those digits. '
            : `The state shown is ${s.steps} updates from the cue. `}
        The attention of the current state (below) is not the cue’s: the blend matches other digits
        than the cue did, so further updates move on, downhill in energy. Press Retrieve to see
        where this β settles, and whether it still depends on the cue.
      </p>
    </div>
  );
}
