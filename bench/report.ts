/**
 * The readable tables of `npm run bench` (the JSON has everything).
 */
import type { AnimationRun, PageSection } from './browser';
import type { NodeSection } from './node';
import type { NumpySection } from './numpy';
import { fmt, ratio } from './stats';
import type { TensorTimings } from './workload';

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; platform: string; node: string };
  node?: NodeSection;
  numpy?: NumpySection;
  build?: { appMs?: number; pageMs?: number; error?: string };
  browser?: { version?: string; error?: string };
  animation?: AnimationRun[];
  page?: PageSection;
  errors: string[];
}

/** Columns padded to width; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((v, c) => (v ?? '').padEnd(widths[c])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}

const us = (ms: number) => fmt(ms * 1000);

function tensorRows(label: string, t: TensorTimings, typedSyncMs: number): string[][] {
  return t.batches.map((b) => [
    '',
    `${label} batch ${b.batch}${b.batch === 1 && !t.agrees ? ' (DISAGREES)' : ''}`,
    fmt(b.step.median),
    fmt(b.step.p95),
    fmt(b.perCueMs),
    ratio(b.perCueMs, typedSyncMs),
    String(b.step.reps),
  ]);
}

function nodeTable(n: NodeSection): string {
  const rows = [
    ['size', 'path', 'median ms', 'p95 ms', 'ms per cue', 'per cue vs typed sync', 'reps'],
  ];
  for (const s of n.sizes) {
    const t = s.typed;
    rows.push([
      s.label,
      'typed sync step',
      fmt(t.syncStep.median),
      fmt(t.syncStep.p95),
      fmt(t.syncStep.median),
      '1x',
      String(t.syncStep.reps),
    ]);
    rows.push([
      '',
      'typed async sweep (D updates)',
      fmt(t.asyncSweep.median),
      fmt(t.asyncSweep.p95),
      '',
      '',
      String(t.asyncSweep.reps),
    ]);
    rows.push([
      '',
      `typed unit update (${us(t.unitUpdate.median)} µs)`,
      fmt(t.unitUpdate.median),
      fmt(t.unitUpdate.p95),
      '',
      '',
      String(t.unitUpdate.reps),
    ]);
    if (s.simd?.ok) rows.push(...tensorRows('wasm-simd kernels', s.simd.value, t.syncStep.median));
    else if (s.simd)
      rows.push(['', `wasm-simd kernels: failed: ${s.simd.error}`, '', '', '', '', '']);
    for (const [name, o] of Object.entries(s.tfjs)) {
      if (!o) continue;
      if (o.ok) rows.push(...tensorRows(`tfjs ${name}`, o.value, t.syncStep.median));
      else rows.push(['', `tfjs ${name}: failed: ${o.error}`, '', '', '', '', '']);
    }
  }
  const starts = Object.entries(n.backends)
    .map(([k, o]) =>
      o?.ok ? `${k} ${JSON.stringify(o.value)}` : `${k} did not start: ${o?.error}`,
    )
    .join('; ');
  return `## 1. Node ${n.node}: one Hebbian recall step (ms)\n${table(rows)}\ntfjs backends: ${starts}`;
}

function animationTable(runs: AnimationRun[]): string {
  const rows = [
    [
      'backend',
      'scenario',
      'badge',
      'idle fps',
      'fps',
      'fps/idle',
      'median ms',
      'p95 ms',
      'longest ms',
      'slow frames',
      'long tasks',
      'longest task ms',
      'cycles',
      '1st verdict ms',
      'cycle ms',
    ],
  ];
  for (const r of runs) {
    const s = r.summary;
    if (!s) {
      rows.push([r.choice, r.label, r.backend ?? '', `failed: ${r.error ?? 'no windows'}`]);
      continue;
    }
    rows.push([
      r.choice === 'auto' ? 'auto' : `?backend=${r.choice}`,
      r.label,
      r.backend ?? '',
      fmt(r.idle?.fps),
      fmt(s.fps),
      fmt(s.fpsVsIdle),
      fmt(s.medianMs),
      fmt(s.p95Ms),
      fmt(s.longestMs),
      fmt(s.slowFrames),
      fmt(s.longTasks),
      fmt(s.longestTaskMs),
      fmt(s.cycles),
      fmt(s.firstCycleMs),
      fmt(s.medianCycleMs),
    ]);
  }
  const badges = [...new Set(runs.map((r) => `${r.choice}: "${r.badge ?? '?'}"`))].join('; ');
  const head = '## 2. Browser: Classic lab animation, 64x64, 20 patterns (medians over windows)';
  return `${head}\n${table(rows)}\nbadge text: ${badges}\n\n${breakdownTable(runs)}`;
}

function breakdownTable(runs: AnimationRun[]): string {
  const traced = runs.filter((r) => r.breakdown);
  if (!traced.length) return '';
  const rows = [
    [
      'scenario (traced window)',
      'fps',
      'script',
      'GC',
      'style+layout',
      'paint+commit',
      'other',
      'idle',
      'top main-thread events (ms in window)',
    ],
  ];
  for (const r of traced) {
    const b = r.breakdown!;
    const p = b.perFrameMs;
    const top = b.topEvents
      .slice(0, 5)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
    rows.push([
      r.label,
      fmt(b.fps),
      fmt(p.script),
      fmt(p.gc),
      fmt(p.styleLayout),
      fmt(p.paintCommit),
      fmt(p.other),
      fmt(p.idle),
      top,
    ]);
  }
  return `Renderer main thread, ms per frame (one extra traced window each):\n${table(rows)}`;
}

function pageTable(p: PageSection): string {
  const r = p.results;
  if (!r)
    return `## 3. Browser: tfjs per backend\nno results: ${p.error ?? p.timedOut ?? 'unknown'}`;
  const syncMs = r.typed?.syncStep.median ?? NaN;
  const rows = [
    [
      'path',
      'status / adapter',
      'batch 1 ms',
      'batch 100 ms',
      'b100 per cue ms',
      'b1 vs typed sync',
      'b100/cue vs typed sync',
    ],
  ];
  if (r.typed) {
    const t = r.typed;
    rows.push(['typed sync step', '', fmt(syncMs), '', '', '1x', '']);
    rows.push(['typed async sweep', '', fmt(t.asyncSweep.median), '', '', '', '']);
    rows.push([
      'typed unit update',
      `${us(t.unitUpdate.median)} µs`,
      fmt(t.unitUpdate.median),
      '',
      '',
      '',
      '',
    ]);
  } else rows.push(['typed', `failed: ${r.typedError}`, '', '', '', '', '']);
  for (const b of r.backends) {
    if (!b.started || !b.tensor) {
      rows.push([b.name, `did not start: ${b.error ?? 'unknown'}`, '', '', '', '', '']);
      continue;
    }
    const [b1, b100] = b.tensor.batches;
    const who = b.adapter ? `${b.adapter}${b.software ? ' (software)' : ''}` : 'started';
    rows.push([
      `tfjs ${b.name}${b.tensor.agrees ? '' : ' (DISAGREES)'}`,
      who,
      fmt(b1?.step.median),
      fmt(b100?.step.median),
      fmt(b100?.perCueMs),
      ratio(b1?.step.median, syncMs),
      ratio(b100?.perCueMs, syncMs),
    ]);
  }
  const hang = p.timedOut ? `\nthe page timed out while ${p.timedOut}` : '';
  const modern = [['backend', 'modern step ms (10,000 x 784 stored, 1 cue)', 'reps']];
  if (r.simdModern) {
    modern.push([
      'WebAssembly SIMD kernels (real digits)',
      fmt(r.simdModern.medianMs),
      String(r.simdModern.reps),
    ]);
  } else if (r.simdModernError) modern.push(['WebAssembly SIMD kernels', r.simdModernError, '']);
  for (const b of r.backends) {
    if (b.modern) modern.push([b.name, fmt(b.modern.medianMs), String(b.modern.reps)]);
  }
  const modernTable =
    modern.length > 1
      ? `\n\nModern Hopfield in the browser, per backend (median ms):\n${table(modern)}`
      : '';
  return `## 3. Browser: one Hebbian step, D=${r.d}, N=${r.n} (median ms)\n${table(rows)}${hang}${modernTable}\n${r.userAgent}`;
}

/** The fastest Engram way to do one step for 1 cue and for 100 cues at D=8000, N=900 (Node). */
export function fastestEngram(n: NodeSection | undefined, d: number, nPat: number) {
  const size = n?.sizes.find((s) => s.d === d && s.n === nPat);
  if (!size) return null;
  const one: [string, number][] = [['typed sync step', size.typed.syncStep.median]];
  const hundred: [string, number][] = [['typed sync step x100', size.typed.syncStep.median * 100]];
  if (size.simd?.ok) {
    for (const b of size.simd.value.batches) {
      (b.batch === 1 ? one : hundred).push([`wasm-simd batch ${b.batch}`, b.step.median]);
    }
  }
  for (const [name, o] of Object.entries(size.tfjs)) {
    if (!o?.ok) continue;
    for (const b of o.value.batches) {
      (b.batch === 1 ? one : hundred).push([`tfjs ${name} batch ${b.batch}`, b.step.median]);
    }
  }
  const best = (xs: [string, number][]) => xs.reduce((a, b) => (b[1] < a[1] ? b : a));
  return { batch1: best(one), batch100: best(hundred) };
}

