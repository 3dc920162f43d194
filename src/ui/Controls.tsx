/**
 * Small labelled inputs: Slider, Select, Toggle and Button. Every control has
 * a visible label tied to it, shows its value, and takes an optional help
 * line linked with aria-describedby. Slider/value conversions live in
 * controlsMath.ts.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import {
  type SliderRange,
  LOG_STEPS,
  formatValue,
  nextSliderValue,
  valueToSlider,
} from './controlsMath';
import './ui.css';

export interface SliderProps {
  /** Text, or a node such as a symbol typeset with KaTeX. */
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** Shown next to the label and read as aria-valuetext. */
  format?: (value: number) => string;
  help?: string;
  /** Logarithmic track (needs min > 0): each notch multiplies the value by the same factor. */
  log?: boolean;
  disabled?: boolean;
  /** Classes added to the field's "ui-field". */
  className?: string;
  testId?: string;
  /** Shown under the help line (e.g. the setting's own messages). */
  children?: ReactNode;
}

export function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  format = formatValue,
  help,
  log = false,
  disabled,
  className,
  testId,
  children,
}: SliderProps) {
  const id = useId();
  const range: SliderRange = { min, max, step, log };
  const isLog = log && min > 0;
  const text = format(value);
  return (
    <div className={className ? `ui-field ${className}` : 'ui-field'} data-testid={testId}>
      <div className="ui-field-head">
        <label htmlFor={id}>{label}</label>
        {/* Hidden from screen readers: the input's aria-valuetext says the same,
            and <output> is a live region that would announce every step twice. */}
        <output htmlFor={id} aria-hidden="true">
          {text}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={isLog ? 0 : min}
        max={isLog ? LOG_STEPS : max}
        step={isLog ? 1 : step > 0 ? step : 'any'}
        value={valueToSlider(value, range)}
        aria-valuetext={text}
        aria-describedby={help ? `${id}-help` : undefined}
        disabled={disabled}
        onChange={(e) => onChange(nextSliderValue(Number(e.currentTarget.value), value, range))}
      />
      <FieldHelp id={id} help={help} />
      {children}
    </div>
  );
}

export interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  help?: string;
  disabled?: boolean;
}

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  help,
  disabled,
}: SelectProps<T>) {
  const id = useId();
  return (
    <div className="ui-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.currentTarget.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} help={help} />
    </div>
  );
}

/** A field's help line, `${id}-help` for its aria-describedby; nothing without help. */
function FieldHelp({ id, help }: { id: string; help?: string }) {
  return help ? (
    <div id={`${id}-help`} className="ui-field-help">
      {help}
    </div>
  ) : null;
}

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** An on/off switch (a checkbox with role="switch"). */
export function Toggle({ label, checked, onChange, disabled }: ToggleProps) {
  return (
    <label className="ui-toggle">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}

export interface ButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** The command's shortcut, e.g. "R" or "Shift+S": shown as <kbd>, in the title and as aria-keyshortcuts. The key itself is bound elsewhere (the command registry). */
  shortcut?: string;
  variant?: 'primary' | 'default';
  disabled?: boolean;
  /** Tooltip; the shortcut is appended. */
  title?: string;
  testId?: string;
}

export function Button({
  children,
  onClick,
  shortcut,
  variant = 'default',
  disabled,
  title,
  testId,
}: ButtonProps) {
  const tip = [title, shortcut && `Shortcut: ${shortcut}`].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={variant === 'primary' ? 'ui-button ui-button--primary' : 'ui-button'}
      onClick={onClick}
      disabled={disabled}
      title={tip || undefined}
      aria-keyshortcuts={shortcut}
      data-testid={testId}
    >
      {children}
      {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
    </button>
  );
}
