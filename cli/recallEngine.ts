/**
 * Which engine steps a `recall` run (./recall.ts): the --backend asked for,
 * falling back as the Experiments lab does. wasm-simd (the default) steps
 * synchronous Hebbian and Storkey-like (dense-weight) recall on the
 * WebAssembly SIMD kernels; typed-array is the Classic lab's Stepper; cpu
 * and wasm are tfjs tensor products (sync only).
 */
import type { Dynamics } from '../src/models/classic/dynamics';
import type { Network, Rule } from '../src/models/classic/hopfield';
import type { BatchMemory } from '../src/models/experiments/batch';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { tensorEngine } from '../src/models/experiments/batchTensor';
import { loadSimd } from '../src/kernels/simd';
import type { Io } from './define';
import { initTf, TF_BACKENDS, type TfBackend } from './tf';

export const RECALL_BACKENDS = ['wasm-simd', 'typed-array', ...TF_BACKENDS] as const;
export type RecallBackend = (typeof RECALL_BACKENDS)[number];

/** What the choice depends on (a run's settings). */
export interface EngineChoice {
  readonly backend: RecallBackend;
  readonly dynamics: Dynamics;
  readonly rule: Rule;
  readonly units: number;
}

export const isTfBackend = (b: RecallBackend): b is TfBackend =>
  (TF_BACKENDS as readonly string[]).includes(b);

/** Most bytes a run puts in the SIMD kernels' memory (a 32-bit WebAssembly memory holds 4 GiB at most). */
const SIMD_MAX_BYTES = 2 ** 30;
/** Largest D the SIMD Hebbian step takes (overlaps are held in 16 bits). */
const SIMD_HEBBIAN_MAX_UNITS = 32_767;

/** The engine that steps a run: a batch memory (B = 1), or null for the typed Stepper. */
export interface Engine {
  backend: string;
  memory: BatchMemory | null;
}

/**
 * Picks the engine for --backend, falling back as the Experiments lab does:
 * wasm-simd runs synchronous Hebbian and Storkey steps on the SIMD kernels
 * and says on stderr why anything else (async/stochastic sweeps, the
 * pseudo-inverse rule, no SIMD in this engine, too many units) runs on the
 * typed Stepper instead.
 */
export async function engineFor(config: EngineChoice, net: Network, io?: Io): Promise<Engine> {
  const typed: Engine = { backend: 'typed-array', memory: null };
  const { backend, dynamics, rule, units: d } = config;
  if (backend === 'typed-array') return typed;
  if (isTfBackend(backend)) {
    const name = await initTf(backend);
    return { backend: name, memory: tensorEngine().network(net) };
  }
  const fallBack = (why: string): Engine => {
    io?.err(`note: ${why}: running on typed arrays (the Classic lab's Stepper) instead\n`);
    return typed;
  };
  if (dynamics !== 'sync') {
    return fallBack(`--backend wasm-simd steps synchronous dynamics only, not ${dynamics}`);
  }
  const simd = await loadSimd();
  if (!simd) return fallBack('this JavaScript engine has no WebAssembly SIMD');
  const engine = simdEngine(simd);
  // Kernel memory: Hebbian X as i8 twice (transposed, and while packing); Storkey W as f32.
  const bytes = rule === 'hebbian' ? 2 * net.n * d : 4 * d * (d + 3);
  if (rule !== 'pseudoinverse' && bytes > SIMD_MAX_BYTES) {
    return fallBack(`the SIMD kernels would hold ${Math.round(bytes / 2 ** 20)} MB`);
  }
  if (rule === 'hebbian') {
    if (d > SIMD_HEBBIAN_MAX_UNITS) {
      return fallBack(`the SIMD Hebbian step takes at most ${SIMD_HEBBIAN_MAX_UNITS} units`);
    }
    return { backend: engine.name, memory: engine.hebbian(net.patterns) };
  }
  if (rule === 'storkey' || rule === 'krauth-mezard' || rule === 'unlearning') {
    return { backend: engine.name, memory: engine.dense(net.weights(), d) };
  }
  return fallBack(
    rule === 'dense-am'
      ? 'the dense-am rule has no SIMD kernel (its field sums powers of the overlaps)'
      : `the ${rule} rule has no SIMD kernel (its field is factorised in float64)`,
  );
}
