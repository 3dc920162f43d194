import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { runCommand } from './commands';
import {
  dismiss,
  dismissCommand,
  dismissFrom,
  MAX_MESSAGES,
  messagesFrom,
  say,
  type WithMessages,
} from './messages';

const store = () => createStore<WithMessages>(() => ({ messages: [] }));

describe('lab messages', () => {
  it('fifteen clicks give one notice, counted', () => {
    const s = store();
    for (let k = 0; k < 15; k++) say(s, 'warn', 'The grid is empty.', 'store');
    const m = s.getState().messages;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: 'warn', text: 'The grid is empty.', count: 15 });
  });

  it('a repeated message moves to the end; other texts stay separate', () => {
    const s = store();
    const a = say(s, 'info', 'a');
    say(s, 'info', 'b');
    expect(say(s, 'info', 'a')).toBe(a);
    expect(s.getState().messages.map((m) => m.text)).toEqual(['b', 'a']);
    say(s, 'warn', 'a');
    expect(s.getState().messages).toHaveLength(3);
  });

  it('keeps the newest few and dismisses by id', () => {
    const s = store();
    for (let k = 0; k < MAX_MESSAGES + 3; k++) say(s, 'info', `m${k}`);
    const m = s.getState().messages;
    expect(m).toHaveLength(MAX_MESSAGES);
    expect(m.at(-1)!.text).toBe(`m${MAX_MESSAGES + 2}`);
    dismiss(s, m[0].id);
    expect(s.getState().messages).toHaveLength(MAX_MESSAGES - 1);
  });

  it('finds the messages a control caused', () => {
    const s = store();
    say(s, 'warn', 'empty', 'store');
    say(s, 'warn', 'bad link');
    expect(messagesFrom(s.getState().messages, 'store').map((m) => m.text)).toEqual(['empty']);
  });

  it('hides what one control said, and only that', () => {
    const s = store();
    say(s, 'warn', 'x.csv: not a file of ours', 'importFile');
    say(s, 'warn', 'bad link');
    say(s, 'warn', 'y.bin: too large', 'importFile');
    const before = s.getState().messages;
    dismissFrom(s, 'elsewhere');
    expect(s.getState().messages).toBe(before); // nothing to hide: the state is left alone
    dismissFrom(s, 'importFile');
    expect(s.getState().messages.map((m) => m.text)).toEqual(['bad link']);
  });

  it('the Dismiss command hides one message by its id', () => {
    const ctx = { store: store() };
    const a = say(ctx.store, 'info', 'a');
    say(ctx.store, 'info', 'b');
    expect(runCommand(dismissCommand<typeof ctx>(), ctx, a)).toBe(true);
    expect(ctx.store.getState().messages.map((m) => m.text)).toEqual(['b']);
  });
});
