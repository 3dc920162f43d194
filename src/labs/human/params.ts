/**
 * Every setting of the Human memory lab (part 1), listed once. The keys are
 * the store's field names: the store's defaults are `defaults(PARAMS)`, the
 * link reads and writes them through this table, and `setParam` checks a
 * value against its row. The CMR parameters are the model's own table
 * (CMR_PARAM_TABLE: named as in Polyn, Norman & Kahana 2009, link keys
 * beta_enc=..., cymr's example parameters as defaults).
 */
import {
  enumParam,
  floatParam,
  intParam,
  type ParamSpec,
  type ParamValues,
} from '../../core/params';
import { checkTableValue } from '../../core/paramCheck';
import { DISTRACTOR_PROTOCOLS } from '../../models/human/cmr';
import { CMR_PARAM_TABLE } from '../../models/human/cmrParams';
import { CONTEXT_THETA } from '../../models/human/freeRecall';

/** Speeds of "Watch one list", in steps per second. */
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 30;

export const PARAMS = {
  listLength: intParam(20, 10, 40, 'items per simulated list', {
    link: 'n',
    label: 'List length',
  }),
  distractor: enumParam(
    DISTRACTOR_PROTOCOLS,
    'none',
    'immediate recall, a distractor before the test (delayed), or one after every item (continuous)',
    { link: 'dist', label: 'Distractor' },
  ),
  rate: floatParam(2, 0.3, 5, 'seconds each word is shown in the memory game', {
    label: 'Presentation rate (s per word)',
  }),
  lists: intParam(1000, 100, 5000, 'simulated lists per curve', { label: 'Simulated lists' }),
  seed: intParam(1, 0, 999_999, 'random seed of the simulations and the word lists', {
    label: 'Seed',
  }),
  speed: floatParam(2, MIN_SPEED, MAX_SPEED, 'steps per second in Watch one list', {
    label: 'Speed (steps per second)',
  }),
  gameLength: intParam(12, 3, 30, 'words per list in the memory game', {
    link: 'words',
    label: 'Words per list',
  }),
  arithmetic: intParam(0, 0, 10, 'arithmetic problems between study and recall (0: none)', {
    link: 'sums',
    label: 'Arithmetic problems before recall',
  }),
  contextTheta: floatParam(
    CONTEXT_THETA,
    0,
    1,
    'retrieval threshold theta in the context section (0: recall length set by the stop rule alone)',
    { link: 'ctheta', label: 'Retrieval threshold θ (context)' },
  ),
  emotionalShare: floatParam(0.5, 0.05, 0.95, 'share of emotional items in a mixed list', {
    link: 'emo',
    label: 'Share of emotional items (mixed lists)',
  }),
  ...CMR_PARAM_TABLE,
};

export type Settings = ParamValues<typeof PARAMS>;
export type SettingKey = keyof Settings;

/** The row of a setting (for controls: range, label, meaning). */
export function paramSpec<K extends SettingKey>(key: K): ParamSpec<Settings[K]> {
  return PARAMS[key] as ParamSpec<Settings[K]>;
}

/** Why `value` is not a valid `key`, or null when it is (core/paramCheck). */
export const checkSetting = (key: string, value: unknown): string | null =>
  checkTableValue(PARAMS, key, value);
