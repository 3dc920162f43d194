/**
 * Chooses, starts and reports the tfjs backend (DESIGN.md "Backends").
 *
 * initBackend probes what the browser offers, plans an order with
 * planBackends (backendPlan.ts: software GPUs are skipped unless forced),
 * then starts each candidate in turn, every start bounded by a timeout,
 * until one runs a small test calculation correctly. Backend packages are
 * imported lazily, so each lands in its own chunk and only the chosen one is
 * downloaded.
 *
 * On WebGPU the device can be lost (driver reset, GPU removed, too much
 * memory). The loss falls back to the next backend of the plan and tells
 * onBackendChange subscribers, with a note saying so. Tensors made on the
 * lost backend are gone: labs rebuild their state when the backend changes.
 *
 * Each BackendInfo carries the notes of the change that produced it (the
 * first start, or a fallback), not the whole history.
 */
import {
  browserDriver,
  messageOf,
  TimeoutError,
  withTimeout,
  type Activation,
  type BackendDriver,
} from './backendDriver';
import {
  BACKEND_LABEL,
  describeOutcome,
  planBackends,
  type BackendInfo,
  type BackendName,
  type BackendPlan,
  type BackendProbe,
  type FailedStart,
} from './backendPlan';

export interface InitOptions {
  /** Longest wait for one probe or one backend start, default 8000 ms. */
  timeoutMs?: number;
  driver?: BackendDriver;
}

let current: BackendInfo | null = null;
let generation = 0;
let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<(info: BackendInfo) => void>();

/** The backend running now, or null before initBackend finished. */
export function currentBackend(): BackendInfo | null {
  return current;
}

/** Calls `cb` after every change of backend (a start or a fallback); returns an unsubscribe. */
export function onBackendChange(cb: (info: BackendInfo) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/**
 * Starts the best backend (or `forced` first). Resolves with what runs;
 * rejects only if not even the CPU backend starts. Every start but the CPU
 * one is bounded by `timeoutMs`; the CPU one is the last resort and is
 * waited for. Calls are serialised: a second call waits for the first.
 * Each success (and each fallback later) is also sent to onBackendChange.
 */
export function initBackend(
  forced?: BackendName | null,
  opts: InitOptions = {},
): Promise<BackendInfo> {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const driver = opts.driver ?? browserDriver;
  const run = queue.then(async () => {
    const probes = await driver.probe(timeoutMs);
    const plan = planBackends(probes, forced);
    return start({ plan, probes, forced: forced ?? null, order: plan.order, driver, timeoutMs });
  });
  queue = run.catch(() => undefined);
  return run;
}

interface Attempt {
  plan: BackendPlan;
  probes: BackendProbe[];
  forced: BackendName | null;
  order: readonly BackendName[];
  driver: BackendDriver;
  timeoutMs: number;
  /** Notes that lead the outcome's notes, given the backend that ended up running. */
  lead?: (final: BackendName) => string[];
}

/** Tries `a.order` in turn; the first that starts becomes current and is announced. */
async function start(a: Attempt): Promise<BackendInfo> {
  const failures: FailedStart[] = [];
  for (const name of a.order) {
    let activation: Activation;
    try {
      // cpu is the floor: with nothing after it, a slow start (a slow network
      // fetching its chunk) is better waited for than failed.
      const starting = a.driver.activate(name);
      activation = await (name === 'cpu'
        ? starting
        : withTimeout(starting, a.timeoutMs, 'starting'));
    } catch (e) {
      if (e instanceof TimeoutError) a.driver.abandon(name);
      failures.push({ name, error: messageOf(e) });
      continue;
    }
    const probe = a.probes.find((p) => p.name === name);
    const gpu = name === 'webgpu' || name === 'webgl';
    const info: BackendInfo = {
      name,
      adapter: gpu ? (probe?.adapter ?? null) : null,
      software: gpu && !!probe?.software,
      notes: [
        ...(a.lead?.(name) ?? []),
        ...describeOutcome(a.plan, failures, name, a.forced, probe),
      ],
    };
    const gen = ++generation;
    current = info;
    if (activation.lost) watchLoss(activation.lost, gen, name, a);
    listeners.forEach((cb) => cb(info));
    return info;
  }
  const tried = failures.map((f) => `${BACKEND_LABEL[f.name]}: ${f.error}`).join('; ');
  throw new Error(`No TensorFlow.js backend could start (${tried}).`);
}

/** When a running backend's device is lost, start the rest of its plan and say so. */
function watchLoss(lost: Promise<string>, gen: number, name: BackendName, a: Attempt): void {
  void lost.then((reason) => {
    if (gen !== generation) return; // switched away on purpose since; nothing to do
    const next = queue.then(() => {
      if (gen !== generation) return undefined;
      a.driver.abandon(name);
      return start({
        ...a,
        plan: { order: [], skipped: [] }, // the first start already explained the skips
        forced: null,
        order: a.order.slice(a.order.indexOf(name) + 1),
        lead: (to) => [`The GPU device was lost (${reason}); switched to ${BACKEND_LABEL[to]}.`],
      });
    });
    queue = next.catch(() => undefined);
  });
}
