/**
 * Section 7 of `npm run bench`: training throughput of the Consolidation
 * lab's VAE (784 -> 128 -> 2 -> 128 -> 784, batch 64: the session's `page`
 * preset, CONSOLIDATION_PRESETS) in samples per second, on every tfjs
 * backend that starts
 *
 *   - in Node: wasm and cpu (cli/bench-vae.ts), and
 *   - in headless Chromium: wasm, webgl, webgpu, cpu (bench/vaepage; a GPU
 *     backend on a software renderer is named as such, e.g. SwiftShader),
 *
 * plus, on wasm in Node, how long a live "Train from scratch" with the
 * page's default settings takes to reach the page's default epochs: run
 * for real (cli/bench-vae.ts benchLiveRun), or under --quick estimated as
 * samples / Node wasm throughput (the report says which).
 */
import type { Browser } from '@playwright/test';
import { benchLiveRun, benchVaeTraining, pageDefaultSamples, type LiveRun } from '../cli/bench-vae';
import { launch, runResultsPage } from './browser';
import { table } from './report';
import { cleanup, serve, tempDir, viteBuild } from './serve';
import { fmt, ratio } from './stats';
import type { VaePageResults } from './vaepage/main';
import type { VaeThroughput } from './vaeWorkload';
import { reason } from './workload';

const PAGE_CONFIG = 'bench/vaepage/vite.config.ts';

export interface VaeSection {
  node: VaeThroughput[];
  /** the VAE bench page's results (window.__vaeBench) */
  browser?: VaePageResults;
  browserVersion?: string;
  /** the page did not finish: the part it was on */
  browserTimedOut?: string;
  /** the page's defaults: replays x epochs */
  pageRun: { replays: number; epochs: number; samples: number };
  /** a whole live run on Node wasm (not under --quick) */
  live?: LiveRun;
  /** samples / Node wasm throughput, s */
  estimatedRunS?: number;
  errors: string[];
}

export async function runVae(
  log: (m: string) => void,
  opts: { quick: boolean; defer: (undo: () => unknown) => void },
): Promise<VaeSection> {
  const s: VaeSection = { node: [], pageRun: pageDefaultSamples(), errors: [] };
  for (const backend of ['wasm', 'cpu'] as const) {
    log(`vae: training throughput, Node tfjs ${backend}`);
    try {
      s.node.push(await benchVaeTraining(backend, { budgetMs: opts.quick ? 500 : 1500 }));
    } catch (e) {
      s.errors.push(`node ${backend}: ${reason(e)}`);
    }
  }
  const wasm = s.node.find((t) => t.backend === 'wasm');
  if (wasm) s.estimatedRunS = s.pageRun.samples / wasm.samplesPerSecond;
  if (!opts.quick) {
    const { replays, epochs } = s.pageRun;
    log(`vae: a live "Train from scratch", ${replays} replays x ${epochs} epochs, Node wasm`);
    try {
      s.live = await benchLiveRun('wasm');
    } catch (e) {
      s.errors.push(`live run: ${reason(e)}`);
    }
  }
  try {
    await browserVae(s, log, opts);
  } catch (e) {
    s.errors.push(`browser: ${reason(e)}`);
  }
  return s;
}

/** Builds and serves bench/vaepage, opens it in Chromium and reads window.__vaeBench. */
async function browserVae(
  s: VaeSection,
  log: (m: string) => void,
  opts: { quick: boolean; defer: (undo: () => unknown) => void },
): Promise<void> {
  const dir = tempDir('vaepage');
  opts.defer(() => cleanup(dir));
  log('vae: building the VAE bench page');
  viteBuild(dir, PAGE_CONFIG);
  const served = await serve(dir, PAGE_CONFIG);
  opts.defer(() => served.close());
  const browser: Browser = await launch();
  opts.defer(() => browser.close());
  s.browserVersion = browser.version();
  try {
    const url = `${served.url}?backends=wasm,webgl,webgpu,cpu${opts.quick ? '&quick=1' : ''}`;
    const run = await runResultsPage<VaePageResults>(browser, url, 'vae page', '__vaeBench', log);
    s.browser = run.results;
    s.browserTimedOut = run.timedOut;
  } finally {
    await browser.close();
    await served.close();
    cleanup(dir);
  }
}

export function reportVae(s: VaeSection | undefined): string {
  if (!s) return '';
  const { replays, epochs, samples } = s.pageRun;
  const base = s.node.find((t) => t.backend === 'wasm')?.samplesPerSecond;
  const rows: string[][] = [
    [
      'where',
      'backend',
      'batch ms (median)',
      'samples/s',
      'vs Node wasm',
      `1 epoch (${replays}) s`,
      `${epochs} epochs s (est.)`,
      'reps',
    ],
  ];
  const row = (where: string, name: string, t: VaeThroughput) => [
    where,
    name,
    fmt(t.medianBatchMs),
    fmt(t.samplesPerSecond),
    ratio(t.samplesPerSecond, base),
    fmt(replays / t.samplesPerSecond),
    fmt(samples / t.samplesPerSecond),
    String(t.reps),
  ];
  for (const t of s.node) rows.push(row('Node', t.backend, t));
  for (const b of s.browser?.backends ?? []) {
    const name = b.renderer ? `${b.name} (${b.renderer}, software)` : b.name;
    if (b.timing) rows.push(row('Chromium', name, b.timing));
    else rows.push(['Chromium', name, `did not start: ${b.error ?? 'unknown'}`]);
  }
  const any = s.node[0] ?? s.browser?.backends.find((x) => x.timing)?.timing;
  const shape = any
    ? `${any.architecture} (decoder mirrored), batch ${any.batchSize}; median over timed batches after ${any.warmup} warm-up`
    : 'nothing timed';
  const lines = [`## 7. Consolidation lab: VAE training throughput (${shape})`, table(rows)];
  if (s.browserTimedOut) lines.push(`the VAE page timed out while ${s.browserTimedOut}`);
  if (s.browser) lines.push(`Chromium ${s.browserVersion ?? ''}: ${s.browser.userAgent}`);
  const l = s.live;
  if (l) {
    lines.push(
      `Live "Train from scratch", page defaults (${l.replays} replays x ${l.epochs} epochs, batch ${l.batchSize}), Node ${l.backend}, measured: ` +
        `${fmt(l.totalMs / 1000)} s to epoch ${l.epochs} (training ${fmt(l.trainMs / 1000)} s at ${fmt(l.samplesPerSecond)} samples/s; ` +
        `the rest is the held-out evaluation and map of ${l.heldOut} digits after each epoch); ` +
        `held-out decoding accuracy ${fmt(l.decodingAccuracy)}. Throughput estimate: ${fmt(s.estimatedRunS)} s.`,
    );
  } else if (s.estimatedRunS !== undefined) {
    lines.push(
      `Live "Train from scratch", page defaults (${replays} replays x ${epochs} epochs), Node wasm, estimated (not run under --quick): ` +
        `${samples} samples / ${fmt(base)} samples/s = ${fmt(s.estimatedRunS)} s of training, plus the per-epoch evaluation.`,
    );
  }
  if (s.errors.length) lines.push(`errors: ${s.errors.join('; ')}`);
  return lines.join('\n') + '\n';
}
