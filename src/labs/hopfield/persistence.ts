/**
 * Nothing lost: the stored patterns are saved in this browser (local
 * storage) after every change, and can be exported to and imported from a
 * JSON file. Saved data is validated on load; a corrupt save is reported and
 * ignored, never crashes the lab.
 */
import { downloadJson } from '../../engine/download';
import { createPersisted, readJsonFile } from '../../engine/persist';
import { decodePatterns, encodePatterns } from '../../core/patternCodec';
import { MAX_SIZE, MIN_SIZE } from './params';
import { newPatternId, type HopfieldState, type StoredPattern } from './store';

/** What is saved: the grid side and the patterns (bit-packed, see patternCodec). */
export interface SavedMemory {
  size: number;
  names: string[];
  patterns: string;
}

export const FORMAT = 'engram-hopfield-patterns';

export function toSaved(s: Pick<HopfieldState, 'size' | 'patterns'>): SavedMemory {
  return {
    size: s.size,
    names: s.patterns.map((p) => p.name),
    patterns: s.patterns.length
      ? encodePatterns(
          s.size,
          s.size,
          s.patterns.map((p) => p.cells),
        )
      : '',
  };
}

/** Validates unknown JSON as a SavedMemory; null when it is not one. */
export function validateSaved(raw: unknown): SavedMemory | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.size !== 'number' || !Number.isInteger(r.size)) return null;
  if (r.size < MIN_SIZE || r.size > MAX_SIZE) return null;
  if (!Array.isArray(r.names) || !r.names.every((n) => typeof n === 'string')) return null;
  if (typeof r.patterns !== 'string') return null;
  try {
    const decoded = fromSaved(r as unknown as SavedMemory);
    if (decoded.length !== r.names.length) return null;
  } catch {
    return null;
  }
  return { size: r.size, names: r.names as string[], patterns: r.patterns };
}

export function fromSaved(saved: SavedMemory): StoredPattern[] {
  if (!saved.patterns) return [];
  const { width, height, patterns } = decodePatterns(saved.patterns);
  if (width !== saved.size || height !== saved.size) {
    throw new Error(`patterns are ${width}x${height}, not ${saved.size}x${saved.size}`);
  }
  return patterns.map((cells, i) => ({
    id: newPatternId(),
    name: saved.names[i] ?? `Pattern ${i + 1}`,
    cells,
  }));
}

export const memoryStorage = createPersisted<SavedMemory>('hopfield', 1, validateSaved);
/** A visitor's own patterns, set aside when a shared link replaces them. */
export const backupStorage = createPersisted<SavedMemory>('hopfield-before-link', 1, validateSaved);

export function exportPatterns(s: Pick<HopfieldState, 'size' | 'patterns'>): void {
  downloadJson(`engram-patterns-${s.size}x${s.size}.json`, {
    format: FORMAT,
    version: 1,
    ...toSaved(s),
  });
}

/** Reads an exported file: the memory it holds, or a sentence saying why it is not one. */
export async function readPatternFile(
  file: Blob,
): Promise<{ value: SavedMemory; error: null } | { value: null; error: string }> {
  const { value, error } = await readJsonFile(file, (raw) => {
    const r = raw as Record<string, unknown> | null;
    if (!r || r.format !== FORMAT) return null;
    return validateSaved(raw);
  });
  return value
    ? { value, error: null }
    : { value: null, error: error ?? 'it is not an Engram pattern export' };
}
