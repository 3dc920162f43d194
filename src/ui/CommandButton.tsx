/** A button for a registered command (engine/commands): its label, key and code path. */
import { isEnabled, runCommand, type Command } from '../engine/commands';
import { Button } from './Controls';

export function CommandButton<Ctx, A>({
  command,
  ctx,
  arg,
  label,
  variant,
  disabled,
  testId,
}: {
  command: Command<Ctx, A>;
  ctx: Ctx;
  arg?: A;
  label?: string;
  variant?: 'primary' | 'default';
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Button
      onClick={() =>
        (runCommand as (c: Command<Ctx, A>, x: Ctx, a?: A) => boolean)(command, ctx, arg)
      }
      shortcut={command.key?.toUpperCase()}
      variant={variant}
      disabled={disabled || !isEnabled(command, ctx)}
      title={command.help}
      testId={testId}
    >
      {label ?? command.label}
    </Button>
  );
}
