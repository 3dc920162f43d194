/**
 * For tests of the consolidation session and the lab's training job: the
 * experiment preset shrunk so a whole session (encode, replay, a VAE of one
 * hidden layer of 8 with a 2-d latent, two epochs) runs in seconds on the
 * CPU backend; seeded, so both tests see the same episodes and held-out
 * digits.
 */
import {
  CONSOLIDATION_PRESETS,
  type ConsolidationConfig,
} from '../models/consolidation/sessionConfig';

export const TINY_CONSOLIDATION: ConsolidationConfig = {
  ...CONSOLIDATION_PRESETS.experiment,
  episodes: 40,
  replays: 48,
  hidden: [8],
  latentSize: 2,
  epochs: 2,
  batchSize: 16,
  heldOut: 30,
  labelled: 15,
  seed: 5,
};
