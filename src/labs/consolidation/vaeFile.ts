/**
 * A trained VAE as a file: what "Export the VAE" writes and "Import a VAE"
 * reads back. The file is JSON: `{kind, version, vae, about}`, with `vae`
 * in the model's own serialised form (vaeToJson: config, parameter layout,
 * float32 weights as base64url) and `about` what the page knew of it (how
 * it was trained, its epochs, the held-out curves). The app's shipped VAE
 * (public/models/consolidation-vae.json) and a bare serialised VAE import
 * too.
 *
 * Everything is checked before anything changes: the file's size, that it
 * is JSON, the format, a VAE this page can run (784 pixels, 2..20 latents,
 * 1..MAX_LAYERS hidden layers of at most MAX_HIDDEN units), the layout, the
 * number of weights and that every weight is finite. A file that fails
 * gives one sentence saying what is wrong.
 *
 * Old files: a version 1 VAE (the one-hidden-layer model with hand-written
 * gradients, before the app moved to tfjs autodiff) holds the same numbers
 * in the same order and opens as what it is, a one-hidden-layer VAE
 * (vaeParams' upgradeSerialised); a version this page does not know says
 * which versions it reads.
 */
import { MNIST_PIXELS } from '../../data/mnist';
import type { EpochRecord } from '../../models/consolidation/pipeline';
import {
  architectureName,
  checkSerialised,
  MAX_LAYERS,
  upgradeSerialised,
  VAE_FORMAT_VERSION,
  vaeFromJson,
  vaeToJson,
  type SerialisedVae,
  type SerialisedVaeJson,
} from '../../models/consolidation/vaeParams';

export const VAE_FILE_KIND = 'engram-consolidation-vae';
export const VAE_FILE_VERSION = 1;
/** Hidden units this page accepts in an imported VAE. */
export const MAX_HIDDEN = 1024;
/** The largest VAE this page accepts is about 6.5 MB of weights, 9 MB as text. */
export const MAX_VAE_FILE_BYTES = 16 * 1024 * 1024;

/** What the page knew of a VAE: where it came from and its training so far. */
export interface VaeAbout {
  /** One line shown with it (how it was trained). */
  readonly note: string;
  /** Completed training epochs (0 for a shipped or imported one). */
  readonly epochs: number;
  /** The held-out measurements after each epoch. */
  readonly history: readonly EpochRecord[];
}

export interface VaeFileDoc {
  readonly kind: typeof VAE_FILE_KIND;
  readonly version: typeof VAE_FILE_VERSION;
  readonly vae: SerialisedVaeJson;
  readonly about: VaeAbout;
}

export function vaeFileDoc(vae: SerialisedVae, about: VaeAbout): VaeFileDoc {
  return { kind: VAE_FILE_KIND, version: VAE_FILE_VERSION, vae: vaeToJson(vae), about };
}

