import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/core/paramArgs';
import { stack, type Bipolar } from '../src/core/pattern';
import { createRng } from '../src/core/random';
import { loadSimd } from '../src/kernels/simd';
import { recall } from '../src/models/classic/dynamics';
import { learn } from '../src/models/classic/hopfield';
import { batchRecall } from '../src/models/experiments/batch';
import { simdEngine } from '../src/models/experiments/batchSimd';
import { tensorEngine } from '../src/models/experiments/batchTensor';
import { typedEngine } from '../src/models/experiments/batchTyped';
import { captureIo } from '../src/testing/cliRun';
import { main } from './experiment';
import { RECALL_PARAMS, recallConfig, recallOnMemory, runRecall } from './recall';
import { initTf } from './tf';

const config = (argv: string[]) => recallConfig(parseArgs(RECALL_PARAMS, argv));

describe('recall experiment (in process)', () => {
  it('reports the run with every documented field', async () => {
    const report = await runRecall(
      config([
        '--units',
        '300',
        '--patterns',
        '6',
        '--flips',
        '45',
        '--seed',
        '4',
        '--backend',
        'typed-array',
      ]),
    );
    expect(report).toMatchObject({
      experiment: 'recall',
      units: 300,
      patterns: 6,
      flips: 45,
      rule: 'hebbian',
      dynamics: 'sync',
      seed: 4,
      backend: 'typed-array',
      initialHamming: 45,
      finalHamming: 0,
      converged: true,
      cycled: false,
      outcome: 'target',
      outcomeIndex: 0,
    });
    expect(report.energy).toHaveLength(report.steps + 1);
    expect(report.hamming).toEqual([45, ...report.hamming.slice(1)]);
    expect(report.energy.at(-1)).toBeLessThan(report.energy[0]);
    expect(report.stepMs).toBeGreaterThan(0);
  });

  it.each(['hebbian', 'storkey', 'pseudoinverse'])(
    '%s, async: recalls and is seeded',
    async (rule) => {
      const argv = [
        '--units',
        '150',
        '--patterns',
        '5',
        '--flips',
        '20',
        '--rule',
        rule,
        '--dynamics',
        'async',
      ];
      const a = await runRecall(config(argv));
      const b = await runRecall(config(argv));
      expect(a.outcome).toBe('target');
      expect(a.order).toBe('random');
      for (let k = 1; k < a.energy.length; k++)
        expect(a.energy[k]).toBeLessThanOrEqual(a.energy[k - 1]);
      expect({ ...a, stepMs: 0, learnMs: 0 }).toEqual({ ...b, stepMs: 0, learnMs: 0 });
    },
  );

  it('the tfjs cpu backend gives the same trajectory as typed arrays', async () => {
    const argv = ['--units', '120', '--patterns', '14', '--flips', '30', '--seed', '9'];
    const typed = await runRecall(config([...argv, '--backend', 'typed-array']));
    const tfjs = await runRecall(config([...argv, '--backend', 'cpu']));
    expect(tfjs.backend).toBe('cpu');
    expect(tfjs.hamming).toEqual(typed.hamming);
    expect(tfjs.outcome).toBe(typed.outcome);
    expect(tfjs.energy.map((e) => e.toFixed(6))).toEqual(typed.energy.map((e) => e.toFixed(6)));
  });

  it('steps synchronous recall on the SIMD kernels by default, with the typed trajectory', async () => {
    const argv = ['--units', '500', '--patterns', '40', '--flips', '120', '--seed', '3'];
    const simd = await runRecall(config(argv));
    const typed = await runRecall(config([...argv, '--backend', 'typed-array']));
    expect(simd.backend).toBe('wasm-simd');
    expect(simd.steps).toBeGreaterThan(1);
    expect(simd.stepMs).toBeGreaterThan(0);
    const same = (r: typeof simd) => ({ ...r, backend: '', stepMs: 0, learnMs: 0 });
    expect(same(simd)).toEqual(same(typed));
  });

  it.each([
    [['--dynamics', 'async'], /wasm-simd steps synchronous dynamics only, not async/],
    [['--rule', 'pseudoinverse'], /the pseudoinverse rule has no SIMD kernel/],
  ])('%j on the default backend runs the typed Stepper and says so', async (extra, note) => {
    const io = captureIo();
    const argv = ['--units', '80', '--patterns', '3', '--flips', '8', ...extra];
    const report = await runRecall(config(argv), io);
    expect(report.backend).toBe('typed-array');
    expect(report.outcome).toBe('target');
    expect(io.stderr).toMatch(note);
  });

  it('storkey, sync: the SIMD engine (float32 W) recalls like typed arrays', async () => {
    const argv = ['--units', '200', '--patterns', '12', '--flips', '40', '--rule', 'storkey'];
    const simd = await runRecall(config(argv));
    const typed = await runRecall(config([...argv, '--backend', 'typed-array']));
    expect(simd.backend).toBe('wasm-simd');
    expect(simd.outcome).toBe('target');
    expect(simd.hamming).toEqual(typed.hamming);
  });

  it('flipping more than half the units falls into the inverted pattern', async () => {
    const report = await runRecall(config(['--units', '200', '--patterns', '4', '--flips', '150']));
    expect(report).toMatchObject({ outcome: 'inverted', outcomeIndex: 0, finalHamming: 200 });
  });
});

