/**
 * The consolidation pipeline's settings (./session): one set, in
 * CONSOLIDATION_PRESETS: `experiment` (the `consolidation` experiment's
 * defaults), `pretrained` (the lab's opening VAE,
 * scripts/train-consolidation.ts) and `page` (the lab's defaults: fewer
 * held-out digits, so the map shows 1,000 and the evaluation after every
 * epoch stays quick in a browser); and the seeds of each random stream.
 */
import { REPLAY_STEPS } from './replay';
import { mixSeed } from './vae';

export interface ConsolidationConfig {
  /** N, digits stored as episodes. */
  readonly episodes: number;
  /** R, noise-cued replays. */
  readonly replays: number;
  /** L, the VAE's latent size. */
  readonly latentSize: number;
  /** The VAE's hidden layer sizes from the input side (the decoder mirrors them), ./vaeParams. */
  readonly hidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Held-out digits for evaluation (never stored, never replayed). */
  readonly heldOut: number;
  /** Of those, the first `labelled` train the decoding read-out; the rest test it. */
  readonly labelled: number;
  /** MHN updates per replay. */
  readonly replaySteps: number;
  /** lambda, the replay's inhibition of return (./consolidation); default REPLAY_INHIBITION, 0 = plain. */
  readonly replayInhibition?: number;
  /** Adam step size of the VAE. */
  readonly learningRate: number;
  /** beta, the KL term's weight in the VAE's loss (default 1, the standard VAE). */
  readonly klWeight?: number;
  /**
   * The held-out digits follow the first max(episodes, heldOutAfter) digits
   * of the seeded permutation (default 0: right after the episodes), so they
   * are never among the episodes of a VAE trained on a longer prefix.
   */
  readonly heldOutAfter?: number;
}

const EXPERIMENT: ConsolidationConfig = {
  episodes: 3000,
  replays: 6000,
  latentSize: 2,
  // The search in docs/consolidation.md: 784-512-256-L, 20 epochs on the replays.
  hidden: [512, 256],
  epochs: 20,
  batchSize: 64,
  seed: 1,
  heldOut: 2000,
  labelled: 500,
  replaySteps: REPLAY_STEPS,
  learningRate: 2e-3,
};

const PRETRAINED: ConsolidationConfig = EXPERIMENT;

/** The pipeline's named settings (see the file's doc comment). */
export const CONSOLIDATION_PRESETS = {
  experiment: EXPERIMENT,
  pretrained: PRETRAINED,
  page: {
    ...EXPERIMENT,
    epochs: 15,
    heldOut: 1000,
    labelled: 300,
    // Seed 1's opening VAE was trained on this prefix: its map never shows one of its episodes.
    heldOutAfter: PRETRAINED.episodes,
  },
} as const satisfies Record<string, ConsolidationConfig>;

/**
 * Minibatches a page trains between yields to the browser (the lab's
 * runner; the benchmark's live run does the same). Any chunk gives the same
 * VAE; this one keeps a frame's work to a few milliseconds.
 */
export const TRAIN_CHUNK = 2;

/** The streams one seed gives the pipeline. */
export interface PipelineSeeds {
  readonly split: number;
  readonly cues: number;
  readonly vae: number;
  readonly order: number;
  readonly fewShot: number;
}

/** The seeds of each random stream of the pipeline for a given seed. */
export const pipelineSeeds = (seed: number): PipelineSeeds => ({
  split: seed,
  cues: mixSeed(seed, 1),
  vae: mixSeed(seed, 2),
  order: mixSeed(seed, 3),
  fewShot: mixSeed(seed, 4),
});