/** A name for the exported file: engram-vae-L2-epoch3.json. */
export function vaeFileName(vae: SerialisedVae, epochs: number): string {
  return `engram-vae-L${vae.config.latentSize}${epochs > 0 ? `-epoch${epochs}` : ''}.json`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that a serialised VAE is one this page can run (see the file's doc
 * comment); returns it unchanged, or throws an Error saying what is wrong.
 */
export function checkPageVae(raw: SerialisedVae): SerialisedVae {
  if (!isObject(raw)) throw new Error('it holds no VAE');
  checkVersion(raw.version);
  const s = upgradeSerialised(raw);
  checkPageConfig(s.config);
  if (!Array.isArray(s.params)) throw new Error('it has no parameter list');
  if (!(s.weights instanceof Float32Array)) throw new Error('its weights are not float32 values');
  if (!Number.isInteger(s.step) || s.step < 0) {
    throw new Error(`its step count ${s.step} is not a count`);
  }
  checkSerialised(s);
  for (let i = 0; i < s.weights.length; i++) {
    if (!Number.isFinite(s.weights[i])) throw new Error(`weight ${i} is not a finite number`);
  }
  return s;
}

function checkVersion(version: unknown): void {
  if (version !== 1 && version !== VAE_FORMAT_VERSION) {
    throw new Error(
      `it is an engram-vae of version ${String(version)}; this page reads 1 and ${VAE_FORMAT_VERSION}`,
    );
  }
}

/** The configuration of a (version 2) VAE this page can run, or an Error saying why not. */
function checkPageConfig(c: unknown): void {
  if (!isObject(c)) throw new Error('it has no configuration');
  for (const k of ['inputSize', 'latentSize', 'seed'] as const) {
    if (typeof c[k] !== 'number') throw new Error(`its ${k} is not a number`);
  }
  if (c.inputSize !== MNIST_PIXELS) {
    throw new Error(
      `it reads ${c.inputSize} pixels per image; this page's digits have ${MNIST_PIXELS}`,
    );
  }
  const l = c.latentSize as number;
  if (!Number.isInteger(l) || l < 2 || l > 20)
    throw new Error(`${l} latents: this page runs 2 to 20`);
  const hidden = c.hidden;
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_LAYERS) {
    throw new Error(`its hidden layers are not a list of 1 to ${MAX_LAYERS} sizes`);
  }
  for (const h of hidden as unknown[]) {
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HIDDEN) {
      throw new Error(`a hidden layer of ${String(h)} units: this page runs 1 to ${MAX_HIDDEN}`);
    }
  }
}

/** "784-512-256-20": how the page names a VAE's architecture (the decoder mirrors it). */
export const vaeArchitecture = (s: { readonly config: SerialisedVae['config'] }): string =>
  architectureName(s.config);

function checkHistory(raw: unknown): EpochRecord[] {
  if (!Array.isArray(raw)) return [];
  const keys = ['epoch', 'reconError', 'kl', 'decodingAccuracy', 'meanAbsError', 'trainLoss'];
  const ok = raw.every((r) => isObject(r) && keys.every((k) => Number.isFinite(r[k])));
  return ok ? (raw as EpochRecord[]) : [];
}

/**
 * The VAE in a parsed file (our export, the shipped VAE's file or a bare
 * serialised VAE) and what the file says about it; throws an Error saying
 * what is wrong.
 */
export function readVaeDoc(raw: unknown): { vae: SerialisedVae; about: VaeAbout | null } {
  if (!isObject(raw)) throw new Error('it holds no VAE');
  const json = isObject(raw.vae) ? raw.vae : raw;
  if (json.format !== 'engram-vae')
    throw new Error('it holds no Engram VAE (no "engram-vae" format)');
  checkVersion(json.version);
  if (typeof json.weights !== 'string') throw new Error('its weights are missing');
  checkPageConfig(upgradeSerialised(json as { version: unknown; config?: unknown }).config);
  if (!Array.isArray(json.params)) throw new Error('it has no parameter list');
  // Decodes the weights and checks the layout and their number against the config.
  const vae = checkPageVae(vaeFromJson(json as unknown as SerialisedVaeJson));
  const about = isObject(raw.about) ? raw.about : null;
  return {
    vae,
    about: about && {
      note: typeof about.note === 'string' ? about.note.slice(0, 400) : '',
      epochs:
        Number.isInteger(about.epochs) && (about.epochs as number) >= 0
          ? (about.epochs as number)
          : 0,
      history: checkHistory(about.history),
    },
  };
}

/**
 * Reads a chosen file as a VAE. Never throws: a file that is too big, not
 * JSON or not a VAE this page can run comes back as `{ error }`, a
 * sentence naming the file.
 */
export async function readVaeFile(
  file: Blob & { name?: string },
): Promise<{ vae: SerialisedVae; about: VaeAbout | null } | { error: string }> {
  const label = file.name ? `"${file.name}"` : 'The file';
  if (file.size > MAX_VAE_FILE_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return {
      error: `${label} is ${mb(file.size)} MB, more than a VAE file's ${mb(MAX_VAE_FILE_BYTES)} MB.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch (e) {
    return { error: `${label} is not a JSON file (${(e as Error).message}).` };
  }
  try {
    return readVaeDoc(raw);
  } catch (e) {
    return { error: `${label} cannot be opened as a VAE: ${(e as Error).message}.` };
  }
}
