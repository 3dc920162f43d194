import { runCommand } from '../../engine/commands';
import { DIAGONALS, type Diagonal } from '../../models/classic/hopfield';
import { Select, Slider } from '../../ui/Controls';
import { COMMANDS } from './commands';
import { PARAMS } from './params';
import { useLab, useLabContext, useLabFields } from './useLab';

const DIAGONAL_LABEL: Record<Diagonal, string> = {
  zero: 'zero (w_ii = 0)',
  keep: 'keep (Storkey 1997, the seed)',
};

/** The settings of the chosen rule, if it has any: one control each, changed through its command. */
export function RuleSettings() {
  const ctx = useLabContext();
  const st = useLabFields('rule', 'diagonal', 'margin', 'dreams', 'epsilon', 'power');
  const n = useLab((s) => s.patterns.length);
  const range = (f: 'margin' | 'dreams' | 'epsilon' | 'power') => ({
    label: PARAMS[f].label!,
    min: PARAMS[f].min!,
    max: PARAMS[f].max!,
  });
  switch (st.rule) {
    case 'storkey':
      return (
        <Select
          label={PARAMS.diagonal.label!}
          value={st.diagonal}
          options={DIAGONALS.map((v) => ({ value: v, label: DIAGONAL_LABEL[v] }))}
          onChange={(v) => runCommand(COMMANDS.setDiagonal, ctx, v)}
          help="Zero: the update is applied for i ≠ j only. Keep: for i = j too, as Storkey (1997) wrote it and the seed's capacity table used; recall then counts w_ii s_i in the field, which holds a unit where it is and lowers exact recall near capacity."
        />
      );
    case 'krauth-mezard':
      return (
        <Slider
          {...range('margin')}
          max={3}
          value={st.margin}
          step={0.1}
          format={(v) => v.toFixed(1)}
          onChange={(v) => runCommand(COMMANDS.setMargin, ctx, v)}
          help="Every stored bit is learned until its stability ξᵢ(Wξ)ᵢ/‖wᵢ‖ is at least c: a larger c, wider basins, fewer patterns (Gardner's bound αc(c)·D)."
          testId="km-margin"
        />
      );
    case 'unlearning':
      return (
        <>
          <Slider
            {...range('dreams')}
            max={50}
            value={st.dreams}
            step={1}
            format={(v) => `${v} (${v * n} dreams)`}
            onChange={(v) => runCommand(COMMANDS.setDreams, ctx, v)}
            help="Random states relaxed to an attractor and subtracted, per stored pattern. Too many erase the memories too."
          />
          <Slider
            {...range('epsilon')}
            max={0.1}
            value={st.epsilon}
            step={0.005}
            format={(v) => v.toFixed(3)}
            onChange={(v) => runCommand(COMMANDS.setEpsilon, ctx, v)}
            help="Each dream subtracts (ε/D) s*ᵢ s*ⱼ; a stored pattern added 1/D."
          />
        </>
      );
    case 'dense-am':
      return (
        <Slider
          {...range('power')}
          value={st.power}
          step={1}
          format={(v) => `n = ${v}`}
          onChange={(v) => runCommand(COMMANDS.setPower, ctx, v)}
          help="F(x) = xⁿ. n = 2 is the classic Hebbian network; each step up multiplies the capacity by about D/(2n − 1)."
          testId="dense-power"
        />
      );
    default:
      return null;
  }
}
