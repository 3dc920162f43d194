/**
 * The lab's commands as controls that follow the store: a button and a
 * number select re-render when their command becomes enabled or disabled.
 */
import { runCommand, type Command } from '../../engine/commands';
import { labButton, useCommandEnabled } from '../../ui/LiveCommandButton';
import type { LabContext } from './commands';
import { CHOICES, withCurrent, type SelectSetting } from './params';
import { useLab, useLabContext } from './useLab';

/** A button that runs `command` (with `arg`, for a parameterised one). */
export const LabButton = labButton(useLabContext);

/** A setting's select: its usual choices, plus the current value if a link set another. */
export function SettingSelect(props: {
  field: SelectSetting;
  command: Command<LabContext, number>;
  testId: string;
  title?: string;
}) {
  const ctx = useLabContext();
  const value = useLab((s) => s[props.field]);
  const enabled = useCommandEnabled(props.command, ctx);
  return (
    <label className="small" title={props.title}>
      {props.command.label}{' '}
      <select
        value={value}
        disabled={!enabled}
        onChange={(e) => runCommand(props.command, ctx, Number(e.target.value))}
        data-testid={props.testId}
      >
        {withCurrent(CHOICES[props.field], value).map((v) => (
          <option key={v} value={v}>
            {v.toLocaleString('en')}
          </option>
        ))}
      </select>
    </label>
  );
}
