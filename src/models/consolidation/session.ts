/**
 * The consolidation pipeline as one step-wise session (SCIENCE.md section 3,
 * Spens & Burgess 2024; conventions in ./consolidation): 1 encode the
 * episodes in the hippocampus, 2 replay them from noise, 3 train a VAE on
 * the replays only, 4 evaluate it on held-out digits. Each step can run in
 * chunks (replay k cues, train k minibatches) and goes on where it stopped,
 * so a page yields between chunks and pauses, while the command line, the
 * weight script and the benchmark run the same steps to the end. The
 * chunk sizes never change the numbers: the same config and seed give the
 * same replays, the same VAE and the same measurements.
 *
 * Its settings and seeds are in ./sessionConfig; ./pipeline runs a session
 * to the end in one go (the CLI, the weight script, the benchmark).
 *
 * Sharing the thread: `openConsolidationSession`, `encode`, `replay`,
 * `adoptReplay` and `evaluate` take a Pace (../../core/pace) and run in
 * chunks with its pauses between them; a page passes its own, everything
 * else runs unpaced. The pace never changes the numbers either.
 *
 * Tensors: the session holds typed arrays only. The hippocampus from
 * encode() and every VAE from createVae() belong to the caller (so a page
 * can rebuild them when the backend changes); every step frees the tensors
 * it makes.
 */
import { UNPACED, inChunks, type Pace } from '../../core/pace';
import type { StoredPatterns } from '../modern/modernHopfield';
import {
  encodeEpisodes,
  gatherDigits,
  gatherDigitsPaced,
  splitDigits,
  storeEpisodes,
  type Hippocampus,
  type DigitSource,
  type ImageSet,
  type Split,
} from './consolidation';
import { REPLAY_BATCH, ReplayRun, measureReplays, type ReplayResult } from './replay';
import {
  distortionOnHeldOut,
  evaluateVae,
  fewShotOnHeldOut,
  type EpochEvaluation,
} from './consolidationEval';
import type { DistortionResult } from './distortion';
import type { FewShotPoint } from './fewShot';
import { pipelineSeeds, type ConsolidationConfig, type PipelineSeeds } from './sessionConfig';
import { createVae, unitFromBipolarRangeInto, type Vae } from './vae';
import { MinibatchTrainer, type MinibatchOptions } from './vaeTrain';

/** Where a replay stands: the first `done` of `total` replays (rows in [-1, 1]) and their episodes. */
export interface ReplayProgress {
  readonly done: number;
  readonly total: number;
  readonly replays: Float32Array;
  readonly episode: Int32Array;
  /** Set once every cue is replayed. */
  readonly result: ReplayResult | null;
}

export class ConsolidationSession {
  readonly seeds: PipelineSeeds;
  /** Dataset indices of the episodes and of the held-out digits. */
  readonly split: Split;
  /** The stored episodes, rows in [-1, 1] (the hippocampus' range). */
  readonly episodes: ImageSet;
  /** The held-out digits, rows in [0, 1] (the VAE's range). */
  readonly heldOut: ImageSet;
  private run: ReplayRun | null = null;
  private replayResult: ReplayResult | null = null;
  private trainingData: Float32Array | null = null;

  /** With `digits` (from gatherSessionDigits) the digits are not gathered again. */
  constructor(
    src: DigitSource,
    readonly config: ConsolidationConfig,
    digits?: SessionDigits,
  ) {
    this.seeds = pipelineSeeds(config.seed);
    const { split, episodes, heldOut } = digits ?? gatherSessionDigitsNow(src, config);
    this.split = split;
    this.episodes = episodes;
    this.heldOut = heldOut;
  }

  /** d, pixels per image, from the data. */
  get d(): number {
    return this.episodes.d;
  }

  /** Step 1, encode: the episodes as the hippocampus' X (new tensors the caller owns). */
  encode(): StoredPatterns {
    return encodeEpisodes(this.episodes);
  }

  /** encode() in chunks with `pace`'s pauses (the same tensors, and X in blocks for the replay). */
  encodePaced(pace: Pace, blockValues?: number): Promise<Hippocampus> {
    return storeEpisodes(this.episodes, pace, blockValues);
  }

  /**
   * Starts step 2 afresh with `count` noise cues (default config.replays),
   * dropping the last replay. The cues are the first `count` of one seeded
   * stream, so a longer replay begins with a shorter one's replays.
   */
  startReplay(count: number = this.config.replays): void {
    this.run = this.newReplay(count);
    this.replayResult = null;
    this.trainingData = null;
  }

  private newReplay(count: number): ReplayRun {
    const { replaySteps: steps, replayInhibition: inhibition } = this.config;
    return new ReplayRun(this.d, { count, seed: this.seeds.cues, steps, inhibition });
  }

  /**
   * Step 2, replay: the next `chunk` noise cues through `memory` (the
   * hippocampus of encode(), or one rebuilt from the same episodes); starts
   * a replay of config.replays cues if none is under way. The last chunk
   * measures the replays and converts them for the VAE (paced by `pace`).
   */
  async replay(
    memory: StoredPatterns,
    chunk: number = REPLAY_BATCH,
    pace: Pace = UNPACED,
  ): Promise<ReplayProgress> {
    const run = (this.run ??= this.newReplay(this.config.replays));
    if (!run.finished) {
      await run.next(memory, chunk);
      if (run.finished && run === this.run) {
        const result = await run.result(memory, pace);
        const data = await trainingSet(result.replays, pace);
        if (run === this.run) {
          this.replayResult = result;
          this.trainingData = data;
        }
      }
    }
    return {
      done: run.done,
      total: run.options.count,
      replays: run.replays,
      episode: run.episode,
      result: run === this.run ? this.replayResult : null,
    };
  }

