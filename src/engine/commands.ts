/**
 * A lab's verbs, registered once: excalidraw's `actions/` is the model, one
 * small definition per verb with its label, keys, enabled test and perform.
 * Buttons (ui/CommandButton), keyboard shortcuts (bindShortcuts in
 * ./labLink), the generated shortcut help (ui/ShortcutHelp) and lesson steps
 * all call `perform` through `runCommand`, so there is one code path and one
 * test per verb. Parameterised verbs (set rule, edit cells, restore
 * patterns) are commands too: `runCommand(cmd, ctx, arg)`.
 */

export interface Command<Ctx, A = void> {
  /** Stable id (lessons and tests name commands by it). */
  id: string;
  /** The button's text. */
  label: string;
  /** What it does, for the button's tooltip and the shortcut help. */
  help: string;
  /** The key (KeyboardEvent.key, lower case) shown on its button; only arg-less commands. */
  key?: string;
  /** Further keys that run it (e.g. 'pagedown' for a presentation clicker); not shown on buttons. */
  keys?: readonly string[];
  /** When false the button is disabled and its keys do nothing (default: always enabled). */
  enabled?(ctx: Ctx): boolean;
  perform(ctx: Ctx, arg: A): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand<Ctx> = Command<Ctx, any>;
export type CommandTable<Ctx> = Record<string, AnyCommand<Ctx>>;

/**
 * Declares a lab's commands for one context type, checking each entry:
 *   export const COMMANDS = commandsFor<LabContext>()({ store: {...}, setRule: {...} });
 */
export function commandsFor<Ctx>() {
  return <T extends CommandTable<Ctx>>(table: T): T => table;
}

/** A command the context allows right now. */
export function isEnabled<Ctx>(cmd: AnyCommand<Ctx>, ctx: Ctx): boolean {
  return cmd.enabled ? cmd.enabled(ctx) : true;
}

/** The argument list of a command: none for a plain verb, one for a parameterised one. */
export type CommandArgs<A> = unknown extends A ? [arg?: unknown] : [A] extends [void] ? [] : [A];

/** Performs a command if it is enabled; returns whether it ran. */
export function runCommand<Ctx, A>(
  cmd: Command<Ctx, A>,
  ctx: Ctx,
  ...arg: CommandArgs<A>
): boolean {
  if (!isEnabled(cmd, ctx)) return false;
  cmd.perform(ctx, arg[0] as A);
  return true;
}

/** The lower-case keys that run a command. */
export function keysOf<Ctx>(cmd: AnyCommand<Ctx>): string[] {
  return [...(cmd.key ? [cmd.key] : []), ...(cmd.keys ?? [])].map((k) => k.toLowerCase());
}

/** The command bound to a key press (KeyboardEvent.key), if any. */
export function commandForKey<Ctx>(
  table: CommandTable<Ctx>,
  key: string,
): AnyCommand<Ctx> | undefined {
  const k = key.toLowerCase();
  return Object.values(table).find((c) => keysOf(c).includes(k));
}

/**
 * Runs the command bound to a key, if any, and says whether the press was
 * handled (a disabled command's key counts as handled, so it is not passed
 * on to the page: the visitor asked for that verb).
 */
export function runKey<Ctx>(table: CommandTable<Ctx>, ctx: Ctx, key: string): boolean {
  const cmd = commandForKey(table, key);
  if (!cmd) return false;
  if (isEnabled(cmd, ctx)) cmd.perform(ctx, undefined);
  return true;
}

export interface ShortcutRow {
  keys: string[];
  label: string;
  help: string;
}

/** The shortcut help, generated from the table (commands without keys are left out). */
export function shortcutRows<Ctx>(table: CommandTable<Ctx>): ShortcutRow[] {
  return Object.values(table)
    .filter((c) => keysOf(c).length > 0)
    .map((c) => ({ keys: keysOf(c), label: c.label, help: c.help }));
}

/** Throws when two commands share a key or an id: a check for each lab's test. */
export function checkCommands<Ctx>(table: CommandTable<Ctx>): void {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const c of Object.values(table)) {
    if (ids.has(c.id)) throw new Error(`two commands have the id '${c.id}'`);
    ids.add(c.id);
    for (const k of keysOf(c)) {
      const other = keys.get(k);
      if (other) throw new Error(`'${c.id}' and '${other}' both use the key '${k}'`);
      keys.set(k, c.id);
    }
  }
}
