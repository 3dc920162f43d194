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
import { softwareRendererName } from '../../src/engine/backendPlan';
import { forEachBackend, pageLog, pageQuery, publishResults, runPage } from '../pageKit';
import type { PageResultsBase, StartedBackend } from '../pageKit';
import '../../src/models/consolidation/registerGradients';
import { timeVaeTraining, type VaeThroughput } from '../vaeWorkload';
import { reason } from '../workload';

export interface VaePageBackend extends StartedBackend {
  /** the software renderer's name (e.g. SwiftShader), when software */
  renderer?: string | null;
  timing?: VaeThroughput;
}

export type VaePageResults = PageResultsBase<VaePageBackend>;

const { quick, wanted } = pageQuery(['wasm', 'webgl', 'webgpu', 'cpu']);

const out = publishResults<VaePageResults>('__vaeBench', 'starting', {});
const log = pageLog('vae page');

async function main(): Promise<void> {
  await forEachBackend(wanted, out, log, async (entry) => {
    const { name } = entry;
    entry.renderer = entry.software
      ? (softwareRendererName(entry.adapter ?? null) ?? 'software')
      : null;
    try {
      entry.timing = await timeVaeTraining({ budgetMs: quick ? 500 : 1500 });
      log(`${name}: ${entry.timing.samplesPerSecond.toFixed(0)} samples/s`);
    } catch (e) {
      entry.error = `started, but timing failed: ${reason(e)}`;
      log(`${name}: ${entry.error}`);
    }
  });
}

runPage(main, out, log);
