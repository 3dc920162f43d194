/**
 * The Consolidation lab's opening VAE: trained by
 * scripts/train-consolidation.ts with the pipeline of ./session and its
 * `pretrained` preset (CONSOLIDATION_PRESETS), shipped at
 * public/models/consolidation-vae.json.
 */
import type { ConsolidationConfig } from './sessionConfig';
import type { EpochRecord } from './pipeline';
import type { SerialisedVaeJson } from './vaeParams';

export const PRETRAINED_FILE = 'models/consolidation-vae.json';

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
