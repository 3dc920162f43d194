/**
 * Checking one value against its row of a parameter table (./params), for a
 * lab's set command: null when the value may be set, else one sentence for
 * the visitor that names the setting by its label. Enums must be one of
 * their values; bools and strings of their type; numbers finite, whole for
 * an int, and within min..max inclusive.
 */
import type { ParamSpec, ParamTable } from './params';

/** Why `value` is not a valid `key` of `table`, or null when it is. */
export function checkTableValue(table: ParamTable, key: string, value: unknown): string | null {
  if (!Object.hasOwn(table, key)) return `There is no setting called "${key}".`;
  const spec = table[key] as ParamSpec<unknown>;
  const name = spec.label ?? key;
  if (spec.kind === 'enum') {
    return spec.values!.includes(value as string)
      ? null
      : `${name} must be one of ${spec.values!.join(', ')}; got "${String(value)}".`;
  }
  if (spec.kind === 'bool') return typeof value === 'boolean' ? null : `${name} must be on or off.`;
  if (spec.kind === 'string') return typeof value === 'string' ? null : `${name} must be a text.`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${name} must be a number; got "${String(value)}".`;
  }
  if (spec.kind === 'int' && !Number.isInteger(value)) {
    return `${name} must be a whole number; got ${value}.`;
  }
  if (value < spec.min! || value > spec.max!) {
    return `${name} must be between ${spec.min} and ${spec.max}; got ${value}.`;
  }
  return null;
}
