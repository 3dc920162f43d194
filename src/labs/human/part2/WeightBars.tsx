/**
 * Attention weights as horizontal bars, one labelled row each: the weights
 * softmax gives a cue over the memory's slots. Bars run from 0 to 1. Rows can be marked (the
 * right answer, the winner) and each shows its value; the list is a plain
 * HTML table, so it reads well on a phone and in a screen reader.
 */
import type { ReactNode } from 'react';

export interface WeightBar {
  key: string | number;
  label: ReactNode;
  weight: number;
  /** A second line under the label (what the slot holds). */
  note?: ReactNode;
  tone?: 'target' | 'rival' | 'muted';
}

export function WeightBars({
  rows,
  caption,
  testId,
}: {
  rows: readonly WeightBar[];
  caption: ReactNode;
  testId?: string;
}) {
  return (
    <table className="h2-weights" data-testid={testId}>
      <caption>{caption}</caption>
      <thead className="ui-sr-only">
        <tr>
          <th scope="col">slot</th>
          <th scope="col">weight</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.tone ? `h2-weight--${r.tone}` : undefined}>
            <th scope="row">
              {r.label}
              {r.note && <span className="h2-weight-note">{r.note}</span>}
            </th>
            <td>
              <span
                className="h2-weight-bar"
                style={{ width: `${100 * Math.min(1, Math.max(0, r.weight))}%` }}
              />
              <span className="h2-weight-value">{r.weight.toFixed(3)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
