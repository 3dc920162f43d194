/**
 * A slider or a select for one setting of the parameter table (./params):
 * its label and range come from the table, its value from the store, and
 * how it looks (step, log track, format, the choices' words) from the two
 * tables below, so each setting's control is described once. The panel
 * says which command a change runs.
 */
import { Select, Slider } from '../../ui/Controls';
import { PARAMS, type ModernSettings } from './params';
import { useLab } from './useLab';

const percent = (v: number) => `${Math.round(v * 100)} %`;

/** A number in at most `digits` significant digits, in exponent form when very large or small. */
export const fmt = (v: number, digits = 3) =>
  v === 0
    ? '0'
    : Math.abs(v) >= 1000 || Math.abs(v) < 0.01
      ? v.toExponential(2)
      : v.toPrecision(digits);

interface SliderLook {
  /** 0: any value. */
  step: number;
  log?: boolean;
  format?: (v: number) => string;
  /** A shorter track than the table allows (the link may still say more). */
  max?: number;
}

const SLIDERS = {
  k: { step: 1, log: true, format: (v) => Math.round(v).toLocaleString('en') },
  seed: { step: 1, max: 999 },
  beta: { step: 0, log: true, format: (v) => fmt(v) },
  amount: { step: 0.05, format: percent },
  noise: { step: 0.05 },
  compareK: { step: 1, log: true },
  compareAmount: { step: 0.01, max: 0.6, format: percent },
} satisfies Record<string, SliderLook>;

export type SliderSetting = keyof typeof SLIDERS;

/** The words for each choice of an enum setting, in the order the select lists them. */
const CHOICES: { [K in 'source' | 'region' | 'compareCue']: Record<ModernSettings[K], string> } = {
  source: {
    stored: 'A stored digit',
    unstored: 'A digit NOT stored',
    drawn: 'My drawing',
    own: 'One of my own images',
  },
  region: {
    none: 'Nothing hidden',
    bottom: 'Bottom rows',
    top: 'Top rows',
    square: 'A centred square',
    random: 'Random pixels',
  },
  compareCue: { flip: 'Flip random pixels', 'mask-bottom': 'Hide the bottom rows (as −1)' },
};

export type ChoiceSetting = keyof typeof CHOICES;

/**
 * A slider for a number setting; `value` overrides the store's (a value
 * being dragged before it is committed).
 */
export function SettingSlider({
  name,
  onChange,
  value,
  help,
}: {
  name: SliderSetting;
  onChange: (value: number) => void;
  value?: number;
  help?: string;
}) {
  const stored = useLab((s) => s[name]);
  const spec = PARAMS[name];
  const look: SliderLook = SLIDERS[name];
  return (
    <Slider
      label={spec.label ?? name}
      value={value ?? stored}
      min={spec.min!}
      max={look.max ?? spec.max!}
      step={look.step}
      log={look.log}
      format={look.format}
      help={help}
      onChange={onChange}
    />
  );
}

/** A select over the choices of an enum setting. */
export function SettingSelect<K extends ChoiceSetting>({
  name,
  onChange,
  help,
}: {
  name: K;
  onChange: (value: ModernSettings[K]) => void;
  help?: string;
}) {
  const value = useLab((s) => s[name]);
  // Typed by CHOICES: exactly the table's values, each with its words.
  const options = Object.entries(CHOICES[name]).map(([v, label]) => ({
    value: v as ModernSettings[K],
    label: label as string,
  }));
  return (
    <Select
      label={PARAMS[name].label ?? name}
      value={value}
      options={options}
      onChange={onChange}
      help={help}
    />
  );
}