function numpyTable(np: NumpySection, node: NodeSection | undefined): string {
  const head = `## 4. NumPy reference, D=${np.d}, N=${np.n} (median ms)`;
  if (np.skipped) return `${head}\nskipped: ${np.skipped}`;
  const best = fastestEngram(node, np.d, np.n);
  const rows = [['path', 'batch 1 ms', 'batch 100 ms', 'Engram fastest / this (b1)', '(b100)']];
  for (const run of np.runs) {
    if (!run.batches) {
      rows.push([`numpy, threads ${run.threads}`, `failed: ${run.error}`]);
      continue;
    }
    const b1 = run.batches.find((b) => b.batch === 1)?.median;
    const b100 = run.batches.find((b) => b.batch === 100)?.median;
    rows.push([
      `numpy ${run.numpy}, BLAS threads ${run.threads}`,
      fmt(b1),
      fmt(b100),
      ratio(best?.batch1[1], b1),
      ratio(best?.batch100[1], b100),
    ]);
  }
  if (best) {
    rows.push([`Engram fastest, 1 cue: ${best.batch1[0]}`, fmt(best.batch1[1]), '', '', '']);
    rows.push([`Engram fastest, 100 cues: ${best.batch100[0]}`, '', fmt(best.batch100[1]), '', '']);
  }
  return `${head}\n${table(rows)}`;
}

export function report(r: BenchResults): string {
  const parts = [
    `# Engram bench, ${r.startedAt} (${r.machine.cpus} CPUs, ${r.machine.cpuModel}${r.quick ? ', --quick' : ''})`,
  ];
  if (r.node) parts.push(nodeTable(r.node));
  if (r.animation) parts.push(animationTable(r.animation));
  if (r.page) parts.push(pageTable(r.page));
  if (r.numpy) parts.push(numpyTable(r.numpy, r.node));
  if (r.build?.error) parts.push(`build failed: ${r.build.error}`);
  if (r.browser?.error) parts.push(`browser failed: ${r.browser.error}`);
  if (r.errors.length) parts.push(`errors:\n${r.errors.map((e) => `- ${e}`).join('\n')}`);
  if (r.durationS) parts.push(`took ${fmt(r.durationS)} s`);
  return parts.join('\n\n') + '\n';
}
