import { Button } from '../../ui/Controls';
import { command } from './commands';
import { useLabContext } from './useLab';

/** A button for a registered command: same label, shortcut and code path as the key. */
export function CommandButton({
  id,
  label,
  variant,
  disabled,
}: {
  id: string;
  label?: string;
  variant?: 'primary' | 'default';
  disabled?: boolean;
}) {
  const ctx = useLabContext();
  const c = command(id);
  return (
    <Button
      onClick={() => c.run(ctx)}
      shortcut={c.shortcut?.toUpperCase()}
      variant={variant}
      disabled={disabled}
      title={c.help}
    >
      {label ?? c.label}
    </Button>
  );
}
