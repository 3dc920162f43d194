import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/testing/cliRun';
import { main } from './experiment';

describe('npm run experiment -- modern-framing', () => {
  it('prints the accuracy as drawn, framed and as in the data', async () => {
    const io = captureIo();
    const status = await main('modern-framing --stored 300 --cues 30 --seed 2'.split(' '), io);
    expect(status).toBe(0);
    const r = JSON.parse(io.stdout);
    expect(r).toMatchObject({ experiment: 'modern-framing', config: { stored: 300, cues: 30 } });
    expect(r.accuracy.framed).toBeGreaterThan(r.accuracy.drawn + 0.2);
    expect(r.meanScale).toBeGreaterThan(0.55);
  });

  it('refuses a scale range upside down with exit code 2', async () => {
    const io = captureIo();
    expect(await main('modern-framing --min-scale 1 --max-scale 0.5'.split(' '), io)).toBe(2);
    expect(io.stderr).toMatch(/exceeds --max-scale/);
  });
});
