/**
 * Notice: a message box. 'info' and 'warn' are polite (role="status");
 * 'error' interrupts (role="alert"). With onDismiss it gets a close button.
 */
import type { ReactNode } from 'react';
import './ui.css';

export interface NoticeProps {
  kind: 'info' | 'warn' | 'error';
  children: ReactNode;
  onDismiss?: () => void;
}

export function Notice({ kind, children, onDismiss }: NoticeProps) {
  return (
    <div className={`ui-notice ui-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="ui-notice-body">{children}</div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label="Dismiss" title="Dismiss">
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
