import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../models/compression/registerGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommands, runCommand, runKey } from '../../engine/commands';
import { memoryKeyValue, type KeyValueStore } from '../../engine/idb';
import { inProcessWorker } from './client';
import { COMMANDS } from './commands';
import { makeLab } from './lab';
import { until } from '../../testing/until';
import type { TrainingMode } from './chunks';
import type { CompressionState } from './store';
import { NODE_JOB_ENV } from '../../testing/forLabs/compressionJobEnv';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small lab: 1,000 cells of 50 genes, 16-bit codes, one short epoch, jobs in-process. */
function testLab(query = '', forceMode?: TrainingMode, kv: KeyValueStore = memoryKeyValue()) {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const lab = makeLab(
    `records=1000&genes=50&bits=16&hidden=16&epochs=1&batch=250&queries=10&${query}`,
    {
      makeWorker: () => inProcessWorker(NODE_JOB_ENV),
      backend: async () => 'CPU',
      download: (name, bytes) => files.push({ name, bytes }),
      debounceMs: 0,
      forceMode,
      kv,
    },
  );
  return { lab, files, kv, state: () => lab.store.getState() };
}

/** A test lab, started, once its records are made. */
async function startedLab(query: string, forceMode: TrainingMode, kv?: KeyValueStore) {
  const t = testLab(query, forceMode, kv);
  t.lab.start!();
  await until(t.lab, (s) => s.data.status === 'done');
  return t;
}

const trained = (s: CompressionState) =>
  s.training.status === 'done' && s.recall.status === 'done' && s.queryView.status === 'done';

describe('the command table', () => {
  it('has no two commands on one key or id, and its keys run its verbs', () => {
    checkCommands(COMMANDS);
    const { lab, state } = testLab();
    expect(runKey(COMMANDS, lab, 't')).toBe(true); // disabled (no records yet), but handled
    expect(state().training.status).toBe('idle');
    lab.dispose();
  });

  it('checks every setting against its row and against the others', () => {
    const { lab, state } = testLab();
    runCommand(COMMANDS.setParam, lab, ['bits', 300]);
    expect(state().bits).toBe(16);
    expect(state().messages.at(-1)?.text).toMatch(/between 16 and 256/);
    expect(state().messages.at(-1)?.source).toBe('setParam:bits');
    runCommand(COMMANDS.setParam, lab, ['dataset', 'mnist']);
    runCommand(COMMANDS.setParam, lab, ['records', 20_000]);
    expect(state().records).toBe(1000);
    expect(state().messages.at(-1)?.text).toMatch(/MNIST has 10,000 digits/);
    runCommand(COMMANDS.setParam, lab, ['query', 'flip']);
    expect(state().amount).toBe(Math.round(0.3 * 16)); // a kind's own default amount
    runCommand(COMMANDS.setParam, lab, ['amount', 2.5]);
    expect(state().amount).toBe(5);
    expect(state().messages.at(-1)?.text).toMatch(/whole number of bits/);
    lab.dispose();
  });

  it('reads a bad link as defaults plus a message, and fits records to MNIST', () => {
    const { lab, state } = testLab('bits=banana&dataset=mnist&records=50000&query=noise&amount=9');
    expect(state().bits).toBe(64);
    expect(state().records).toBe(10_000);
    expect(state().amount).toBe(3);
    const texts = state()
      .messages.map((m) => m.text)
      .join(' ');
    expect(texts).toMatch(/bits/);
    expect(texts).toMatch(/MNIST has 10,000 digits/);
    expect(texts).toMatch(/does not fit a noise query/);
    expect(lab.linkQuery!(state(), 'backend=cpu')).toContain('backend=cpu');
    lab.dispose();
  });
});

