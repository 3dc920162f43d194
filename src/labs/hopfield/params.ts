/**
 * Every URL parameter of the Classic Hopfield lab, listed once (name, type,
 * default, range). The store reads a link through this table and writes the
 * view back through it, so a copied link reproduces what is on screen.
 */
import {
  boolParam,
  enumParam,
  floatParam,
  intParam,
  patternsParam,
  stringParam,
} from '../../core/params';

export const MIN_SIZE = 8;
export const MAX_SIZE = 64;

export const PARAMS = {
  size: intParam(16, MIN_SIZE, MAX_SIZE, 'grid side in units (the network has size x size units)'),
  rule: enumParam(['hebbian', 'storkey', 'pseudoinverse'] as const, 'hebbian', 'learning rule'),
  dyn: enumParam(['async', 'sync', 'stochastic'] as const, 'async', 'recall dynamics'),
  temp: floatParam(0.5, 0, 10, 'temperature T of stochastic (Glauber) dynamics'),
  noise: floatParam(0.2, 0, 1, 'fraction of units the Corrupt button flips'),
  seed: intParam(1, 0, 999_999, 'random seed for corruption, update order and noise'),
  view: enumParam(
    ['unit', 'sweep'] as const,
    'sweep',
    'animate asynchronous recall unit by unit or sweep by sweep',
  ),
  speed: intParam(5, 1, 10, 'animation speed level'),
  pats: patternsParam('the stored patterns'),
  names: stringParam('', 'names of the stored patterns, comma-separated'),
  cue: patternsParam('the current network state (the cue)'),
  target: intParam(-1, -1, 999, 'index of the stored pattern the cue came from (-1: none)'),
  demo: boolParam(false, 'open the checkerboard comparison'),
};
