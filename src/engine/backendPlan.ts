/**
 * The pure half of backend choice: given what the browser offers (probes),
 * in which order to try the tfjs backends, and the sentences that explain
 * the outcome to a visitor. No tfjs and no DOM here, so all of it is tested
 * in Node; backend.ts does the probing and the switching.
 *
 * Policy (DESIGN.md "Backends"): try webgpu, webgl, wasm, cpu in that order,
 * but skip a GPU backend that runs on a software renderer (SwiftShader,
 * llvmpipe, ...): there it is about 20x (WebGL) to 100x (WebGPU) slower than
 * WASM. A backend forced with ?backend= goes first even if it is software.
 */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU (plain JS)',
};

export interface BackendInfo {
  name: BackendName;
  /** The GPU's name as the browser reports it (WebGPU adapter or WebGL renderer); null for wasm/cpu. */
  adapter: string | null;
  /** True when a GPU backend runs on a software renderer (slow). */
  software: boolean;
  /** Visitor-readable lines about this choice: skipped software GPUs, failures, a lost device. */
  notes: string[];
}

/** What the browser said about one backend before any was started. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  software: boolean;
  adapter: string | null;
  /** Why it is not available, in words ("this browser has no WebGPU"). */
  reason?: string;
}

export interface BackendPlan {
  /** Backends to try, first to last. */
  order: BackendName[];
  /** Backends left out, and the probe that says why. */
  skipped: BackendProbe[];
}

/** Software renderers by the name they go by in adapter info and WebGL renderer strings. */
const SOFTWARE_NAMES: [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver/i, 'Microsoft Basic Render Driver'],
  [/software (rasterizer|adapter|renderer)/i, 'software'],
];

/** The software renderer a GPU description names ("SwiftShader"), or null for a real GPU. */
export function softwareRendererName(description: string | null | undefined): string | null {
  if (!description) return null;
  return SOFTWARE_NAMES.find(([re]) => re.test(description))?.[1] ?? null;
}

/** Whether a GPU description (adapter info, WebGL renderer string) names a software renderer. */
export function isSoftwareRenderer(description: string | null | undefined): boolean {
  return softwareRendererName(description) !== null;
}

function softwareLabel(p: BackendProbe | undefined): string {
  const name = softwareRendererName(p?.adapter);
  return name && name !== 'software' ? `a software renderer (${name})` : 'a software renderer';
}

/** Orders the backends to try. Missing probes count as available hardware. */
export function planBackends(
  probes: readonly BackendProbe[],
  forced?: BackendName | null,
): BackendPlan {
  const probeOf = (name: BackendName): BackendProbe =>
    probes.find((p) => p.name === name) ?? {
      name,
      available: true,
      software: false,
      adapter: null,
    };
  const order: BackendName[] = [];
  const skipped: BackendProbe[] = [];
  if (forced) {
    const p = probeOf(forced);
    if (p.available) order.push(forced);
    else skipped.push(p);
  }
  for (const name of BACKEND_ORDER) {
    if (name === forced) continue;
    const p = probeOf(name);
    // cpu is the floor: it is always tried last, whatever its probe says.
    if (name === 'cpu' || (p.available && !p.software)) order.push(name);
    else skipped.push(p);
  }
  return { order, skipped };
}

/** One failed start: which backend and why (a timeout, an exception, setBackend refusing). */
export interface FailedStart {
  name: BackendName;
  error: string;
}

/**
 * The notes shown when `final` runs after the plan and failures: one line per
 * backend that would have come before it and did not run.
 */
export function describeOutcome(
  plan: BackendPlan,
  failures: readonly FailedStart[],
  final: BackendName,
  forced: BackendName | null | undefined,
  finalProbe?: BackendProbe,
): string[] {
  const L = BACKEND_LABEL;
  const used = L[final];
  const notes: string[] = [];
  const rank = (n: BackendName) => (n === forced ? -1 : BACKEND_ORDER.indexOf(n));
  const before = (n: BackendName) => rank(n) < rank(final);

  if (forced && forced !== final) {
    const skip = plan.skipped.find((p) => p.name === forced);
    const fail = failures.find((f) => f.name === forced);
    const why = skip ? `it is not available (${skip.reason ?? 'unknown reason'})` : fail?.error;
    notes.push(`You asked for ${L[forced]} (?backend=${forced}), but ${why}; using ${used}.`);
  }
  for (const p of plan.skipped) {
    if (p.name === forced || !before(p.name)) continue;
    if (p.available && p.software) {
      notes.push(`${L[p.name]} is ${softwareLabel(p)}; using ${used}, which is faster here.`);
    } else if (!p.available) {
      notes.push(`${L[p.name]} is not available: ${p.reason ?? 'unknown reason'}.`);
    }
  }
  for (const f of failures) {
    if (f.name === forced || !before(f.name)) continue;
    notes.push(`${L[f.name]} failed to start: ${f.error}; fell back to ${used}.`);
  }
  if (forced === final && finalProbe?.software) {
    notes.push(
      `${L[final]} runs on ${softwareLabel(finalProbe)} here: correct but slow; WASM is usually faster.`,
    );
  }
  return notes;
}

/**
 * Reads `backend=` from a location.search ("?backend=wasm"), a hash
 * ("#/hopfield?backend=wasm"), both joined, or a bare query ("backend=wasm").
 * The search part wins over the hash. "auto" or an empty value means no
 * choice; an unknown value gives a visitor-readable error and no choice.
 */
export function parseBackendParam(search: string): {
  forced: BackendName | null;
  error: string | null;
} {
  const hashAt = search.indexOf('#');
  const main = hashAt < 0 ? search : search.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : search.slice(hashAt + 1);
  const queries = [
    main.includes('?') ? main.slice(main.indexOf('?') + 1) : main,
    hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '',
  ];
  for (const q of queries) {
    for (const piece of q.split('&')) {
      const eq = piece.indexOf('=');
      if (eq < 0 || piece.slice(0, eq) !== 'backend') continue;
      let value: string;
      try {
        value = decodeURIComponent(piece.slice(eq + 1))
          .trim()
          .toLowerCase();
      } catch {
        value = piece.slice(eq + 1);
      }
      if (value === '' || value === 'auto') return { forced: null, error: null };
      if ((BACKEND_ORDER as readonly string[]).includes(value)) {
        return { forced: value as BackendName, error: null };
      }
      const shown = value.length > 20 ? value.slice(0, 20) + '…' : value;
      return {
        forced: null,
        error: `backend=${shown} is not one of ${BACKEND_ORDER.join(', ')}; choosing automatically.`,
      };
    }
  }
  return { forced: null, error: null };
}
