/**
 * The settings of the Human memory lab's second half (forgetting, spacing,
 * interference, a memory that consolidates), one table per section. The
 * keys are the part-2 store's field names; the link keys are short and
 * distinct from part 1's (n, dist, seed, speed, words, ...), so both halves
 * read and write the same link without touching each other's keys.
 */
import {
  customParam,
  enumParam,
  floatParam,
  formatText,
  intParam,
  invalid,
  listParam,
  parseText,
  sameValue,
  subsetParam,
  type ParamSpec,
  type Parsed,
  type ParamValues,
} from '../../../core/params';
import { EBBINGHAUS_1885 } from '../../../data/ebbinghaus';
import { ACTR_DECAY, fitForgetting } from '../../../models/human/actr';
import { INTERFERENCE_DEFAULTS } from '../../../models/human/interference';
import { OBJECTS, PEOPLE, PLACES, TIMES_OF_DAY } from '../../../models/human/consolidatingMemory';

/** Ebbinghaus's delays as link-friendly names: 20min, 1h, 9h, 1d, 2d, 6d, 31d. */
export const DELAY_KEYS = EBBINGHAUS_1885.map((p) => p.label.replace(/\s+/g, ''));

/**
 * ACT-R's logistic fitted to the savings (d = 0.5, tau and s fitted): the
 * starting tau and s of the ACT-R sliders, computed when the page loads.
 */
const ACTR_START = fitForgetting('actr').params;

export const FORGETTING_PARAMS = {
  forgettingAxes: enumParam(
    ['linear', 'log', 'loglog'] as const,
    'linear',
    'axes of the forgetting curve: linear, logarithmic time, or both logarithmic',
    { link: 'faxes', label: 'Axes' },
  ),
  fitPoints: subsetParam(DELAY_KEYS, DELAY_KEYS, "Ebbinghaus's delays the curves are fitted to", {
    link: 'fpts',
    label: 'Points in the fit',
  }),
  actrDecay: floatParam(ACTR_DECAY, 0.05, 1, 'ACT-R decay d of one study', {
    link: 'fd',
    label: 'Decay d',
  }),
  actrTau: floatParam(ACTR_START.tau, -3, 3, 'retrieval threshold τ (activation units)', {
    link: 'ftau',
    label: 'Threshold τ',
  }),
  actrNoise: floatParam(ACTR_START.s, 0.05, 5, 'noise s, the logistic’s scale', {
    link: 'fs',
    label: 'Noise s',
  }),
};

/** Retention intervals of the gap sweep, by name. */
export const RETENTION_NAMES = ['10min', '1h', '1d', '1w', '1m', '1y'] as const;
export type RetentionName = (typeof RETENTION_NAMES)[number];

export const MAX_SESSIONS = 8;

export const SPACING_PARAMS = {
  sessions: listParam([0, 7, 14], 0, 3650, 'study sessions, in days on the timeline', {
    link: 'study',
    label: 'Study sessions (days)',
    maxLength: MAX_SESSIONS,
  }),
  testAt: floatParam(44, 0.001, 3650, 'the test, in days on the timeline', {
    link: 'test',
    label: 'Test (days)',
  }),
  studyPeriod: floatParam(14, 0.1, 365, 'the presets spread the sessions over this many days', {
    link: 'period',
    label: 'Study period of the presets (days)',
  }),
  retentions: subsetParam(
    RETENTION_NAMES,
    ['10min', '1d', '1w', '1m', '1y'],
    'retention intervals of the gap sweep',
    { link: 'ri', label: 'Retention intervals' },
  ),
};

export const INTERFERENCE_PARAMS = {
  similarity: floatParam(0.75, 0, 1, "cosine between a list-1 cue A and its list-2 cue A'", {
    link: 'isim',
    label: 'Cue similarity',
  }),
  interferenceBeta: floatParam(INTERFERENCE_DEFAULTS.beta, 1, 32, 'inverse temperature β', {
    link: 'ibeta',
    label: 'Attention β',
  }),
  firstTrials: intParam(INTERFERENCE_DEFAULTS.firstTrials, 1, 10, 'study trials of each A-B pair', {
    link: 'itr1',
    label: 'A-B study trials',
  }),
  secondTrials: intParam(
    INTERFERENCE_DEFAULTS.secondTrials,
    1,
    10,
    "study trials of each A'-C pair",
    { link: 'itr2', label: "A'-C study trials" },
  ),
  interferenceSeed: intParam(INTERFERENCE_DEFAULTS.seed, 0, 999_999, 'seed of the cue vectors', {
    link: 'iseed',
    label: 'Seed of the cues',
  }),
  attentionView: enumParam(
    ['retroactive', 'proactive'] as const,
    'retroactive',
    "whose attention is shown: cue A1 after both lists, or cue A'1 after one A'-C trial",
    { link: 'iview', label: 'Attention for' },
  ),
};

