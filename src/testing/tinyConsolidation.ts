/**
 * For tests of the consolidation session and the lab's training job: the
 * experiment preset shrunk so a whole session (encode, replay, a VAE of one
 * hidden layer of 8 with a 2-d latent, two epochs) runs in seconds on the
 * CPU backend; seeded, so both tests see the same episodes and held-out
 * digits.
 */
import type { ConsolidationSession } from '../models/consolidation/session';
import {
  CONSOLIDATION_PRESETS,
  type ConsolidationConfig,
} from '../models/consolidation/sessionConfig';
import { disposePatterns } from '../models/modern/modernHopfield';

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

/**
 * Encodes `session`'s episodes and replays them all, `chunk` cues a call
 * (the session's default when undefined); frees the hippocampus and
 * returns the finished replay, which the session also keeps for training.
 */
export async function replayAll(session: ConsolidationSession, chunk?: number) {
  const memory = session.encode();
  try {
    let p = await session.replay(memory, chunk);
    while (!p.result) p = await session.replay(memory, chunk);
    return p.result;
  } finally {
    disposePatterns(memory);
  }
}
