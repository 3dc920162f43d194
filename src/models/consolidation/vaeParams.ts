/**
 * The VAE's configuration, its parameter list, seeded initialisation and a
 * compact serialised form (SCIENCE.md section 3). Plain typed arrays, no
 * tfjs: ./vae turns these into tf.Variables.
 *
 * Architecture: a multilayer perceptron whose hidden layer sizes are a
 * setting, `hidden` = [H_1, ..., H_k] (1 to MAX_LAYERS layers), listed from
 * the input side; the decoder mirrors them (H_k first). Row-vector
 * convention, y = x W + b; W is fanIn x fanOut, row-major:
 *
 *   encoder  h_1    = relu(x W_e1 + b_e1)          W_e1: d x H_1
 *            h_i    = relu(h_{i-1} W_ei + b_ei)    W_ei: H_{i-1} x H_i
 *            mu     = h_k W_em + b_em              W_em: H_k x L
 *            logVar = h_k W_ev + b_ev              W_ev: H_k x L
 *   decoder  g_k    = relu(z W_dk + b_dk)          W_dk: L x H_k
 *            g_i    = relu(g_{i+1} W_di + b_di)    W_di: H_{i+1} x H_i
 *            logits = g_1 W_do + b_do              W_do: H_1 x d
 *
 * Serialised form, version 2: the config's `hidden` list and parameters
 * named enc.<i>.w / dec.<i>.w (i = 1..k from the input side). Version 1
 * files (one hidden layer, `hiddenSize` in the config, enc.hidden / dec.hidden)
 * hold the same numbers in the same order and are read as version 2
 * (`upgradeSerialised`).
 */
import { fromBase64Url, toBase64Url } from '../../core/base64url';
import { createRng } from '../../core/random';

/** Hidden layers a VAE may have (encoder side; the decoder mirrors them). */
export const MAX_LAYERS = 4;

export interface VaeConfig {
  /** d: pixels per image (784 for MNIST). Images are in [0, 1]. */
  readonly inputSize: number;
  /** [H_1, ..., H_k]: the encoder's hidden layer sizes from the input side; the decoder mirrors them. */
  readonly hidden: readonly number[];
  /** L: latent dimensions (2 gives the map directly; 2..20 are supported). */
  readonly latentSize: number;
  /** Seeds the initial weights and the reparameterisation noise. */
  readonly seed: number;
  /** beta in loss = recon + beta KL. Default 1 (the standard VAE). */
  readonly klWeight: number;
  /** Adam step size. Default 1e-3. */
  readonly learningRate: number;
}

/** A config to fill in: `hidden`, or `hiddenSize` as shorthand for one layer [hiddenSize]. */
export type VaeConfigInput = Omit<VaeConfig, 'klWeight' | 'learningRate' | 'hidden'> &
  Partial<Pick<VaeConfig, 'klWeight' | 'learningRate'>> &
  ({ readonly hidden: readonly number[] } | { readonly hiddenSize: number });

export const VAE_DEFAULTS = { klWeight: 1, learningRate: 1e-3 } as const;

/** "784-512-256-20": the encoder's layer sizes (the decoder is its mirror). */
export function architectureName(
  c: Pick<VaeConfig, 'inputSize' | 'hidden' | 'latentSize'>,
): string {
  return [c.inputSize, ...c.hidden, c.latentSize].join('-');
}

