/**
 * Controls bound to the part's parameter tables: a slider, a select or a
 * row of check chips per setting, labelled from the table, changed only
 * through the setSetting command, with the setting's messages beside it;
 * and each section's own message list.
 */
import { useId } from 'react';
import { runCommand } from '../../../engine/commands';
import { InlineMessages, LabMessages } from '../../../ui/LabMessages';
import { Select, Slider } from '../../../ui/Controls';
import { formatValue } from '../../../ui/controlsMath';
import { PART2_COMMANDS, type SettingChange } from './commands';
import {
  PART2_PARAMS,
  sectionOfKey,
  type Part2Key,
  type Part2Settings,
  type SectionName,
} from './params';
import { usePart2, usePart2Context } from './useLab';

type NumericKey = { [K in Part2Key]: Part2Settings[K] extends number ? K : never }[Part2Key];
type EnumKey = { [K in Part2Key]: Part2Settings[K] extends string ? K : never }[Part2Key];

const source = (key: Part2Key) => `${sectionOfKey(key)}/setSetting:${key}`;

function useSet() {
  const ctx = usePart2Context();
  return (change: SettingChange) => runCommand(PART2_COMMANDS.setSetting, ctx, change);
}

/** The messages a setting caused, beside its control. */
export function SettingMessages({ name }: { name: Part2Key }) {
  const messages = usePart2((s) => s.messages);
  return <InlineMessages messages={messages} source={source(name)} />;
}

export function SettingSlider({
  name,
  step,
  log,
  format = formatValue,
  help,
}: {
  name: NumericKey;
  /** Default: 1 for a whole number, a hundredth of the range otherwise. */
  step?: number;
  log?: boolean;
  format?: (v: number) => string;
  help?: string;
}) {
  const set = useSet();
  const value = usePart2((s) => s[name]);
  const spec = PART2_PARAMS[name];
  return (
    <div className="h2-setting" data-testid={`setting-${name}`}>
      <Slider
        label={spec.label ?? name}
        value={value}
        min={spec.min!}
        max={spec.max!}
        step={step ?? (spec.kind === 'int' ? 1 : (spec.max! - spec.min!) / 100)}
        log={log}
        format={format}
        help={help ?? spec.describe}
        onChange={(v) => set([name, v] as SettingChange)}
      />
      <SettingMessages name={name} />
    </div>
  );
}

export function SettingSelect<K extends EnumKey>({
  name,
  labels,
  help,
}: {
  name: K;
  /** Text of each choice (default: the value itself). */
  labels?: Partial<Record<Part2Settings[K], string>>;
  help?: string;
}) {
  const set = useSet();
  const value = usePart2((s) => s[name]) as Part2Settings[K];
  const spec = PART2_PARAMS[name];
  const values = spec.values as readonly Part2Settings[K][];
  return (
    <div className="h2-setting" data-testid={`setting-${name}`}>
      <Select
        label={spec.label ?? name}
        value={value}
        options={values.map((v) => ({ value: v, label: labels?.[v] ?? v }))}
        onChange={(v) => set([name, v] as SettingChange)}
        help={help}
      />
      <SettingMessages name={name} />
    </div>
  );
}

/** A whole number typed in a field (a seed: a slider over a million values would be no use). */
export function SettingNumber({ name }: { name: NumericKey }) {
  const set = useSet();
  const id = useId();
  const value = usePart2((s) => s[name]);
  const spec = PART2_PARAMS[name];
  return (
    <div className="ui-field h2-setting h2-number" data-testid={`setting-${name}`}>
      <label htmlFor={id}>{spec.label ?? name}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={spec.min}
        max={spec.max}
        step={1}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v)) set([name, v] as SettingChange);
        }}
      />
      <div id={`${id}-help`} className="ui-field-help">
        {spec.describe}
      </div>
      <SettingMessages name={name} />
    </div>
  );
}

/** Check chips for a set of choices; `onToggle` runs the command that adds or removes one. */
export function CheckChips({
  legend,
  choices,
  chosen,
  onToggle,
  testId,
}: {
  legend: string;
  choices: readonly { value: string; label: string }[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
  testId?: string;
}) {
  return (
    <fieldset className="h2-chips" data-testid={testId}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label
          key={c.value}
          className={chosen.includes(c.value) ? 'h2-chip h2-chip--on' : 'h2-chip'}
        >
          <input
            type="checkbox"
            checked={chosen.includes(c.value)}
            onChange={() => onToggle(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The section's messages (bad link values, refused actions), newest last. */
export function SectionMessages({ section }: { section: SectionName }) {
  const ctx = usePart2Context();
  const messages = usePart2((s) => s.messages);
  const mine = messages.filter((m) => m.source?.startsWith(`${section}/`));
  if (mine.length === 0) return null;
  return (
    <LabMessages
      messages={mine}
      onDismiss={(id) => runCommand(PART2_COMMANDS.dismissPart2Message, ctx, id)}
    />
  );
}
