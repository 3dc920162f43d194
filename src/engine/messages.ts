/**
 * A lab's messages to the visitor: bad link values, refused actions, things
 * restored. They live in the lab's store (field `messages`), so tests and
 * runners see them without React.
 *
 * - Deduplicated: saying a text that is already showing does not add a copy;
 *   it moves that message to the end and counts it ("×3"), so fifteen clicks
 *   give one notice.
 * - A message may name its `source` (a command id or control name): the
 *   page shows it next to that control as well as in the list.
 * - The list keeps the newest `MAX_MESSAGES`.
 */
import type { Command } from './commands';

export type MessageKind = 'info' | 'warn' | 'error';

export interface Message {
  id: number;
  kind: MessageKind;
  text: string;
  /** How many times it was said while showing (1 the first time). */
  count: number;
  /** The control or command that caused it, if any. */
  source?: string;
}

export interface WithMessages {
  messages: Message[];
}

export interface MessageStore {
  getState(): WithMessages;
  setState(partial: Partial<WithMessages>): void;
}

export const MAX_MESSAGES = 5;

let nextId = 1;

/** Adds (or repeats) a message; returns its id. */
export function say(store: MessageStore, kind: MessageKind, text: string, source?: string): number {
  const messages = store.getState().messages;
  const same = messages.find((m) => m.kind === kind && m.text === text && m.source === source);
  if (same) {
    const again = { ...same, count: same.count + 1 };
    store.setState({ messages: [...messages.filter((m) => m !== same), again] });
    return same.id;
  }
  const id = nextId++;
  const message: Message = { id, kind, text, count: 1, ...(source ? { source } : {}) };
  store.setState({ messages: [...messages.slice(-(MAX_MESSAGES - 1)), message] });
  return id;
}

export function dismiss(store: MessageStore, id: number): void {
  store.setState({ messages: store.getState().messages.filter((m) => m.id !== id) });
}

/**
 * Hides every message `source` caused: for a control whose messages are
 * about its last use (a file picker: a new file's check replaces what was
 * said about the one before).
 */
export function dismissFrom(store: MessageStore, source: string): void {
  const messages = store.getState().messages;
  if (messages.some((m) => m.source === source)) {
    store.setState({ messages: messages.filter((m) => m.source !== source) });
  }
}

/** The messages a control caused, for showing them next to it. */
export function messagesFrom(messages: readonly Message[], source: string): Message[] {
  return messages.filter((m) => m.source === source);
}

/** The command that hides a message by its id (the message list's Dismiss buttons), for a lab's table. */
export function dismissCommand<Ctx extends { store: MessageStore }>(): Command<Ctx, number> {
  return {
    id: 'dismissMessage',
    label: 'Dismiss',
    help: 'Hide a message',
    perform: (ctx, id) => dismiss(ctx.store, id),
  };
}
