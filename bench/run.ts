/**
 * `npm run bench`: the speed measurements DESIGN.md asks for ("Backends"),
 * taken in one run so their ratios compare. Timed tests never assert speed;
 * this does the measuring.
 *
 *   1. Node: one Hebbian recall step, typed arrays against tfjs cpu / wasm
 *      (D=4096 N=20 and D=8000 N=900)                           bench/node.ts
 *   2. Browser: the Classic lab's animation, 64x64 with 20 patterns, on
 *      ?backend=wasm and the automatic choice                    bench/browser.ts
 *   3. Browser: hebbianBatchStep on every tfjs backend that starts
 *                                                   bench/page, bench/browser.ts
 *   4. NumPy reference at D=8000 N=900                           bench/reference.py
 *   5. The labs' heavy steps in Node next to NumPy (Modern Hopfield:
 *      one retrieval step with 10,000 digits stored)             bench/labs.ts
 *   6. The Experiments lab: a Hebbian step at D=8000 N=900 and a whole
 *      capacity-size table to D=2500, SIMD (and with --full typed and
 *      tfjs wasm) against NumPy                                  bench/capacity.ts
 *   7. The Consolidation lab's VAE: training samples/s on every backend in
 *      Node and Chromium, and a live run's length               bench/vae.ts
 *   8. Main-thread long tasks per lab scenario (each lab's heaviest action
 *      in the built app in Chromium: longest task, tasks over 50 ms)
 *                                                                bench/longtasks.ts
 *
 * The app and the bench page are built into temporary folders and served
 * with `vite preview` on free ports; servers, browser and folders are always
 * cleaned up. Tables go to stdout, progress to stderr, everything to
 * bench/results/latest.json.
 *
 * Flags: --quick (shorter budgets, one animation window),
 *        --full (the capacity-size table on the typed and tfjs engines too,
 *        about 25 minutes more),
 *        --only=node,numpy,animation,page,labs,capacity,vae,longtasks (a subset of the sections).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launch, runAnimation, runBenchPage } from './browser';
import { runNode } from './node';
import { runCapacity, reportCapacity, type CapacitySection } from './capacity';
import { runLabs, reportLabs, type LabsSection } from './labs';
import { runLongTasks, reportLongTasks, type LongTaskSection } from './longtasks';
import { runNumpy } from './numpy';
import { runVae, reportVae, type VaeSection } from './vae';
import { report, type BenchResults } from './report';
import { cleanup, ROOT, serve, tempDir, viteBuild, type Served } from './serve';
import { reason } from './workload';

const SECTIONS = [
  'node',
  'numpy',
  'animation',
  'page',
  'labs',
  'capacity',
  'vae',
  'longtasks',
] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const full = args.includes('--full');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = new Set<Section>(
  onlyArg
    ? (onlyArg.split(',').filter((s) => (SECTIONS as readonly string[]).includes(s)) as Section[])
    : SECTIONS,
);
const unknown = args.filter((a) => a !== '--quick' && a !== '--full' && !a.startsWith('--only='));
if (unknown.length) {
  process.stderr.write(
    `usage: npm run bench -- [--quick] [--full] [--only=${SECTIONS.join(',')}]\n`,
  );
  process.exit(2);
}

const t0 = performance.now();
const log = (msg: string) =>
  process.stderr.write(
    `[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`,
  );

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  quick,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    platform: platform(),
    node: process.version,
  },
  errors: [],
};

// Everything to undo, newest first; run on success, failure and Ctrl-C.
const undo: (() => unknown)[] = [];
async function tidy(): Promise<void> {
  while (undo.length) {
    try {
      await undo.pop()!();
    } catch (e) {
      log(`cleanup: ${reason(e)}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: cleaning up`);
    void tidy().finally(() => process.exit(130));
  });
}

async function section(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    results.errors.push(`${name}: ${reason(e)}`);
    log(`${name} failed: ${reason(e)}`);
  }
}

async function browserSections(): Promise<void> {
  const wantAnimation = only.has('animation');
  const wantPage = only.has('page');
  const wantLongTasks = only.has('longtasks');
  if (!wantAnimation && !wantPage && !wantLongTasks) return;
  results.build = {};
  let app: Served | null = null;
  let page: Served | null = null;
  if (wantAnimation || wantLongTasks) {
    const dir = tempDir('app');
    undo.push(() => cleanup(dir));
    log('building the app (vite build, into a temp folder)');
    try {
      results.build.appMs = viteBuild(dir).ms;
      app = await serve(dir);
      undo.push(() => app?.close());
    } catch (e) {
      results.build.error = reason(e);
    }
  }
  if (wantPage) {
    const dir = tempDir('page');
    undo.push(() => cleanup(dir));
    log('building the bench page');
    try {
      results.build.pageMs = viteBuild(dir, 'bench/vite.config.ts').ms;
      page = await serve(dir, 'bench/vite.config.ts');
      undo.push(() => page?.close());
    } catch (e) {
      results.build.error = [results.build.error, reason(e)].filter(Boolean).join('; ');
    }
  }
  if (!app && !page) return;
  let browser: Browser;
  try {
    browser = await launch();
    undo.push(() => browser.close());
    results.browser = { version: browser.version() };
  } catch (e) {
    results.browser = { error: reason(e) };
    return;
  }
  log(`Chromium ${browser.version()}`);
  if (app && wantAnimation) {
    const served = app;
    await section('animation', async () => {
      results.animation = await runAnimation(browser, served.url, log, {
        windows: quick ? 1 : 3,
        windowMs: quick ? 1500 : 2500,
        idleMs: quick ? 1000 : 1500,
      });
    });
  }
  if (app && wantLongTasks) {
    const served = app;
    await section('longtasks', async () => {
      longtasks = await runLongTasks(browser, served.url, log, quick);
    });
  }
  if (page) {
    const served = page;
    await section('page', async () => {
      log('browser: tfjs per backend (bench page)');
      results.page = await runBenchPage(browser, served.url, log, quick);
    });
  }
}

async function main(): Promise<void> {
  if (only.has('node')) {
    await section('node', async () => {
      results.node = await runNode(log, quick);
    });
  }
  if (only.has('numpy')) {
    await section('numpy', async () => {
      results.numpy = runNumpy(8000, 900, [1, 100], log, quick);
    });
  }
  if (only.has('labs')) {
    await section('labs', async () => {
      labs = await runLabs(log, quick);
    });
  }
  if (only.has('capacity')) {
    await section('capacity', async () => {
      capacity = await runCapacity(log, { quick, full });
    });
  }
  if (only.has('vae')) {
    await section('vae', async () => {
      vae = await runVae(log, { quick, defer: (f) => undo.push(f) });
    });
  }
  await browserSections();
}

let labs: LabsSection | undefined;
let capacity: CapacitySection | undefined;
let vae: VaeSection | undefined;
let longtasks: LongTaskSection | undefined;

try {
  await main();
} finally {
  await tidy();
  results.finishedAt = new Date().toISOString();
  results.durationS = (performance.now() - t0) / 1000;
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify({ ...results, labs, capacity, vae, longtasks }, null, 2) + '\n',
  );
  process.stdout.write(
    '\n' + report(results) + '\n' + reportLabs(labs) + '\n' + reportCapacity(capacity),
  );
  if (vae) process.stdout.write('\n' + reportVae(vae));
  if (longtasks) process.stdout.write('\n' + reportLongTasks(longtasks));
  log(`wrote bench/results/latest.json`);
}
// tfjs wasm keeps Node alive with its worker pool; the work is done.
process.exit(results.errors.length ? 1 : 0);
