/**
 * Help: a disclosure panel for formula help and explanations. A native
 * <details>/<summary>, so it opens with a click, a tap, Enter or Space, and
 * screen readers announce it as expandable with no extra ARIA.
 */
import type { ReactNode } from 'react';
import './ui.css';

export interface HelpProps {
  title: ReactNode;
  children: ReactNode;
  /** Start open. */
  defaultOpen?: boolean;
}

export function Help({ title, children, defaultOpen = false }: HelpProps) {
  return (
    <details className="ui-help" open={defaultOpen || undefined}>
      <summary>{title}</summary>
      <div className="ui-help-body">{children}</div>
    </details>
  );
}
