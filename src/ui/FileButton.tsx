/**
 * A button that opens the file chooser through a hidden file input, and hands
 * the chosen file on. The input is emptied after each choice, so the same file
 * can be chosen again.
 */
import { useRef } from 'react';
import { Button } from './Controls';

export interface FileButtonProps {
  label: string;
  /** The button's tooltip. */
  title?: string;
  disabled?: boolean;
  /** The input's accept list, e.g. ".json,application/json". */
  accept?: string;
  /** The hidden input's aria-label. */
  inputLabel?: string;
  testId?: string;
  inputTestId?: string;
  onFile: (file: File) => void;
}

export function FileButton({
  label,
  title,
  disabled,
  accept,
  inputLabel,
  testId,
  inputTestId,
  onFile,
}: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        onClick={() => input.current?.click()}
        disabled={disabled}
        title={title}
        testId={testId}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        data-testid={inputTestId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
