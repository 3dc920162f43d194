/**
 * What the Interference section computes (models/human/interference.ts):
 * the model's configuration from the settings, the sweep over cue
 * similarity one point at a time, the two experiments at the chosen
 * similarity, and the attention weights as labelled rows.
 */
import {
  INTERFERENCE_DEFAULTS,
  interferenceSweep,
  proactive,
  retroactive,
  type AssociativeMemory,
  type InterferenceConfig,
  type ProactiveResult,
  type RetroactiveResult,
  type Retrieval,
} from '../../../models/human/interference';
import type { Part2Settings } from './params';

/** The model's settings: dimension, pairs and threshold are the model's defaults. */
export function interferenceConfig(
  s: Pick<
    Part2Settings,
    'similarity' | 'interferenceBeta' | 'firstTrials' | 'secondTrials' | 'interferenceSeed'
  >,
): InterferenceConfig {
  return {
    ...INTERFERENCE_DEFAULTS,
    similarity: s.similarity,
    beta: s.interferenceBeta,
    firstTrials: s.firstTrials,
    secondTrials: s.secondTrials,
    seed: s.interferenceSeed,
  };
}

/** Similarities of the sweep: 0, 0.05, ..., 1. */
export const SIMILARITY_GRID = Array.from({ length: 21 }, (_, i) => i / 20);

export type InterferenceRow = ReturnType<typeof interferenceSweep>[number];

/** One point of the sweep (the chosen similarity in cfg is ignored). */
export function sweepPoint(similarity: number, cfg: InterferenceConfig): InterferenceRow {
  return interferenceSweep([similarity], cfg)[0];
}

/** Both experiments at the configuration's similarity. */
export interface InterferenceAt {
  similarity: number;
  retroactive: RetroactiveResult;
  proactive: ProactiveResult;
}

export function interferenceAt(cfg: InterferenceConfig): InterferenceAt {
  return { similarity: cfg.similarity, retroactive: retroactive(cfg), proactive: proactive(cfg) };
}

export interface WeightRow {
  label: string;
  weight: number;
  /** Study trials of the slot (null for "no recall"). */
  strength: number | null;
}

/** The attention over every slot and the "no recall" option, in slot order. */
export function weightRows(memory: AssociativeMemory, r: Retrieval): WeightRow[] {
  return [
    ...memory.slots.map((s, j) => ({ label: s.label, weight: r.weights[j], strength: s.strength })),
    { label: 'no recall', weight: r.failure, strength: null },
  ];
}
