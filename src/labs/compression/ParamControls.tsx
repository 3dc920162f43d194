/**
 * Controls bound to the parameter table: labelled from its rows, changed
 * only through the setParam command, each with the messages it caused.
 */
import { useId } from 'react';
import { runCommand } from '../../engine/commands';
import { InlineMessages } from '../../ui/LabMessages';
import { Select, Slider, Toggle } from '../../ui/Controls';
import { COMMANDS, type SettingChange } from './commands';
import { paramSpec, type SettingKey, type Settings } from './params';
import { useLab, useLabContext } from './useLab';

type KeysOf<T> = { [K in SettingKey]: Settings[K] extends T ? K : never }[SettingKey];
export type NumericKey = KeysOf<number>;
export type ChoiceKey = Exclude<KeysOf<string>, 'plotField' | 'recallScore'>;

function Messages({ name }: { name: SettingKey }) {
  const messages = useLab((s) => s.messages);
  return <InlineMessages messages={messages} source={`setParam:${name}`} />;
}

function useSet() {
  const ctx = useLabContext();
  return (change: SettingChange) => runCommand(COMMANDS.setParam, ctx, change);
}

export function ParamSlider({
  name,
  step,
  min,
  max,
  log,
  format,
  help,
  label,
}: {
  name: NumericKey;
  step?: number;
  /** Default: the table's range. */
  min?: number;
  max?: number;
  log?: boolean;
  format?: (v: number) => string;
  help?: string;
  label?: string;
}) {
  const set = useSet();
  const value = useLab((s) => s[name]);
  const spec = paramSpec(name);
  return (
    <div className="cz-param" data-testid={`param-${name}`}>
      <Slider
        label={label ?? spec.label ?? name}
        value={value}
        min={min ?? spec.min!}
        max={max ?? spec.max!}
        step={step ?? (spec.kind === 'int' ? 1 : (spec.max! - spec.min!) / 100)}
        log={log}
        format={format}
        help={help ?? spec.describe}
        onChange={(v) => set([name, v] as SettingChange)}
      />
      <Messages name={name} />
    </div>
  );
}

/** A whole number typed in (records, seed): a slider over 100,000 values would be no use. */
export function ParamNumber({
  name,
  max,
  help,
}: {
  name: NumericKey;
  max?: number;
  help?: string;
}) {
  const set = useSet();
  const id = useId();
  const value = useLab((s) => s[name]);
  const spec = paramSpec(name);
  return (
    <div className="ui-field cz-param" data-testid={`param-${name}`}>
      <label htmlFor={id}>{spec.label ?? name}</label>
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
          if (Number.isFinite(v)) set([name, v] as SettingChange);
        }}
      />
      <div id={`${id}-help`} className="ui-field-help">
        {help ?? spec.describe}
      </div>
      <Messages name={name} />
    </div>
  );
}

export function ParamSelect<K extends ChoiceKey>({
  name,
  labels,
  help,
}: {
  name: K;
  labels: Record<Settings[K], string>;
  help?: string;
}) {
  const set = useSet();
  const value = useLab((s) => s[name]);
  const spec = paramSpec(name);
  const options = (spec.values as readonly Settings[K][]).map((v) => ({
    value: v,
    label: labels[v],
  }));
  return (
    <div className="cz-param" data-testid={`param-${name}`}>
      <Select
        label={spec.label ?? name}
        value={value}
        options={options}
        help={help ?? spec.describe}
        onChange={(v) => set([name, v] as SettingChange)}
      />
      <Messages name={name} />
    </div>
  );
}

export function ParamToggle({ name, label }: { name: KeysOf<boolean>; label: string }) {
  const set = useSet();
  const value = useLab((s) => s[name]);
  return <Toggle label={label} checked={value} onChange={(v) => set([name, v] as SettingChange)} />;
}
