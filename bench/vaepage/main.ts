/**
 * The VAE bench page (the `vae` section of `npm run bench`): the
 * Consolidation lab's VAE training throughput (bench/vaeWorkload.ts) on
 * every tfjs backend that starts in this browser. Backends start through the
 * app's own initBackend(forced); one that falls back to another is
 * reported as not started, with the app's note saying why. A GPU backend on
 * a software renderer carries its name (SwiftShader) from the app's probe.
 *
 * Query: ?backends=wasm,webgl,webgpu,cpu&quick=1. Results grow on
 * window.__vaeBench as each backend finishes, so a hang still leaves the rest.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, softwareRendererName, type BackendName } from '../../src/engine/backend';
import { timeVaeTraining, type VaeThroughput } from '../vaeWorkload';
import { reason } from '../workload';

export interface VaePageBackend {
  name: BackendName;
  started: boolean;
  error?: string;
  adapter?: string | null;
  software?: boolean;
  /** the software renderer's name (e.g. SwiftShader), when software */
  renderer?: string | null;
  /** time initBackend took, ms */
  startMs?: number;
  timing?: VaeThroughput;
}

export interface VaePageResults {
  userAgent: string;
  backends: VaePageBackend[];
  /** the part in progress (to name a hang) */
  current: string;
  done: boolean;
}

declare global {
  interface Window {
    __vaeBench?: VaePageResults;
  }
}

const ALL: BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];

const params = new URLSearchParams(location.search);
const quick = params.get('quick') === '1';
const wanted = (params.get('backends') ?? ALL.join(','))
  .split(',')
  .filter((b): b is BackendName => (ALL as string[]).includes(b));

const out: VaePageResults = {
  userAgent: navigator.userAgent,
  backends: [],
  current: 'starting',
  done: false,
};
window.__vaeBench = out;

const logEl = document.getElementById('log');
function log(msg: string): void {
  console.log(`[vae page] ${msg}`);
  if (logEl) logEl.textContent += `\n${msg}`;
}

async function main(): Promise<void> {
  for (const name of wanted) {
    out.current = `starting ${name}`;
    const entry: VaePageBackend = { name, started: false };
    out.backends.push(entry);
    const t0 = performance.now();
    try {
      const info = await initBackend(name, { timeoutMs: 20_000 });
      entry.startMs = performance.now() - t0;
      if (info.name !== name || tf.getBackend() !== name) {
        entry.error = info.notes.join(' ') || `the app started ${info.name} instead`;
        log(`${name} did not start: ${entry.error}`);
        continue;
      }
      entry.started = true;
      entry.adapter = info.adapter;
      entry.software = info.software;
      entry.renderer = info.software ? (softwareRendererName(info.adapter) ?? 'software') : null;
    } catch (e) {
      entry.error = reason(e);
      log(`${name} did not start: ${entry.error}`);
      continue;
    }
    out.current = `timing ${name}`;
    try {
      entry.timing = await timeVaeTraining({ budgetMs: quick ? 500 : 1500 });
      log(`${name}: ${entry.timing.samplesPerSecond.toFixed(0)} samples/s`);
    } catch (e) {
      entry.error = `started, but timing failed: ${reason(e)}`;
      log(`${name}: ${entry.error}`);
    }
  }
  out.current = '';
}

main()
  .catch((e) => log(`failed: ${reason(e)}`))
  .finally(() => {
    out.done = true;
    log('done');
  });
