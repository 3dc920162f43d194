/**
 * Reading the lab's starting state from a link (and local storage), and
 * writing the view back into the link. The settings go through the
 * parameter table (params.ts) both ways; only the memory, its names, the
 * grid and the target are read here by hand, because they interact with
 * what this browser saved and must fit each other. A link that cannot be
 * parsed opens the lab with defaults plus a visible message; it never throws.
 */
import { pick, type ParamValues } from '../../core/params';
import { decodeParams, namedIn, updateQuery } from '../../core/paramLink';
import { blank, type Bipolar } from '../../core/pattern';
import { resample } from '../../data/presets';
import { LINK, LINK_EXTRAS, PARAMS } from './params';
import { backupStorage, fromSaved, memoryStorage, toSaved } from './persistence';
import { newPatternId, type HopfieldState, type StoredPattern } from './store';

export interface LinkStart {
  init: Partial<HopfieldState>;
  /** Visitor-readable notes: bad parameters, a restored or set-aside memory. */
  warnings: string[];
  infos: string[];
  /** True when the link replaced patterns the visitor had saved here. */
  setAside: boolean;
}

type Extras = ParamValues<typeof LINK_EXTRAS>;

export function startFromLink(query: string): LinkStart {
  const { values, errors } = decodeParams(LINK, query);
  const { pats, names, cue, target: linkTarget, ...settings } = values;
  const sizeGiven = namedIn(PARAMS, query).has('size');
  const warnings = [...errors];
  const infos: string[] = [];
  let size = settings.size;
  let patterns: StoredPattern[] = [];
  let setAside = false;

  const saved = memoryStorage.load();
  if (saved.error) warnings.push(`Your saved patterns could not be read (${saved.error}).`);

  if (pats) {
    if (pats.width !== pats.height) {
      warnings.push(
        `The link's patterns are ${pats.width}×${pats.height}; this lab needs square grids. Ignored them.`,
      );
    } else {
      if (pats.width !== size) {
        if (sizeGiven) {
          warnings.push(
            `The link's patterns are ${pats.width}×${pats.width}, not size=${size}; using ${pats.width}.`,
          );
        }
        size = pats.width;
      }
      const named = names ? names.split(',') : [];
      patterns = pats.patterns.map((cells, i) => ({
        id: newPatternId(),
        name: named[i]?.trim() || `Pattern ${i + 1}`,
        cells,
      }));
      const mine = saved.value;
      if (mine && mine.patterns && mine.patterns !== toSaved({ size, patterns }).patterns) {
        backupStorage.save(mine);
        setAside = true;
      }
    }
  } else if (saved.value) {
    try {
      const mine = fromSaved(saved.value);
      const from = saved.value.size;
      if (!sizeGiven) size = from;
      patterns = mine.map((p) =>
        from === size ? p : { ...p, cells: resample(p.cells, from, size) },
      );
      if (patterns.length) {
        infos.push(
          `Restored your ${patterns.length} stored pattern${patterns.length === 1 ? '' : 's'} from this browser.`,
        );
      }
    } catch (e) {
      warnings.push(`Your saved patterns could not be read (${(e as Error).message}).`);
    }
  }

  let state: Int8Array = blank(size * size);
  if (cue) {
    if (cue.width === size && cue.height === size && cue.patterns.length === 1)
      state = cue.patterns[0];
    else
      warnings.push(
        `The link's cue is ${cue.width}×${cue.height}, not ${size}×${size}; starting from a blank grid.`,
      );
  }
  let target: number | null = linkTarget >= 0 ? linkTarget : null;
  if (target !== null && target >= patterns.length) {
    warnings.push(`target=${target} is not a stored pattern; no target set.`);
    target = null;
  }

  return {
    init: {
      ...settings,
      size,
      patterns,
      state,
      target,
      targetReason: target === null ? null : 'loaded',
    },
    warnings,
    infos,
    setAside,
  };
}

/**
 * Seeds the random preset may have used for this state's patterns, so a link
 * carries a random pattern as its seed, not its D bits (random bits do not
 * compress: 20 of 64x64 would be 13,660 characters). loadPreset draws with
 * seed * 1000 + (number of stored patterns + 1); a pattern stored after
 * deletions or under another seed is not found here and is written as bits.
 */
export function presetSeeds(s: Pick<HopfieldState, 'seed' | 'patterns'>): number[] {
  const n = Math.min(256, Math.max(64, s.patterns.length + 1));
  return Array.from({ length: n }, (_, k) => s.seed * 1000 + k + 1);
}

/** The link's memory, names, grid and target for a view (the part the table cannot pick). */
function extrasOf(s: HopfieldState): Extras {
  const randomSeeds = presetSeeds(s);
  const set = (cells: Int8Array[]) => ({
    width: s.size,
    height: s.size,
    patterns: cells as Bipolar[],
    randomSeeds,
  });
  // While recall runs, the link keeps the cue it started from.
  const cue = s.phase === 'idle' ? s.state : (s.cue ?? s.state);
  return {
    pats: s.patterns.length ? set(s.patterns.map((p) => p.cells)) : null,
    names: s.patterns.every((p, i) => p.name === `Pattern ${i + 1}`)
      ? ''
      : s.patterns.map((p) => p.name.replace(/,/g, ' ')).join(','),
    cue: cue.some((v) => v === 1) ? set([cue]) : null,
    target: s.target ?? -1,
  };
}

/**
 * The query string that reproduces the current view; other keys of
 * `current` (e.g. `backend=`) are kept.
 */
export function linkQuery(s: HopfieldState, current = ''): string {
  return updateQuery(current, LINK, { ...pick(PARAMS, s), ...extrasOf(s) });
}
