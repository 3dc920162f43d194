import { describe, expect, it } from 'vitest';
import { runExperimentCommand as run } from '../src/testing/cliRun';

describe('npx tsx cli/experiment.ts', () => {
  it('recall prints one JSON document on stdout', () => {
    const child = run([
      'recall',
      '--units',
      '400',
      '--patterns',
      '20',
      '--flips',
      '60',
      '--rule',
      'hebbian',
      '--dynamics',
      'async',
      '--seed',
      '2',
    ]);
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout);
    for (const key of [
      'experiment',
      'units',
      'patterns',
      'flips',
      'rule',
      'dynamics',
      'seed',
      'initialHamming',
      'finalHamming',
      'steps',
      'converged',
      'outcome',
      'energy',
      'backend',
      'stepMs',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(report).toMatchObject({
      experiment: 'recall',
      units: 400,
      patterns: 20,
      flips: 60,
      initialHamming: 60,
      backend: 'typed-array',
    });
    expect(Array.isArray(report.energy)).toBe(true);
  });

  it('a bad flag exits with code 2, a message on stderr and nothing on stdout', () => {
    const child = run(['recall', '--units', '5', '--flips', '9']);
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/--flips 9 exceeds --units 5/);
  });
});
