/**
 * Reading the lab's starting state from a link (and local storage), and
 * writing the view back into the link. A link that cannot be parsed opens
 * the lab with defaults plus a visible message; it never throws.
 */
import { decodeParams, encodeParams, type ParamValues } from '../../core/params';
import { blank, type Bipolar } from '../../core/pattern';
import { resample } from '../../data/presets';
import { newPatternId } from './commands';
import { PARAMS } from './params';
import { backupStorage, fromSaved, memoryStorage, toSaved } from './persistence';
import type { HopfieldState, StoredPattern } from './store';

export interface LinkStart {
  init: Partial<HopfieldState>;
  /** Visitor-readable notes: bad parameters, a restored or set-aside memory. */
  warnings: string[];
  infos: string[];
  /** True when the link replaced patterns the visitor had saved here. */
  setAside: boolean;
}

export function startFromLink(query: string): LinkStart {
  const { values, errors } = decodeParams(PARAMS, query);
  const warnings = [...errors];
  const infos: string[] = [];
  let size = values.size;
  let patterns: StoredPattern[] = [];
  let setAside = false;

  const saved = memoryStorage.load();
  if (saved.error) warnings.push(`Your saved patterns could not be read (${saved.error}).`);

  if (values.pats) {
    const set = values.pats;
    if (set.width !== set.height) {
      warnings.push(
        `The link's patterns are ${set.width}×${set.height}; this lab needs square grids. Ignored them.`,
      );
    } else {
      if (set.width !== size) {
        if (query.includes('size=')) {
          warnings.push(
            `The link's patterns are ${set.width}×${set.width}, not size=${size}; using ${set.width}.`,
          );
        }
        size = set.width;
      }
      const names = values.names ? values.names.split(',') : [];
      patterns = set.patterns.map((cells, i) => ({
        id: newPatternId(),
        name: names[i]?.trim() || `Pattern ${i + 1}`,
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
      if (!query.includes('size=')) size = from;
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
  if (values.cue) {
    const c = values.cue;
    if (c.width === size && c.height === size && c.patterns.length === 1) state = c.patterns[0];
    else
      warnings.push(
        `The link's cue is ${c.width}×${c.height}, not ${size}×${size}; starting from a blank grid.`,
      );
  }
  let target: number | null = values.target >= 0 ? values.target : null;
  if (target !== null && target >= patterns.length) {
    warnings.push(`target=${target} is not a stored pattern; no target set.`);
    target = null;
  }

  return {
    init: {
      size,
      rule: values.rule,
      dynamics: values.dyn,
      temperature: values.temp,
      noise: values.noise,
      seed: values.seed,
      view: values.view,
      speed: values.speed,
      patterns,
      state,
      target,
      targetReason: target === null ? null : 'loaded',
      demoOpen: values.demo,
    },
    warnings,
    infos,
    setAside,
  };
}

/** The query string that reproduces the current view. */
export function linkQuery(s: HopfieldState): string {
  const values: Partial<ParamValues<typeof PARAMS>> = {
    size: s.size,
    rule: s.rule,
    dyn: s.dynamics,
    temp: s.temperature,
    noise: s.noise,
    seed: s.seed,
    view: s.view,
    speed: s.speed,
    pats: s.patterns.length
      ? { width: s.size, height: s.size, patterns: s.patterns.map((p) => p.cells as Bipolar) }
      : null,
    names: s.patterns.every((p, i) => p.name === `Pattern ${i + 1}`)
      ? ''
      : s.patterns.map((p) => p.name.replace(/,/g, ' ')).join(','),
    // While recall runs, the link keeps the cue it started from.
    cue: {
      width: s.size,
      height: s.size,
      patterns: [(s.phase === 'idle' ? s.state : (s.cue ?? s.state)) as Bipolar],
    },
    target: s.target ?? -1,
    demo: s.demoOpen,
  };
  if (!values.cue!.patterns[0].some((v) => v === 1)) values.cue = null;
  return encodeParams(PARAMS, values);
}
