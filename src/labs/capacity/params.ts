/**
 * The Experiments lab's own parameter table, keyed by its store's fields:
 * which experiment and which engine. The chosen experiment's settings are
 * its own table (src/models/experiments), kept as the texts of their
 * controls (./store) and linked by their command-line names (./link).
 */
import { enumParam } from '../../core/params';
import { EXPERIMENT_NAMES } from '../../models/experiments/registry';
import { ENGINE_CHOICES, type EngineChoice } from './protocol';

export const PARAMS = {
  experiment: enumParam(EXPERIMENT_NAMES, 'capacity', 'which experiment', { link: 'exp' }),
  engine: enumParam(
    ENGINE_CHOICES,
    'wasm-simd',
    'engine: WebAssembly SIMD, typed arrays or TensorFlow.js',
  ),
};

/** The engine control's choices. */
export const ENGINE_LABELS: Record<EngineChoice, string> = {
  'wasm-simd': 'WebAssembly SIMD (fastest)',
  'typed-array': 'Typed arrays (exact, bit-packed)',
  tfjs: 'TensorFlow.js (WASM) in the worker',
};
