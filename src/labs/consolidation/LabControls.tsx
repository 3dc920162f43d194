/**
 * The lab's commands as controls that follow the store: a button and a
 * number select re-render when their command becomes enabled or disabled.
 */
import { isEnabled, runCommand, type Command } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import type { LabContext } from './commands';
import { CHOICES, withCurrent, type SelectSetting } from './params';
import { useLab, useLabContext } from './useLab';

/** Whether `command` may run now; the component re-renders when that changes. */
function useEnabled<A>(command: Command<LabContext, A>): boolean {
  const ctx = useLabContext();
  return useLab(() => isEnabled(command, ctx));
}

/** A button that runs `command` (with `arg`, for a parameterised one). */
export function LabButton<A>(props: {
  command: Command<LabContext, A>;
  arg?: A;
  label?: string;
  variant?: 'primary' | 'default';
  testId?: string;
}) {
  const ctx = useLabContext();
  useEnabled(props.command);
  return <CommandButton ctx={ctx} {...props} />;
}

/** A setting's select: its usual choices, plus the current value if a link set another. */
export function SettingSelect(props: {
  field: SelectSetting;
  command: Command<LabContext, number>;
  testId: string;
  title?: string;
}) {
  const ctx = useLabContext();
  const value = useLab((s) => s[props.field]);
  const enabled = useEnabled(props.command);
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
