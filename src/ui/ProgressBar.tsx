/**
 * ProgressBar: how far a long job (a sweep, training) has got, with an
 * optional time estimate. A value that is not a number shows an
 * indeterminate bar.
 */
import { percent, progressText } from './controlsMath';
import './ui.css';

export interface ProgressBarProps {
  /** Fraction done, 0..1 (clamped); NaN for unknown. */
  value: number;
  label: string;
  etaSeconds?: number;
}

export function ProgressBar({ value, label, etaSeconds }: ProgressBarProps) {
  const p = percent(value);
  const text = progressText(value, etaSeconds);
  return (
    <div className="ui-progress">
      <div className="ui-progress-head" aria-hidden="true">
        <span>{label}</span>
        <span>{text}</span>
      </div>
      <div
        className="ui-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p ?? undefined}
        aria-valuetext={text}
      >
        <div
          className="ui-progress-fill"
          data-indeterminate={p === null}
          style={p === null ? undefined : { width: `${p}%` }}
        />
      </div>
    </div>
  );
}
