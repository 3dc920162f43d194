/**
 * A lab's messages (engine/messages): the list under the lab's header, and
 * the same messages next to the control that caused them.
 */
import type { ReactNode } from 'react';
import { messagesFrom, type Message } from '../engine/messages';
import { Notice } from './Notice';

function Text({ m }: { m: Message }) {
  return (
    <>
      {m.text}
      {m.count > 1 && (
        <span className="ui-notice-count" title={`said ${m.count} times`}>
          {' '}
          ×{m.count}
        </span>
      )}
    </>
  );
}

/** Every message, newest last; `children` add lab-specific notices after them. */
export function LabMessages({
  messages,
  onDismiss,
  children,
}: {
  messages: readonly Message[];
  onDismiss: (id: number) => void;
  children?: ReactNode;
}) {
  return (
    <div className="messages" data-testid="messages">
      {messages.map((m) => (
        <Notice key={m.id} kind={m.kind} onDismiss={() => onDismiss(m.id)}>
          <Text m={m} />
        </Notice>
      ))}
      {children}
    </div>
  );
}

/** The messages one control caused, shown beside it (nothing when there are none). */
export function InlineMessages({
  messages,
  source,
  onDismiss,
}: {
  messages: readonly Message[];
  source: string;
  /** Given when these messages are shown only here (not also in the list): a × closes one. */
  onDismiss?: (id: number) => void;
}) {
  const mine = messagesFrom(messages, source);
  if (mine.length === 0) return null;
  return (
    <div className="ui-inline-messages" data-testid={`messages-${source}`}>
      {mine.map((m) => (
        <p key={m.id} className={`ui-inline-message ui-inline-message--${m.kind}`}>
          <Text m={m} />
          {onDismiss && (
            <button
              type="button"
              className="ui-inline-dismiss"
              aria-label="Dismiss"
              onClick={() => onDismiss(m.id)}
            >
              ×
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
