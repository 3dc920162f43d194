/**
 * A covariance-rule network for the tests of the Experiments lab's engines
 * and learners: n sparse patterns of D units with coding level a (a fraction
 * a of +1 units), learned by CovarianceLearner, from a seeded generator.
 */
import { createRng } from '../core/random';
import { CovarianceLearner } from '../models/experiments/learners';
import { makePatterns } from '../models/experiments/patterns';

/** The patterns x, the weights W and the bipolar threshold t of the covariance rule. */
export function covarianceNetwork(d: number, n: number, seed: number, a = 0.1) {
  const x = makePatterns('sparse', n, d, createRng(seed), a);
  const learner = new CovarianceLearner(d, a);
  learner.growTo(x, n);
  return { x, w: learner.weights(), t: learner.threshold() };
}
