/**
 * A command's button (CommandButton) that re-renders when the command
 * becomes possible or impossible: its enabled test reads the lab's store,
 * so the button subscribes to that test's answer.
 */
import { useSyncExternalStore } from 'react';
import { isEnabled, type Command } from '../engine/commands';
import { CommandButton } from './CommandButton';

/** A lab context with a store to subscribe to (a zustand StoreApi). */
interface WithStore {
  store: { subscribe: (listener: () => void) => () => void };
}

/** Whether `command` may run now; the component re-renders when that changes. */
export function useCommandEnabled<Ctx extends WithStore, A>(
  command: Command<Ctx, A>,
  ctx: Ctx,
): boolean {
  const enabled = () => isEnabled(command, ctx);
  return useSyncExternalStore(ctx.store.subscribe, enabled, enabled);
}

interface LiveCommandButtonProps<Ctx, A> {
  command: Command<Ctx, A>;
  ctx: Ctx;
  arg?: A;
  label?: string;
  variant?: 'primary' | 'default';
  testId?: string;
}

/** A button that runs `command` (with `arg`, for a parameterised one) in `ctx`. */
export function LiveCommandButton<Ctx extends WithStore, A>(props: LiveCommandButtonProps<Ctx, A>) {
  useCommandEnabled(props.command, props.ctx);
  return <CommandButton {...props} />;
}

/**
 * A lab's LiveCommandButton that finds the lab's context itself, written
 * once for every lab: `export const LabButton = labButton(useLabContext)`,
 * then `<LabButton command={COMMANDS.train} />`.
 */
export function labButton<Ctx extends WithStore>(useLabContext: () => Ctx) {
  return function LabButton<A>(props: Omit<LiveCommandButtonProps<Ctx, A>, 'ctx'>) {
    return <LiveCommandButton {...props} ctx={useLabContext()} />;
  };
}
