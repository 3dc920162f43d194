/** The keyboard shortcut help, generated from a lab's command table (engine/commands). */
import type { ReactNode } from 'react';
import type { ShortcutRow } from '../engine/commands';

const KEY_NAMES: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  ' ': 'Space',
};

function keyName(k: string): string {
  return KEY_NAMES[k] ?? (k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1));
}

/** A folded "Keyboard shortcuts" panel; `children` add lines the table cannot (drawing keys). */
export function ShortcutHelp({ rows, children }: { rows: ShortcutRow[]; children?: ReactNode }) {
  return (
    <details className="panel shortcuts">
      <summary>Keyboard shortcuts</summary>
      <ul className="small" data-testid="shortcut-help">
        {rows.map((r) => (
          <li key={r.label} title={r.help}>
            {r.keys.map((k, i) => (
              <span key={k}>
                {i > 0 && ' or '}
                <kbd>{keyName(k)}</kbd>
              </span>
            ))}{' '}
            {r.label.toLowerCase()}
          </li>
        ))}
        {children}
      </ul>
    </details>
  );
}
