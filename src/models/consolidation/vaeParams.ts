/**
 * The VAE's configuration, its parameter list, seeded initialisation and a
 * compact serialised form (SCIENCE.md section 3). Plain typed arrays, no
 * tfjs: ./vae turns these into tf.Variables.
 *
 * Parameters (row-vector convention, y = x W + b; W is fanIn x fanOut,
 * row-major):
 *
 *   encoder  h      = relu(x W_eh + b_eh)          W_eh: d x H
 *            mu     = h W_em + b_em                W_em: H x L
 *            logVar = h W_ev + b_ev                W_ev: H x L
 *   decoder  g      = relu(z W_dh + b_dh)          W_dh: L x H
 *            logits = g W_do + b_do                W_do: H x d
 */
import { fromBase64Url, toBase64Url } from '../../core/patternCodec';
import { createRng } from '../../core/random';

export interface VaeConfig {
  /** d: pixels per image (784 for MNIST). Images are in [0, 1]. */
  readonly inputSize: number;
  /** H: units in the encoder's and the decoder's hidden layer. */
  readonly hiddenSize: number;
  /** L: latent dimensions (2 gives the map directly; 2..20 are supported). */
  readonly latentSize: number;
  /** Seeds the initial weights and the reparameterisation noise. */
  readonly seed: number;
  /** beta in loss = recon + beta KL. Default 1 (the standard VAE). */
  readonly klWeight: number;
  /** Adam step size. Default 1e-3. */
  readonly learningRate: number;
}

export type VaeConfigInput = Omit<VaeConfig, 'klWeight' | 'learningRate'> &
  Partial<Pick<VaeConfig, 'klWeight' | 'learningRate'>>;

export const VAE_DEFAULTS = { klWeight: 1, learningRate: 1e-3 } as const;

/** Fills in the defaults and checks ranges; throws RangeError on nonsense. */
export function vaeConfig(input: VaeConfigInput): VaeConfig {
  const config: VaeConfig = {
    inputSize: input.inputSize,
    hiddenSize: input.hiddenSize,
    latentSize: input.latentSize,
    seed: input.seed >>> 0,
    klWeight: input.klWeight ?? VAE_DEFAULTS.klWeight,
    learningRate: input.learningRate ?? VAE_DEFAULTS.learningRate,
  };
  for (const key of ['inputSize', 'hiddenSize', 'latentSize'] as const) {
    const v = config[key];
    if (!Number.isInteger(v) || v < 1 || v > 1 << 16) {
      throw new RangeError(`${key} ${v} is not an integer in 1..65536`);
    }
  }
  if (!(config.klWeight >= 0) || !Number.isFinite(config.klWeight)) {
    throw new RangeError(`klWeight ${config.klWeight} must be finite and >= 0`);
  }
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new RangeError(`learningRate ${config.learningRate} must be finite and > 0`);
  }
  return config;
}

export type VaeParamName =
  | 'enc.hidden.w'
  | 'enc.hidden.b'
  | 'enc.mean.w'
  | 'enc.mean.b'
  | 'enc.logVar.w'
  | 'enc.logVar.b'
  | 'dec.hidden.w'
  | 'dec.hidden.b'
  | 'dec.out.w'
  | 'dec.out.b';

export interface ParamSpec {
  readonly name: VaeParamName;
  /** [fanIn, fanOut] for weights, [fanOut] for biases. */
  readonly shape: readonly number[];
}

/** The parameters in their fixed order (the serialised layout follows it). */
export function paramSpecs(config: VaeConfig): ParamSpec[] {
  const { inputSize: d, hiddenSize: h, latentSize: l } = config;
  return [
    { name: 'enc.hidden.w', shape: [d, h] },
    { name: 'enc.hidden.b', shape: [h] },
    { name: 'enc.mean.w', shape: [h, l] },
    { name: 'enc.mean.b', shape: [l] },
    { name: 'enc.logVar.w', shape: [h, l] },
    { name: 'enc.logVar.b', shape: [l] },
    { name: 'dec.hidden.w', shape: [l, h] },
    { name: 'dec.hidden.b', shape: [h] },
    { name: 'dec.out.w', shape: [h, d] },
    { name: 'dec.out.b', shape: [d] },
  ];
}

export function paramCount(spec: ParamSpec): number {
  return spec.shape.reduce((a, b) => a * b, 1);
}

/**
 * Initial values: weights Glorot-uniform, W_ij ~ U(-a, a) with
 * a = sqrt(6 / (fanIn + fanOut)); biases 0. Drawn in the order of
 * paramSpecs from one mulberry32 stream seeded with config.seed, so the same
 * seed gives the same network on every backend.
 */
export function initialParams(config: VaeConfig): Float32Array[] {
  const rng = createRng(config.seed);
  return paramSpecs(config).map((spec) => {
    const values = new Float32Array(paramCount(spec));
    if (spec.shape.length === 2) {
      const a = Math.sqrt(6 / (spec.shape[0] + spec.shape[1]));
      for (let i = 0; i < values.length; i++) values[i] = (2 * rng.next() - 1) * a;
    }
    return values;
  });
}

/** Everything needed to rebuild a trained VAE (not the Adam moments). */
export interface SerialisedVae {
  readonly format: 'engram-vae';
  readonly version: 1;
  readonly config: VaeConfig;
  /** Training steps taken; the next step's noise is drawn from (seed, step). */
  readonly step: number;
  /** Name and shape of each parameter, in the order they lie in `weights`. */
  readonly params: readonly ParamSpec[];
  /** All parameters laid end to end (float32). */
  readonly weights: Float32Array;
}

/** SerialisedVae as JSON-able data: the weights as base64url (little-endian float32). */
export type SerialisedVaeJson = Omit<SerialisedVae, 'weights'> & { readonly weights: string };

/**
 * One JSON-able object (about 4/3 of the float32 bytes). For a large model
 * shipped under public/, keep the manifest in JSON and `weights.buffer` in a
 * separate .bin file instead.
 */
export function vaeToJson(s: SerialisedVae): SerialisedVaeJson {
  const bytes = new Uint8Array(s.weights.buffer, s.weights.byteOffset, s.weights.byteLength);
  return { ...s, weights: toBase64Url(bytes) };
}

/** Inverse of vaeToJson; checks the format and the number of weights. */
export function vaeFromJson(json: SerialisedVaeJson): SerialisedVae {
  const bytes = fromBase64Url(json.weights);
  if (bytes.byteLength % 4 !== 0) throw new Error('VAE weights are not whole float32s');
  // Copy into a fresh, aligned buffer.
  const weights = new Float32Array(bytes.slice().buffer);
  return checkSerialised({ ...json, weights });
}

/** Validates a SerialisedVae (format, version, layout); returns it unchanged. */
export function checkSerialised(s: SerialisedVae): SerialisedVae {
  if (s.format !== 'engram-vae' || s.version !== 1) {
    throw new Error(`not an engram-vae v1 file (format ${String(s.format)}, version ${s.version})`);
  }
  const config = vaeConfig(s.config);
  const specs = paramSpecs(config);
  const total = specs.reduce((a, spec) => a + paramCount(spec), 0);
  const same =
    s.params.length === specs.length &&
    specs.every(
      (spec, i) =>
        s.params[i].name === spec.name &&
        s.params[i].shape.length === spec.shape.length &&
        spec.shape.every((v, k) => s.params[i].shape[k] === v),
    );
  if (!same) throw new Error('VAE parameter layout does not match its config');
  if (s.weights.length !== total) {
    throw new Error(`VAE has ${s.weights.length} weights; its config needs ${total}`);
  }
  return s;
}