export const ANY = 'any';

/** People as "Mum,Sam" in PEOPLE's order; the empty text is "unknown" (a query may leave them out). */
const PEOPLE_CODEC = {
  read(text: string): Parsed<string[]> {
    const parts = text
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const bad = parts.find((p) => !(PEOPLE as readonly string[]).includes(p));
    if (bad !== undefined) {
      const choices = PEOPLE.join(', ');
      return invalid(
        `holds '${bad}', which is not one of ${choices}`,
        `: '${bad}' is not one of ${choices}`,
      );
    }
    return { ok: true, value: PEOPLE.filter((p) => parts.includes(p)) };
  },
  write: (value: string[]) => value.join(','),
  same: (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]),
  shown: 'unknown',
};

export const MEMORY_PARAMS = {
  memoryDays: intParam(21, 3, 35, 'days the stepper runs (study, sleep and replay, test)', {
    link: 'mdays',
    label: 'Days',
  }),
  memorySeed: intParam(1, 0, 999_999, 'seed of the episodes and the replays', {
    link: 'mseed',
    label: 'Seed of the days',
  }),
  memorySpeed: floatParam(2, 0.5, 10, 'stepper steps per second while playing', {
    link: 'mspeed',
    label: 'Speed (steps per second)',
  }),
  queryPlace: enumParam([ANY, ...PLACES], 'kitchen', 'the query’s place', {
    link: 'qplace',
    label: 'Place',
  }),
  queryPeople: customParam<string[]>(
    [],
    'the query’s people (none chosen: unknown)',
    PEOPLE_CODEC,
    {
      link: 'qpeople',
      label: 'People',
    },
  ),
  queryObject: enumParam([ANY, ...OBJECTS], 'coffee', 'the query’s object', {
    link: 'qobject',
    label: 'Object',
  }),
  queryTime: enumParam([ANY, ...TIMES_OF_DAY], 'morning', 'the query’s time of day', {
    link: 'qtime',
    label: 'Time of day',
  }),
};

/** The four sections' tables, in page order; each section reads and writes its own keys. */
export const SECTION_TABLES = {
  forgetting: FORGETTING_PARAMS,
  spacing: SPACING_PARAMS,
  interference: INTERFERENCE_PARAMS,
  memory: MEMORY_PARAMS,
};
export type SectionName = keyof typeof SECTION_TABLES;

export const PART2_PARAMS = {
  ...FORGETTING_PARAMS,
  ...SPACING_PARAMS,
  ...INTERFERENCE_PARAMS,
  ...MEMORY_PARAMS,
};

export type Part2Settings = ParamValues<typeof PART2_PARAMS>;
export type Part2Key = keyof Part2Settings;

/** The section a setting belongs to. */
export function sectionOfKey(key: Part2Key): SectionName {
  for (const [name, table] of Object.entries(SECTION_TABLES)) {
    if (key in table) return name as SectionName;
  }
  throw new RangeError(`no section has the setting ${key}`);
}

/**
 * Why `value` is not a valid `key`, or null when it is: the value is written
 * and read back through the table's own codec, so the message is the one a
 * bad link would give ("Cue similarity: 1.5 is not a number between 0 and 1.").
 */
export function settingProblem(key: string, value: unknown): string | null {
  if (!(key in PART2_PARAMS)) return `There is no setting called "${key}".`;
  const spec = PART2_PARAMS[key as Part2Key] as ParamSpec<unknown>;
  const text = formatText(spec, value);
  const back = text === null ? null : parseText(spec, text);
  if (back?.ok && sameValue(spec, back.value, value)) return null;
  const why = back && !back.ok ? back.why : 'is not a valid value';
  return `${spec.label ?? key}: ${text ?? String(value)} ${why}.`;
}