describe('the lab, start to end (in-process jobs, CPU backend)', () => {
  it('generates, trains on the page, compresses, measures, exports and imports the same records', async () => {
    const { lab, files, state } = await startedLab('', 'page');
    const data = state().data.result!;
    expect(data.label).toBe('generated');
    expect(data.records).toBe(1000);
    expect(data.preview).toHaveLength(6);
    expect(data.csvBytes).toBeGreaterThan(data.records * 50);

    expect(runCommand(COMMANDS.train, lab)).toBe(true);
    await until(lab, trained);
    const t = state().training;
    expect(t.mode).toBe('page');
    expect(t.steps).toBe(4); // 1,000 records in batches of 250, one epoch
    expect(t.reason).toMatch(/on this page in chunks|told to train on this page/);
    const c = state().compressed!;
    expect(c.records).toBe(1000);
    expect(c.parts.codes).toBe(1000 * 2);
    expect(c.archiveBytes).toBe(c.parts.total);
    expect(c.roundTrip).toBe(true);
    expect(c.choice.reason).not.toBe('below-capacity'); // 1,000 codes of 16 bits: far over capacity
    const points = state().recall.result!.points;
    expect(points.map((p) => p.query)).toEqual(
      expect.arrayContaining(['missing', 'flip', 'noise']),
    );
    const flips = points.filter((p) => p.query === 'flip');
    expect(flips[0].amount).toBe(0);
    expect(flips.at(-1)!.ownRecordRate).toBeLessThanOrEqual(flips[0].ownRecordRate);
    expect(state().queryView.result!.record).toBe(0);
    await until(lab, (s) => s.lossless.status === 'done' && s.lossy.status === 'done');
    expect(state().lossless.result!.csv.codecs).toBe('node:zlib');

    expect(runCommand(COMMANDS.exportFile, lab)).toBe(true);
    expect(files).toHaveLength(1);
    expect(files[0].bytes.length).toBe(c.archiveBytes);
    runCommand(COMMANDS.importFile, lab, { name: files[0].name, bytes: files[0].bytes });
    await until(lab, (s) => s.importCheck.status === 'done');
    const check = state().importCheck.result!;
    expect(check.problems).toEqual([]);
    expect(check.identical).toBe(true);
    expect(check.compared).toBeGreaterThan(0);
    expect(check.replaced).toBe(false);
    expect(state().compressed!.id).toBe(c.id);

    runCommand(COMMANDS.importFile, lab, { name: 'x.csv', bytes: new Uint8Array(40) });
    await until(lab, (s) => s.importCheck.result?.name === 'x.csv');
    expect(state().importCheck.result!.problems[0]).toMatch(/not an Engram compressed dataset/);
    expect(state().compressed!.id).toBe(c.id); // nothing changed
    const fromImport = () => state().messages.filter((m) => m.source === 'importFile');
    expect(fromImport().map((m) => m.text)).toEqual([
      expect.stringMatching(/^x\.csv: .*not an Engram compressed dataset/),
    ]);
    // The next file's check replaces what was said of this one.
    runCommand(COMMANDS.importFile, lab, { name: files[0].name, bytes: files[0].bytes });
    await until(lab, (s) => s.importCheck.status === 'done');
    expect(state().importCheck.result!.identical).toBe(true);
    expect(fromImport()).toEqual([]);
    lab.dispose();
  });

  it('keeps the model an imported file replaced, and brings it back with one command', async () => {
    const { lab, files, state } = await startedLab('', 'page');
    runCommand(COMMANDS.train, lab);
    await until(lab, trained);
    runCommand(COMMANDS.exportFile, lab);
    const sixteen = files[0];
    runCommand(COMMANDS.setParam, lab, ['bits', 32]);
    expect(runCommand(COMMANDS.restoreReplaced, lab)).toBe(false); // nothing replaced yet
    runCommand(COMMANDS.train, lab);
    await until(lab, trained);
    const mine = state().compressed!;
    expect(mine.bits).toBe(32);
    runCommand(COMMANDS.exportFile, lab);
    const mineFile = files[1].bytes;

    runCommand(COMMANDS.importFile, lab, { name: sixteen.name, bytes: sixteen.bytes });
    // a decoder-only file: recall is measured, the hand-made query waits for flipped bits
    await until(lab, (s) => s.importCheck.status === 'done' && s.recall.status === 'done');
    expect(state().importCheck.result!.identical).toBe(false);
    expect(state().importCheck.result!.replaced).toBe(true);
    expect(state().compressed!.source).toBe('imported');
    expect(state().compressed!.bits).toBe(16);
    expect(state().replacedModel?.id).toBe(mine.id);

    expect(runCommand(COMMANDS.restoreReplaced, lab)).toBe(true);
    await until(lab, (s) => s.recall.status === 'done' && s.queryView.status === 'done');
    expect(state().compressed).toEqual(mine);
    expect(state().training.status).toBe('done');
    expect(state().replacedModel).toBeNull();
    expect(state().messages.at(-1)?.text).toMatch(/is back \(32 bits a record\)/);
    runCommand(COMMANDS.exportFile, lab);
    expect(files[2].bytes).toEqual(mineFile); // the very same file as before the import
    expect(runCommand(COMMANDS.restoreReplaced, lab)).toBe(false);
    lab.dispose();
  });

  it('keeps the model in this browser: a reload brings it back for its settings, a damaged one is deleted', async () => {
    const kv = memoryKeyValue();
    const first = await startedLab('', 'page', kv);
    runCommand(COMMANDS.train, first.lab);
    await until(first.lab, trained);
    const mine = first.state().compressed!;
    runCommand(COMMANDS.exportFile, first.lab);
    await until(first.lab, (s) => s.keptInBrowser && kv.map.has('model'));
    first.lab.dispose();

    // The same link again: the same records, and the model comes back as it was.
    const again = await startedLab('', 'page', kv);
    await until(again.lab, (s) => s.compressed !== null && s.recall.status === 'done');
    const back = again.state().compressed!;
    expect(back).toMatchObject({
      source: 'trained',
      bits: mine.bits,
      archiveBytes: mine.archiveBytes,
      epochLoss: mine.epochLoss,
      canEncode: true,
      distinctCodes: mine.distinctCodes,
    });
    expect(again.state().training).toEqual(first.state().training); // as the Train section showed it
    expect(again.state().messages.at(-1)?.text).toMatch(
      /Your model from before \(trained here, 16 bits a record\) is back/,
    );
    runCommand(COMMANDS.exportFile, again.lab);
    expect(again.files[0].bytes).toEqual(first.files[0].bytes); // the very same file
    again.lab.dispose();

    // Other settings: nothing comes back, and the kept model stays kept until they return.
    const other = await startedLab('bits=32', 'page', kv);
    await new Promise((r) => setTimeout(r, 200));
    expect(other.state().compressed).toBeNull();
    expect(kv.map.has('model')).toBe(true);
    runCommand(COMMANDS.setParam, other.lab, ['bits', 16]);
    await until(other.lab, (s) => s.compressed?.bits === 16 && s.recall.status === 'done');
    other.lab.dispose();

    // A damaged record: deleted, and said.
    kv.map.set('model', { v: 1, data: { key: {}, file: new Uint8Array(3) } });
    const damaged = await startedLab('', 'page', kv);
    await until(damaged.lab, () => !kv.map.has('model'));
    expect(damaged.state().compressed).toBeNull();
    expect(damaged.state().messages.at(-1)?.text).toMatch(
      /model kept in this browser could not be read .*so it was deleted/,
    );
    damaged.lab.dispose();

    // Full storage: the model stays on the page, the lab says it is not kept.
    const full = memoryKeyValue();
    full.set = async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    const unkept = await startedLab('', 'page', full);
    runCommand(COMMANDS.train, unkept.lab);
    await until(unkept.lab, (s) => trained(s) && s.messages.some((m) => m.source === 'keep'));
    expect(unkept.state().keptInBrowser).toBe(false);
    expect(unkept.state().compressed).not.toBeNull();
    expect(unkept.state().messages.find((m) => m.source === 'keep')!.text).toMatch(
      /storage for this site is full, so the model could not be kept/,
    );
    unkept.lab.dispose();
  });

  it('trains in a worker when told to, and a new training setting drops the model', async () => {
    const { lab, state } = await startedLab('', 'worker');
    runCommand(COMMANDS.train, lab);
    await until(lab, trained);
    expect(state().training.mode).toBe('worker');
    expect(state().training.epochLoss).toHaveLength(1);
    runCommand(COMMANDS.setParam, lab, ['bits', 32]);
    expect(state().compressed).toBeNull();
    expect(state().recall.status).toBe('idle');
    expect(runCommand(COMMANDS.exportFile, lab)).toBe(false);
    lab.dispose();
  });

  it('cancels a training run and keeps nothing', async () => {
    const { lab, state } = await startedLab('epochs=50', 'page');
    runCommand(COMMANDS.train, lab);
    await until(lab, (s) => s.training.status === 'running' && s.training.steps > 0);
    expect(runCommand(COMMANDS.cancelTraining, lab)).toBe(true);
    await until(lab, (s) => s.training.status === 'cancelled');
    expect(state().compressed).toBeNull();
    expect(state().training.steps).toBeLessThan(200);
    lab.dispose();
  });
});