  /** The finished replay, or null. */
  get replayed(): ReplayResult | null {
    return this.replayResult;
  }

  /**
   * Takes a finished replay kept from before (its replays and episodes;
   * e.g. from the browser's storage) as this session's, measuring it again
   * on these episodes. Throws a RangeError, changing nothing, when it does
   * not fit: not R x d values, or an episode that is not one of these.
   */
  async adoptReplay(
    kept: { readonly replays: Float32Array; readonly episode: Int32Array },
    pace: Pace = UNPACED,
  ): Promise<ReplayResult> {
    const { d, episodes } = this;
    const count = kept.episode.length;
    if (count < 1 || kept.replays.length !== count * d) {
      throw new RangeError(`${kept.replays.length} values are not ${count} replays of ${d} pixels`);
    }
    const result = await measureReplays(
      kept.replays,
      kept.episode,
      episodes.images,
      episodes.n,
      d,
      pace,
    );
    const data = await trainingSet(result.replays, pace);
    this.run = null;
    this.replayResult = result;
    this.trainingData = data;
    return result;
  }

  /** Step 3: a fresh VAE (d from the data, the config's sizes, seeded); the caller owns it. */
  createVae(latentSize: number = this.config.latentSize): Vae {
    const c = this.config;
    return createVae({
      inputSize: this.d,
      hidden: c.hidden,
      latentSize,
      seed: this.seeds.vae,
      learningRate: c.learningRate,
      klWeight: c.klWeight,
    });
  }

  /**
   * Step 3, train: a cursor over the replays (in [0, 1]) for `vae`, after
   * `fromEpoch` completed epochs; its train(k) takes k minibatches at a time.
   */
  trainer(vae: Vae, fromEpoch = 0): MinibatchTrainer {
    const data = this.trainingData;
    if (!data) throw new Error('replay first: the VAE trains on the replays');
    return new MinibatchTrainer(vae, data, data.length / this.d, {
      batchSize: this.config.batchSize,
      seed: this.seeds.order,
      fromEpoch,
    });
  }

  /**
   * Step 3 elsewhere (a worker): the replays in [0, 1] and the cursor's
   * options, the same ones trainer() uses, so a MinibatchTrainer made from
   * them on another thread trains exactly as trainer() does here.
   */
  trainingSpec(fromEpoch = 0): { data: Float32Array; n: number; options: MinibatchOptions } {
    const data = this.trainingData;
    if (!data) throw new Error('replay first: the VAE trains on the replays');
    const options = { batchSize: this.config.batchSize, seed: this.seeds.order, fromEpoch };
    return { data, n: data.length / this.d, options };
  }

  /** Step 4: held-out reconstruction error, KL and decoding accuracy (./consolidationEval). */
  evaluate(vae: Vae, pace: Pace = UNPACED): Promise<EpochEvaluation> {
    return evaluateVae(vae, this.heldOut, this.config.labelled, pace);
  }

  /** Prototypical distortion of the held-out digits' reconstructions. */
  distortion(vae: Vae): Promise<DistortionResult> {
    return distortionOnHeldOut(vae, this.heldOut);
  }

  /** The few-shot curve on the held-out digits (latents against pixels). */
  fewShot(vae: Vae, sizes?: readonly number[]): Promise<FewShotPoint[]> {
    return fewShotOnHeldOut(vae, this.heldOut, this.seeds.fewShot, sizes);
  }
}

/** A session's digits: the split, the episodes in [-1, 1] and the held-out digits in [0, 1]. */
export interface SessionDigits {
  readonly split: Split;
  readonly episodes: ImageSet;
  readonly heldOut: ImageSet;
}

/** The split of `config` (the episodes are a prefix of the permutation, whatever its length). */
function sessionSplit(src: DigitSource, config: ConsolidationConfig): Split {
  const prefix = Math.max(config.episodes, config.heldOutAfter ?? 0);
  const order = splitDigits(src.count, prefix, config.heldOut, pipelineSeeds(config.seed).split);
  return { episodes: order.episodes.slice(0, config.episodes), heldOut: order.heldOut };
}

function gatherSessionDigitsNow(src: DigitSource, config: ConsolidationConfig): SessionDigits {
  const split = sessionSplit(src, config);
  return {
    split,
    episodes: gatherDigits(src, split.episodes, 'bipolar'),
    heldOut: gatherDigits(src, split.heldOut, 'unit'),
  };
}

/** A session over the digits `src` with `config` (splits and gathers the digits; no tensors yet). */
export function createConsolidationSession(
  src: DigitSource,
  config: ConsolidationConfig,
): ConsolidationSession {
  return new ConsolidationSession(src, config);
}

/** createConsolidationSession with the digits gathered in chunks, `pace`'s pauses between them. */
export async function openConsolidationSession(
  src: DigitSource,
  config: ConsolidationConfig,
  pace: Pace,
): Promise<ConsolidationSession> {
  const split = sessionSplit(src, config);
  const episodes = await gatherDigitsPaced(src, split.episodes, 'bipolar', pace);
  const heldOut = await gatherDigitsPaced(src, split.heldOut, 'unit', pace);
  return new ConsolidationSession(src, config, { split, episodes, heldOut });
}

/** Replays in [-1, 1] as the VAE's training set in [0, 1] (unitFromBipolarRange, in chunks). */
async function trainingSet(replays: Float32Array, pace: Pace): Promise<Float32Array> {
  const out = new Float32Array(replays.length);
  const block = 1 << 16;
  await inChunks(pace, 'unit-range', Math.ceil(replays.length / block), Infinity, (start, count) =>
    unitFromBipolarRangeInto(replays, out, start * block, (start + count) * block),
  );
  return out;
}