describe('experiment dispatcher', () => {
  it('prints exactly one JSON document on stdout', async () => {
    const io = captureIo();
    const code = await main(['recall', '--units', '64', '--patterns', '3', '--flips', '5'], io);
    expect(code).toBe(0);
    expect(io.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ experiment: 'recall', units: 64, flips: 5 });
  });

  it.each([
    [['nonsense'], /unknown experiment 'nonsense'/],
    [[], /usage/],
    [['recall', '--units', '10', '--flips', '11'], /--flips 11 exceeds --units 10/],
    [['recall', '--units', '0'], /--units must be at least 1/],
    [['recall', '--units', 'many'], /--units must be a number/],
    [['recall', '--patterns', '2.5'], /--patterns must be an integer/],
    [['recall', '--rule', 'oja'], /--rule must be one of hebbian, storkey, pseudoinverse/],
    [['recall', '--colour', 'red'], /unknown flag --colour/],
    [['recall', '--units'], /--units needs a value/],
    [
      ['recall', '--units', '10', '--patterns', '11', '--rule', 'pseudoinverse'],
      /patterns 11 <= --units 10/,
    ],
    [['recall', '--temperature', '1'], /--dynamics stochastic/],
  ])('%j exits with code 2 and says why on stderr', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(message);
  });

  it('--help lists the experiments; <name> --help lists its flags', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/recall/);
    const flags = captureIo();
    expect(await main(['recall', '--help'], flags)).toBe(0);
    for (const name of [
      '--units',
      '--patterns',
      '--flips',
      '--rule',
      '--dynamics',
      '--seed',
      '--max-steps',
      '--temperature',
    ]) {
      expect(flags.stdout).toContain(name);
    }
  });

  it('async with --temperature > 0 runs Glauber dynamics and says so on stderr', async () => {
    const io = captureIo();
    const argv = [
      'recall',
      '--units',
      '50',
      '--dynamics',
      'async',
      '--temperature',
      '0.5',
      '--max-steps',
      '3',
    ];
    expect(await main(argv, io)).toBe(0);
    expect(io.stderr).toMatch(/Glauber/);
    expect(JSON.parse(io.stdout)).toMatchObject({ dynamics: 'stochastic', temperature: 0.5 });
  });
});

/**
 * The three recall paths (the typed Stepper, the Experiments lab's batched
 * recall, this experiment's engine loop) on cases whose ending is known: one
 * stored pattern xi of D units (Hebbian, N = 1), so h = (xi . s) xi - s.
 * - cue xi: nothing flips, a fixed point after 1 step;
 * - cue with exactly D/2 units of xi flipped: xi . s = 0, so h = -s, every
 *   unit flips and flips back, a 2-cycle after 2 steps;
 * - the same cue with maxSteps 1: stopped by the limit after 1 step.
 */
describe('stop rules: the three recall paths agree', () => {
  const d = 300;
  const xi = Int8Array.from({ length: d }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : -1)) as Bipolar;
  const half = xi.map((v, i) => (i % 2 ? -v : v));
  const minusHalf = half.map((v) => -v);
  const cases = [
    { name: 'a fixed point', cue: xi, maxSteps: 100, final: xi, steps: 1, cycled: false },
    { name: 'a 2-cycle', cue: half, maxSteps: 100, final: half, steps: 2, cycled: true },
    { name: 'the step limit', cue: half, maxSteps: 1, final: minusHalf, steps: 1, cycled: false },
  ].map((c) => ({ ...c, converged: c.name === 'a fixed point' }));

  it.each(cases)('$name', async ({ cue, maxSteps, final, steps, converged, cycled }) => {
    const expected = { steps, converged, cycled };
    const net = learn('hebbian', stack([xi]));
    const simd = await loadSimd();
    expect(simd).not.toBeNull();
    await initTf('cpu');
    const outcomes = [];
    const stepper = recall(net, cue, { dynamics: 'sync', rng: createRng(1), maxSteps });
    outcomes.push({ path: 'Stepper', ...stepper });
    for (const engine of [typedEngine, simdEngine(simd!)]) {
      const memory = engine.network(net);
      const r = await batchRecall(memory, cue, 1, { maxSteps });
      memory.dispose();
      const one = { final: r.finals, steps: r.steps[0], converged: !!r.converged[0] };
      outcomes.push({ path: `batch ${engine.name}`, ...one, cycled: !!r.cycled[0] });
    }
    for (const engine of [simdEngine(simd!), tensorEngine()]) {
      const memory = engine.network(net);
      const r = await recallOnMemory(net, memory, cue, { maxSteps });
      memory.dispose();
      outcomes.push({ path: `recall ${engine.name}`, ...r });
    }
    expect(outcomes).toHaveLength(5);
    for (const o of outcomes) {
      const got = { path: o.path, steps: o.steps, converged: o.converged, cycled: o.cycled };
      expect(got).toEqual({ path: o.path, ...expected });
      expect(Array.from(o.final)).toEqual(Array.from(final));
    }
  });
});