/** Fills in the defaults and checks ranges; throws RangeError on nonsense. */
export function vaeConfig(input: VaeConfigInput): VaeConfig {
  const hidden =
    'hidden' in input && input.hidden !== undefined
      ? [...input.hidden]
      : [(input as { hiddenSize: number }).hiddenSize];
  const config: VaeConfig = {
    inputSize: input.inputSize,
    hidden,
    latentSize: input.latentSize,
    seed: input.seed >>> 0,
    klWeight: input.klWeight ?? VAE_DEFAULTS.klWeight,
    learningRate: input.learningRate ?? VAE_DEFAULTS.learningRate,
  };
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_LAYERS) {
    throw new RangeError(`hidden must list 1 to ${MAX_LAYERS} layer sizes`);
  }
  const sizes: [string, number][] = [
    ['inputSize', config.inputSize],
    ['latentSize', config.latentSize],
    ...hidden.map((h, i): [string, number] => [`hidden[${i}]`, h]),
  ];
  for (const [key, v] of sizes) {
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

/** enc.<i>.w / dec.<i>.w for hidden layer i (1-based from the input side), and the heads. */
export type VaeParamName =
  | `enc.${number}.${'w' | 'b'}`
  | `dec.${number}.${'w' | 'b'}`
  | 'enc.mean.w'
  | 'enc.mean.b'
  | 'enc.logVar.w'
  | 'enc.logVar.b'
  | 'dec.out.w'
  | 'dec.out.b';

export interface ParamSpec {
  readonly name: VaeParamName;
  /** [fanIn, fanOut] for weights, [fanOut] for biases. */
  readonly shape: readonly number[];
}

/**
 * The parameters in their fixed order (the serialised layout follows it):
 * the encoder's layers from the input side, the mean and log-variance
 * heads, the decoder's layers from the latent side, the output layer.
 */
export function paramSpecs(config: VaeConfig): ParamSpec[] {
  const { inputSize: d, hidden, latentSize: l } = config;
  const k = hidden.length;
  const specs: ParamSpec[] = [];
  const layer = (name: `enc.${number}` | `dec.${number}`, fanIn: number, fanOut: number) => {
    specs.push({ name: `${name}.w`, shape: [fanIn, fanOut] });
    specs.push({ name: `${name}.b`, shape: [fanOut] });
  };
  for (let i = 0; i < k; i++) layer(`enc.${i + 1}`, i === 0 ? d : hidden[i - 1], hidden[i]);
  specs.push({ name: 'enc.mean.w', shape: [hidden[k - 1], l] });
  specs.push({ name: 'enc.mean.b', shape: [l] });
  specs.push({ name: 'enc.logVar.w', shape: [hidden[k - 1], l] });
  specs.push({ name: 'enc.logVar.b', shape: [l] });
  for (let i = k - 1; i >= 0; i--)
    layer(`dec.${i + 1}`, i === k - 1 ? l : hidden[i + 1], hidden[i]);
  specs.push({ name: 'dec.out.w', shape: [hidden[0], d] });
  specs.push({ name: 'dec.out.b', shape: [d] });
  return specs;
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

/** The serialised form this code writes (it reads 1 too: see the file's doc comment). */
export const VAE_FORMAT_VERSION = 2;

/** Everything needed to rebuild a trained VAE (not the Adam moments). */
export interface SerialisedVae {
  readonly format: 'engram-vae';
  readonly version: typeof VAE_FORMAT_VERSION;
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

/** Inverse of vaeToJson (version 1 or 2); checks the format and the number of weights. */
export function vaeFromJson(json: SerialisedVaeJson | SerialisedVaeJsonV1): SerialisedVae {
  const bytes = fromBase64Url(json.weights);
  if (bytes.byteLength % 4 !== 0) throw new Error('VAE weights are not whole float32s');
  // Copy into a fresh, aligned buffer.
  const weights = new Float32Array(bytes.slice().buffer);
  return checkSerialised(upgradeSerialised({ ...json, weights }) as SerialisedVae);
}

/** A version 1 file's JSON: one hidden layer, `hiddenSize` in its config. */
export interface SerialisedVaeJsonV1 {
  readonly format: 'engram-vae';
  readonly version: 1;
  readonly config: Omit<VaeConfig, 'hidden'> & { readonly hiddenSize: number };
  readonly step: number;
  readonly params: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly weights: string;
}

/**
 * A version 1 VAE (one hidden layer, `hiddenSize`, enc.hidden / dec.hidden)
 * as version 2: the same weights in the same order, hidden = [hiddenSize],
 * the layers named enc.1 / dec.1. Anything else comes back unchanged.
 */
export function upgradeSerialised<T extends { readonly version: unknown }>(s: T): T {
  const old = s as unknown as {
    version: number;
    config?: { hiddenSize?: unknown; hidden?: unknown };
    params?: { name: string; shape: readonly number[] }[];
  };
  if (old.version !== 1 || !old.config || old.config.hidden !== undefined) return s;
  const { hiddenSize, ...rest } = old.config;
  const rename: Record<string, string> = {
    'enc.hidden.w': 'enc.1.w',
    'enc.hidden.b': 'enc.1.b',
    'dec.hidden.w': 'dec.1.w',
    'dec.hidden.b': 'dec.1.b',
  };
  return {
    ...s,
    version: VAE_FORMAT_VERSION,
    config: { ...rest, hidden: [hiddenSize] },
    params: Array.isArray(old.params)
      ? old.params.map((p) => ({ ...p, name: rename[p.name] ?? p.name }))
      : old.params,
  } as unknown as T;
}

/** Validates a SerialisedVae (format, version, layout); returns it unchanged. */
export function checkSerialised(s: SerialisedVae): SerialisedVae {
  if (s.format !== 'engram-vae' || s.version !== VAE_FORMAT_VERSION) {
    throw new Error(
      `not an engram-vae v${VAE_FORMAT_VERSION} file (format ${String(s.format)}, version ${s.version})`,
    );
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

/** Units a hidden layer may have when it is given as text (the CLI, a link). */
export const LAYER_UNITS = { min: 8, max: 1024 } as const;

/**
 * "512,256" -> [512, 256], in the order written (from the input side; the
 * decoder mirrors them): 1..MAX_LAYERS integers in LAYER_UNITS. Null if not.
 */
export function parseLayers(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < 1 || parts.length > MAX_LAYERS) return null;
  const sizes = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  const ok = sizes.every((h) => h >= LAYER_UNITS.min && h <= LAYER_UNITS.max);
  return ok ? sizes : null;
}
