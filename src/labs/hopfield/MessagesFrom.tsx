import { InlineMessages } from '../../ui/LabMessages';
import { useLab } from './useLab';

/** The messages one command caused (its id), shown beside its control as well as in the list. */
export function MessagesFrom({ source }: { source: string }) {
  const messages = useLab((s) => s.messages);
  return <InlineMessages messages={messages} source={source} />;
}
