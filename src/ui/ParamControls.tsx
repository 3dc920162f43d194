/**
 * Controls driven by a lab's parameter table (core/params): a slider, a
 * number field, a select or a toggle per setting, labelled, ranged and
 * explained from the setting's row, changed only through the lab's own set
 * command, each with the messages that setting caused beside it.
 *
 * A lab binds them once to its table, store and command (`paramControls`,
 * or `storeParamControls` for the usual store hooks and set command) and
 * uses what comes back; nothing here knows a lab. Defaults: a slider's
 * range is the row's min..max and its step 1 for a whole number, else a
 * hundredth of the range; a select's choices are the row's values; the help
 * line is the row's `describe`. Every prop overrides its default.
 */
import { useId, type ReactNode } from 'react';
import type { ParamSpec } from '../core/params';
import { runCommand, type AnyCommand } from '../engine/commands';
import type { Message, WithMessages } from '../engine/messages';
import { Select, Slider, Toggle } from './Controls';
import { formatValue } from './controlsMath';
import { InlineMessages } from './LabMessages';

/** The keys of S whose values are T. */
export type KeysWith<S, T> = { [K in keyof S]: S[K] extends T ? K : never }[keyof S] & string;

export interface ParamBinding<S> {
  /** The lab's table: a row per setting. */
  readonly table: { readonly [K in keyof S]: ParamSpec<S[K]> };
  /** A React hook: the setting's value in the lab's store. */
  useValue<K extends keyof S>(key: K): S[K];
  /** A React hook: the function that runs the lab's set command with (key, value). */
  useSet(): (key: keyof S & string, value: unknown) => void;
  /** A React hook: the lab's messages. */
  useMessages(): readonly Message[];
  /** The `source` of the messages a setting causes (e.g. `setParam:${key}`). */
  source(key: string): string;
  /** The control's test id (default `param-${key}`). */
  testId?(key: string): string;
  /** Classes added to every control's field (the lab's look). */
  className?: string;
  /** A label where the table's is not enough (e.g. a symbol typeset with KaTeX). */
  label?(key: string): ReactNode | undefined;
  /** A slider's default step where the rule above does not fit. */
  step?(key: string): number | undefined;
  /** Whether a select shows the row's meaning under it when not given a help line (default true). */
  selectHelp?: boolean;
}

interface SliderOptions {
  /** Default: the table's range. */
  min?: number;
  max?: number;
  step?: number;
  log?: boolean;
  format?: (v: number) => string;
  help?: string;
  label?: ReactNode;
}

/** The table-driven controls for one lab (see the module comment). */
export function paramControls<S>(b: ParamBinding<S>) {
  type NumericKey = KeysWith<S, number>;
  const testId = (key: string) => b.testId?.(key) ?? `param-${key}`;
  const classes = (...more: string[]) => [...more, b.className].filter(Boolean).join(' ');
  const labelOf = (key: string, override?: ReactNode) =>
    override ?? b.label?.(key) ?? b.table[key as keyof S].label ?? key;

  /** The messages a setting caused, beside its control. */
  function ParamMessages({ name }: { name: string }) {
    const messages = b.useMessages();
    return <InlineMessages messages={messages} source={b.source(name)} />;
  }

  function ParamSlider({ name, ...o }: { name: NumericKey } & SliderOptions) {
    const set = b.useSet();
    const value = b.useValue(name) as number;
    const spec = b.table[name];
    const min = o.min ?? spec.min!;
    const max = o.max ?? spec.max!;
    return (
      <Slider
        className={classes()}
        testId={testId(name)}
        label={labelOf(name, o.label)}
        value={value}
        min={min}
        max={max}
        step={o.step ?? b.step?.(name) ?? (spec.kind === 'int' ? 1 : (max - min) / 100)}
        log={o.log}
        format={o.format ?? formatValue}
        help={o.help ?? spec.describe}
        onChange={(v) => set(name, v)}
      >
        <ParamMessages name={name} />
      </Slider>
    );
  }

  /** A whole number typed in (a seed, a record): a slider over 100,000 values would be no use. */
  function ParamNumber({ name, max, help }: { name: NumericKey; max?: number; help?: string }) {
    const set = b.useSet();
    const id = useId();
    const value = b.useValue(name) as number;
    const spec = b.table[name];
    return (
      <div className={classes('ui-field', 'ui-number')} data-testid={testId(name)}>
        <label htmlFor={id}>{labelOf(name)}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={spec.min}
          max={max ?? spec.max}
          step={1}
          value={value}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            if (Number.isFinite(v)) set(name, v);
          }}
        />
        <div id={`${id}-help`} className="ui-field-help">
          {help ?? spec.describe}
        </div>
        <ParamMessages name={name} />
      </div>
    );
  }

  /** One of the row's values; `labels` names them (default: the value itself). */
  function ParamSelect<K extends KeysWith<S, string>>({
    name,
    labels,
    label,
    help,
  }: {
    name: K;
    labels?: Partial<Record<S[K] & string, string>>;
    label?: string;
    help?: string;
  }) {
    const set = b.useSet();
    const value = b.useValue(name) as S[K] & string;
    const spec = b.table[name];
    const values = (spec.values ?? []) as readonly (S[K] & string)[];
    return (
      <div className={classes()} data-testid={testId(name)}>
        <Select
          label={label ?? String(labelOf(name))}
          value={value}
          options={values.map((v) => ({ value: v, label: labels?.[v] ?? v }))}
          help={help ?? (b.selectHelp === false ? undefined : spec.describe)}
          onChange={(v) => set(name, v)}
        />
        <ParamMessages name={name} />
      </div>
    );
  }

  function ParamToggle({ name, label }: { name: KeysWith<S, boolean>; label?: string }) {
    const set = b.useSet();
    const value = b.useValue(name) as boolean;
    return (
      <div className="ui-param-toggle" data-testid={testId(name)}>
        <Toggle
          label={label ?? String(labelOf(name))}
          checked={value}
          onChange={(v) => set(name, v)}
        />
        <ParamMessages name={name} />
      </div>
    );
  }

  return { ParamSlider, ParamNumber, ParamSelect, ParamToggle, ParamMessages };
}

/**
 * The controls of a lab whose store holds its settings and messages, read
 * with its store hook (createLabHooks' useLab), set with its set command
 * run with [key, value]; a setting's messages come from `${set.id}:${key}`
 * unless `source` says otherwise.
 */
export function storeParamControls<S, St extends S & WithMessages, Ctx>(
  o: Omit<ParamBinding<S>, 'useValue' | 'useSet' | 'useMessages' | 'source'> & {
    useStore: <T>(selector: (s: St) => T) => T;
    useCtx: () => Ctx;
    set: AnyCommand<Ctx>;
    source?(key: string): string;
  },
) {
  const { useStore, useCtx, set, source, ...rest } = o;
  return paramControls<S>({
    ...rest,
    useValue: (key) => useStore((s) => s[key]),
    useSet: () => {
      const ctx = useCtx();
      return (key, value) => runCommand(set, ctx, [key, value]);
    },
    useMessages: () => useStore((s) => s.messages),
    source: source ?? ((key) => `${set.id}:${key}`),
  });
}
