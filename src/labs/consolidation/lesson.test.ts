/**
 * The Consolidation lesson on the real runner: the 10,000 digits and the
 * shipped VAE (public/models/consolidation-vae.json) read from disk, the
 * page's loading and fetch replaced by those files, work kept in memory.
 * Every step runs as the page runs it, and its claim is checked against
 * what the runner put in the store.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNPACED } from '../../core/pace';
import { loadMnistNode } from '../../data/mnistNode';
import { memoryKeyValue } from '../../engine/idb';
import { LessonRun } from '../../engine/lessons';
import { PRETRAINED_FILE } from '../../models/consolidation/consolidationPretrained';
import { LabKeep } from './keep';
import { makeLab, type ConsolidationLab } from './lab';
import { CONSOLIDATION_LESSON, CONSOLIDATION_LESSONS } from './lesson';

vi.mock('../../engine/digitsLab', () => ({
  loadDigitsAndBackend: async () => ({ set: await loadMnistNode() }),
  onBackendSwitch: () => () => undefined,
}));

const shipped = readFileSync(new URL(`../../../public/${PRETRAINED_FILE}`, import.meta.url));

beforeAll(async () => {
  await tf.setBackend('cpu');
  // What the runner and the lesson engine read of a page (no lesson link: the hash names no lab).
  vi.stubGlobal('document', { baseURI: 'http://engram.test/', documentElement: { dataset: {} } });
  vi.stubGlobal('window', { location: { hash: '' }, dispatchEvent: () => true });
  vi.stubGlobal('fetch', async (url: string) =>
    String(url).endsWith(PRETRAINED_FILE)
      ? new Response(shipped, { status: 200 })
      : new Response('', { status: 404 }),
  );
});
afterAll(() => vi.unstubAllGlobals());

/** Frees the lab once step 6's view, which follows the VAE on its own, is drawn. */
async function close(lab: ConsolidationLab): Promise<void> {
  await lab.explorer.extended();
  lab.dispose();
}

/** The lab as the page opens it, loaded; its keep in memory. */
async function open(kv = memoryKeyValue()): Promise<ConsolidationLab> {
  const lab = makeLab('', { keep: new LabKeep(kv), pace: UNPACED });
  await lab.runner.start();
  expect(lab.store.getState().status).toBe('ready');
  return lab;
}

describe('the Consolidation lesson, on the real runner and the shipped VAE', () => {
  let lab: ConsolidationLab;
  beforeAll(async () => {
    lab = await open();
  }, 120_000);
  afterAll(() => close(lab));

  CONSOLIDATION_LESSON.steps.forEach((step, i) => {
    it(`step ${i + 1}, ${step.title}: ${step.claim?.says}`, async () => {
      await step.setUp(lab);
      expect(step.claim!.check(lab)).toBeNull();
    }, 300_000);
  });
});

describe('the visitor’s work during the lesson', () => {
  it('is not written while the lesson runs, and the settings come back', async () => {
    const kv = memoryKeyValue();
    const lab = await open(kv);
    lab.store.setState({ episodes: 500, replays: 2000, extendedThreshold: 0.3 });
    const before = await new LabKeep(kv).load();
    const run = new LessonRun(lab, '/consolidation', CONSOLIDATION_LESSONS, false);
    await run.open('consolidation', 1); // stores and replays 1,000 episodes
    expect(lab.store.getState().replay?.count).toBe(1000);
    await new Promise((r) => setTimeout(r, 50)); // any write would have started
    expect(lab.store.getState().kept?.saving).toBe(false);
    const during = await new LabKeep(kv).load();
    expect(during.episodes).toEqual(before.episodes);
    expect(during.replays.size).toBe(before.replays.size);
    await run.end();
    const s = lab.store.getState();
    expect([s.episodes, s.replays, s.extendedThreshold]).toEqual([500, 2000, 0.3]);
    await close(lab);
  }, 300_000);
});
