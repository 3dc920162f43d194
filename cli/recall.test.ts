import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/core/params';
import type { Io } from './define';
import { main } from './experiment';
import { RECALL_PARAMS, recallConfig, runRecall } from './recall';

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
  };
  return io;
}

const config = (argv: string[]) => recallConfig(parseArgs(RECALL_PARAMS, argv));

describe('recall experiment (in process)', () => {
  it('reports the run with every documented field', async () => {
    const report = await runRecall(
      config(['--units', '300', '--patterns', '6', '--flips', '45', '--seed', '4']),
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
    const typed = await runRecall(config(argv));
    const tfjs = await runRecall(config([...argv, '--backend', 'cpu']));
    expect(tfjs.backend).toBe('cpu');
    expect(tfjs.hamming).toEqual(typed.hamming);
    expect(tfjs.outcome).toBe(typed.outcome);
    expect(tfjs.energy.map((e) => e.toFixed(6))).toEqual(typed.energy.map((e) => e.toFixed(6)));
  });

  it('flipping more than half the units falls into the inverted pattern', async () => {
    const report = await runRecall(config(['--units', '200', '--patterns', '4', '--flips', '150']));
    expect(report).toMatchObject({ outcome: 'inverted', outcomeIndex: 0, finalHamming: 200 });
  });
});

describe('experiment dispatcher', () => {
  it('prints exactly one JSON document on stdout', async () => {
    const io = capture();
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
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(message);
  });

  it('--help lists the experiments; <name> --help lists its flags', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/recall/);
    const flags = capture();
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
    const io = capture();
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
