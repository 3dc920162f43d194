import { runCommand } from '../../engine/commands';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS } from './commands';
import { useLab, useLabContext } from './useLab';

/**
 * The commands whose messages this lab shows beside their control (a
 * MessagesFrom with that source is on the page), and only there: a notice
 * appears where the visitor's eyes are, not at the top of the lab (#13).
 */
export const PLACED_SOURCES: ReadonlySet<string> = new Set([
  COMMANDS.store.id,
  COMMANDS.recall.id,
  COMMANDS.importPatterns.id,
]);

/** The messages one command caused (its id), shown beside its control, each with a ×. */
export function MessagesFrom({ source }: { source: string }) {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <InlineMessages
      messages={messages}
      source={source}
      onDismiss={(id) => runCommand(COMMANDS.dismissMessage, ctx, id)}
    />
  );
}
