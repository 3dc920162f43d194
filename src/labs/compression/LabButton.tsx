/** A command's button in this lab (ui/LiveCommandButton, given the lab's context). */
import type { Command } from '../../engine/commands';
import { LiveCommandButton } from '../../ui/LiveCommandButton';
import type { CompressionCtx } from './commands';
import { useLabContext } from './useLab';

export function LabButton<A>(props: {
  command: Command<CompressionCtx, A>;
  arg?: A;
  label?: string;
  variant?: 'primary' | 'default';
  testId?: string;
}) {
  return <LiveCommandButton {...props} ctx={useLabContext()} />;
}
