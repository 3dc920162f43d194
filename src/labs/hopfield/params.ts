/**
 * Every setting of the Classic Hopfield lab, listed once (kind, default,
 * range, meaning). The table's keys are the store's field names: the
 * store's defaults are `defaults(PARAMS)`, and the link reads and writes
 * them through this table. `link:` keeps the short keys older links use
 * (`dyn`, `temp`, `demo`), so every link shared so far still opens.
 */
import {
  boolParam,
  enumParam,
  floatParam,
  intParam,
  patternsParam,
  stringParam,
} from '../../core/params';
import { MAX_POWER, MIN_POWER } from '../../models/classic/denseAM';
import { DYNAMICS } from '../../models/classic/dynamics';
import { DEFAULT_POWER, DIAGONALS, RULES } from '../../models/classic/hopfield';
import { KM_DEFAULT_MARGIN } from '../../models/classic/rules';
import { UNLEARNING_DEFAULTS } from '../../models/classic/unlearning';

export const MIN_SIZE = 8;
export const MAX_SIZE = 64;

/** How asynchronous recall is animated: one unit at a time, or one sweep of D units. */
export const VIEWS = ['unit', 'sweep'] as const;

export const PARAMS = {
  size: intParam(16, MIN_SIZE, MAX_SIZE, 'grid side in units (the network has size x size units)', {
    label: 'Grid size',
  }),
  rule: enumParam(RULES, 'hebbian', 'learning rule', { label: 'Learning rule' }),
  diagonal: enumParam(
    DIAGONALS,
    'zero',
    "Storkey's diagonal: zero (w_ii = 0) or keep (as Storkey 1997 and the seed's capacity table)",
    { link: 'diag', label: "Storkey's diagonal" },
  ),
  margin: floatParam(
    KM_DEFAULT_MARGIN,
    0,
    5,
    'Krauth-Mezard: the stability every stored bit must reach',
    { link: 'km', label: 'Margin c' },
  ),
  dreams: intParam(
    UNLEARNING_DEFAULTS.dreamsPerPattern,
    0,
    200,
    'unlearning: dreams per stored pattern',
    { label: 'Dreams per pattern' },
  ),
  epsilon: floatParam(UNLEARNING_DEFAULTS.epsilon, 0, 0.5, 'unlearning: strength of each dream', {
    link: 'eps',
    label: 'Dream strength ε',
  }),
  power: intParam(
    DEFAULT_POWER,
    MIN_POWER,
    MAX_POWER,
    'dense associative memory: the power n of F(x) = x^n',
    {
      link: 'n',
      label: 'Power n',
    },
  ),
  dynamics: enumParam(DYNAMICS, 'async', 'recall dynamics', { link: 'dyn', label: 'Update rule' }),
  temperature: floatParam(0.5, 0, 10, 'temperature T of stochastic (Glauber) dynamics', {
    link: 'temp',
    label: 'Temperature T',
  }),
  noise: floatParam(0.2, 0, 1, 'fraction of units the Corrupt button flips', {
    label: 'Noise (fraction of units to flip)',
  }),
  seed: intParam(1, 0, 999_999, 'random seed for corruption, update order and noise', {
    label: 'Seed',
  }),
  view: enumParam(VIEWS, 'sweep', 'animate asynchronous recall unit by unit or sweep by sweep', {
    label: 'Animate',
  }),
  speed: intParam(5, 1, 10, 'animation speed level', { label: 'Speed' }),
  demoOpen: boolParam(false, 'open the checkerboard comparison', { link: 'demo' }),
  demoLoad: enumParam(
    ['seed', 'loaded', 'noisy'] as const,
    'seed',
    "the checkerboard comparison's setting: the seed's (50 random patterns, 1000 flips), loaded (150 patterns) or noisy (1150 flips)",
    { label: 'Setting' },
  ),
};

/**
 * What else a link carries: the memory, its names, the grid and the target.
 * They are not store fields one to one, so link.ts reads them itself: a
 * link's patterns set the visitor's saved ones aside (local storage), the
 * cue must fit the grid, the target must name a stored pattern.
 */
export const LINK_EXTRAS = {
  pats: patternsParam('the stored patterns'),
  names: stringParam('', 'names of the stored patterns, comma-separated'),
  cue: patternsParam('the network state (the cue)'),
  target: intParam(-1, -1, 999, 'index of the stored pattern the cue came from (-1: none)'),
};

/** Everything the lab's link holds, in the order it is written. */
export const LINK = { ...PARAMS, ...LINK_EXTRAS };
