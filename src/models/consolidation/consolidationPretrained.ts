/**
 * The Consolidation lab's opening VAE: trained by
 * scripts/train-consolidation.ts with the pipeline of ./consolidation and
 * these settings, shipped at public/models/consolidation-vae.json.
 */
import type { ConsolidationConfig } from './consolidation';
import type { SerialisedVaeJson } from './vaeParams';
import type { EpochRecord } from './consolidation';

export const PRETRAINED_FILE = 'models/consolidation-vae.json';

export const PRETRAINED_CONFIG = {
  episodes: 3000,
  replays: 6000,
  latentSize: 2,
  hiddenSize: 128,
  epochs: 20,
  seed: 1,
} as const satisfies Partial<ConsolidationConfig>;

/** The file's contents. */
export interface PretrainedDoc {
  readonly trainedBy: string;
  readonly backend: string;
  readonly pipeline: ConsolidationConfig;
  readonly seconds: number;
  readonly final: EpochRecord;
  readonly replay: { distinct: number; coverage: number; expectedCoverage: number; exact: number };
  readonly prototypicalVarianceRatio: number;
  readonly vae: SerialisedVaeJson;
}
