/**
 * Controls bound to the parameter table: a slider or a select per setting,
 * labelled from the table (a CMR parameter with its symbol from the paper,
 * typeset with KaTeX), changed only through the setParam command, with the
 * setting's own messages beside it.
 */
import { runCommand } from '../../engine/commands';
import { CMR_PARAMS, type CmrParamGroup, type CmrParamKey } from '../../models/human/cmr';
import { InlineMessages } from '../../ui/LabMessages';
import { TeX } from '../../ui/Math';
import { Select, Slider } from '../../ui/Controls';
import { formatValue } from '../../ui/controlsMath';
import { COMMANDS, type SettingChange } from './commands';
import { paramSpec, type SettingKey, type Settings } from './params';
import { useLab, useLabContext } from './useLab';

const CMR_INFO = new Map(CMR_PARAMS.map((p) => [p.key as string, p]));

/** The settings that are numbers (the ones a slider can set). */
export type NumericKey = { [K in SettingKey]: Settings[K] extends number ? K : never }[SettingKey];

export function ParamSlider({
  name,
  step,
  format = formatValue,
  help,
}: {
  name: NumericKey;
  /** Default: the CMR table's step, 1 for a whole number, else a hundredth of the range. */
  step?: number;
  format?: (v: number) => string;
  /** Default: the table's meaning. */
  help?: string;
}) {
  const ctx = useLabContext();
  const value = useLab((s) => s[name]) as number;
  const messages = useLab((s) => s.messages);
  const spec = paramSpec(name);
  const cmr = CMR_INFO.get(name);
  const min = spec.min!;
  const max = spec.max!;
  return (
    <Slider
      className="hm-param"
      testId={`param-${name}`}
      label={
        cmr ? (
          <>
            <TeX tex={cmr.symbol} /> <span className="hm-param-name">{name}</span>
          </>
        ) : (
          (spec.label ?? name)
        )
      }
      value={value}
      min={min}
      max={max}
      step={step ?? cmr?.step ?? (spec.kind === 'int' ? 1 : (max - min) / 100)}
      format={format}
      help={help ?? spec.describe}
      onChange={(v) => runCommand(COMMANDS.setParam, ctx, [name, v] as SettingChange)}
    >
      <InlineMessages messages={messages} source={`setParam:${name}`} />
    </Slider>
  );
}

/** The seed as a number field (a slider over a million values would be no use). */
export function SeedField() {
  const ctx = useLabContext();
  const seed = useLab((s) => s.seed);
  const messages = useLab((s) => s.messages);
  const spec = paramSpec('seed');
  return (
    <div className="ui-field hm-seed">
      <label htmlFor="hm-seed">{spec.label}</label>
      <input
        id="hm-seed"
        type="number"
        inputMode="numeric"
        min={spec.min}
        max={spec.max}
        step={1}
        value={seed}
        aria-describedby="hm-seed-help"
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v)) runCommand(COMMANDS.setParam, ctx, ['seed', v]);
        }}
      />
      <div id="hm-seed-help" className="ui-field-help">
        {spec.describe}
      </div>
      <InlineMessages messages={messages} source="setParam:seed" />
    </div>
  );
}

export function DistractorSelect() {
  const ctx = useLabContext();
  const value = useLab((s) => s.distractor);
  return (
    <Select
      label="Distractor"
      value={value}
      options={[
        { value: 'none', label: 'None: immediate recall' },
        { value: 'delayed', label: 'Delayed: a distractor before recall' },
        { value: 'continuous', label: 'Continuous: a distractor after every item' },
      ]}
      onChange={(v) => runCommand(COMMANDS.setParam, ctx, ['distractor', v])}
      help={paramSpec('distractor').describe}
    />
  );
}

const GROUP_TITLES: Record<CmrParamGroup, string> = {
  drift: 'Context drift',
  learning: 'Learning',
  retrieval: 'Retrieval',
  place: 'Place',
  emotion: 'Emotion (eCMR)',
};

/** Sliders for every CMR parameter of the given groups, under their group's title. */
export function CmrSliders({ groups }: { groups: readonly CmrParamGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <fieldset key={g} className="hm-group">
          <legend>{GROUP_TITLES[g]}</legend>
          {CMR_PARAMS.filter((p) => p.group === g).map((p) => (
            <ParamSlider key={p.key} name={p.key as CmrParamKey} />
          ))}
        </fieldset>
      ))}
    </>
  );
}
