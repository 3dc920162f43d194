import { describe, expect, it } from 'vitest';
import {
  checkCommands,
  commandForKey,
  commandsFor,
  runCommand,
  runKey,
  shortcutRows,
} from './commands';

interface Ctx {
  log: string[];
  locked: boolean;
}

const COMMANDS = commandsFor<Ctx>()({
  store: {
    id: 'store',
    label: 'Store',
    help: 'store the grid',
    key: 's',
    perform: (ctx) => void ctx.log.push('store'),
  },
  next: {
    id: 'next',
    label: 'Next',
    help: 'next step',
    key: 'n',
    keys: ['PageDown', 'ArrowRight'],
    enabled: (ctx) => !ctx.locked,
    perform: (ctx) => void ctx.log.push('next'),
  },
  setRule: {
    id: 'setRule',
    label: 'Rule',
    help: 'choose the rule',
    perform: (ctx, rule: 'hebbian' | 'storkey') => void ctx.log.push(`rule ${rule}`),
  },
});

const ctx = (): Ctx => ({ log: [], locked: false });

describe('command registry', () => {
  it('runs a command with and without an argument, through one path', () => {
    const c = ctx();
    expect(runCommand(COMMANDS.store, c)).toBe(true);
    expect(runCommand(COMMANDS.setRule, c, 'storkey')).toBe(true);
    expect(c.log).toEqual(['store', 'rule storkey']);
  });

  it('binds its key and its extra keys, case-insensitively', () => {
    expect(commandForKey(COMMANDS, 'S')?.id).toBe('store');
    expect(commandForKey(COMMANDS, 'pagedown')?.id).toBe('next');
    expect(commandForKey(COMMANDS, 'ArrowRight')?.id).toBe('next');
    expect(commandForKey(COMMANDS, 'q')).toBeUndefined();
    const c = ctx();
    expect(runKey(COMMANDS, c, 'PageDown')).toBe(true);
    expect(runKey(COMMANDS, c, 'q')).toBe(false);
    expect(c.log).toEqual(['next']);
  });

  it('a disabled command does nothing, by button or by key', () => {
    const c = { ...ctx(), locked: true };
    expect(runCommand(COMMANDS.next, c)).toBe(false);
    expect(runKey(COMMANDS, c, 'n')).toBe(true);
    expect(c.log).toEqual([]);
  });

  it('generates the shortcut help from the table', () => {
    expect(shortcutRows(COMMANDS)).toEqual([
      { keys: ['s'], label: 'Store', help: 'store the grid' },
      { keys: ['n', 'pagedown', 'arrowright'], label: 'Next', help: 'next step' },
    ]);
  });

  it('refuses two commands on one key', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
    expect(() => checkCommands({ ...COMMANDS, other: { ...COMMANDS.store, id: 'other' } })).toThrow(
      /both use the key 's'/,
    );
  });
});
