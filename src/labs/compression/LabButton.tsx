/**
 * A command's button (ui/CommandButton) that re-renders when the command
 * becomes possible or impossible: its enabled test reads the store, so the
 * button subscribes to that test's answer.
 */
import { isEnabled, type Command } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import type { CompressionCtx } from './commands';
import { useLab, useLabContext } from './useLab';

export function LabButton<A>(props: {
  command: Command<CompressionCtx, A>;
  arg?: A;
  label?: string;
  variant?: 'primary' | 'default';
  testId?: string;
}) {
  const ctx = useLabContext();
  useLab(() => isEnabled(props.command, ctx));
  return <CommandButton {...props} ctx={ctx} />;
}
