/**
 * Choosing a file to import: a button that opens the browser's file picker,
 * and the same area as a drop target (drag a file onto it). Either way the
 * caller gets the File; nothing of it is read here, so the caller can check
 * its size before reading it (readTextWithin). Choosing the same file twice
 * counts both times.
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { FileButton } from './FileButton';

export interface FileDropProps {
  /** The button's text, e.g. "Import rounds…". */
  label: string;
  /** What the file should be, for the picker (e.g. ".json,application/json"). */
  accept?: string;
  /** One line under the button: what is read and how it is checked. */
  hint?: ReactNode;
  title?: string;
  disabled?: boolean;
  testId?: string;
  onFile(file: File): void;
}

export function FileDrop({ label, accept, hint, title, disabled, testId, onFile }: FileDropProps) {
  const [over, setOver] = useState(false);
  const onDrag = (e: DragEvent, on: boolean) => {
    if (disabled) return;
    e.preventDefault();
    setOver(on);
  };
  return (
    <div
      className="ui-drop"
      data-over={over || undefined}
      data-testid={testId ? `${testId}-drop` : undefined}
      onDragEnter={(e) => onDrag(e, true)}
      onDragOver={(e) => onDrag(e, true)}
      onDragLeave={(e) => onDrag(e, false)}
      onDrop={(e) => {
        onDrag(e, false);
        const file = e.dataTransfer.files?.[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <FileButton
        label={label}
        title={title}
        disabled={disabled}
        accept={accept}
        inputLabel={label}
        inputTestId={testId}
        onFile={onFile}
      />
      <span className="small muted"> or drop a file here</span>
      {hint && <div className="ui-field-help">{hint}</div>}
    </div>
  );
}

/** The file's text, or '' without reading it when it is over `maxBytes` (its size says why). */
export async function readTextWithin(file: Blob, maxBytes: number): Promise<string> {
  return file.size > maxBytes ? '' : file.text();
}
