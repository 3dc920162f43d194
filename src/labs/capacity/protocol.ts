/**
 * Messages between the Experiments lab and its Web Worker. Parameters travel
 * as the texts of the lab's controls and are parsed in the worker by the
 * experiment's own table, so the worker never trusts the page's parsing.
 */
import type { ExperimentName } from '../../models/experiments/registry';
import type { Row } from '../../models/experiments/types';

/** The engines a run can ask for: WebAssembly SIMD kernels, typed arrays, or tfjs tensor products. */
export const ENGINE_CHOICES = ['wasm-simd', 'typed-array', 'tfjs'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export type ToWorker =
  | {
      type: 'run';
      id: number;
      experiment: ExperimentName;
      params: Record<string, string>;
      engine: EngineChoice;
    }
  | { type: 'cancel'; id: number };

export type FromWorker =
  /** engine: 'wasm-simd', 'typed-array' or 'tfjs-<backend>'; notes: e.g. why tfjs fell back */
  | { type: 'started'; id: number; engine: string; notes: string[] }
  | { type: 'rows'; id: number; rows: { table: string; row: Row }[] }
  | { type: 'progress'; id: number; done: number; total: number; elapsedMs: number }
  | { type: 'note'; id: number; text: string }
  | { type: 'done'; id: number; elapsedMs: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
