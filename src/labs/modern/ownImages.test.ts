import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNPACED } from '../../core/pace';
import { ImageFileError } from '../../data/imageFiles';
import { memoryKeyValue } from '../../engine/idb';
import { fakeMnist } from '../../testing/fakeMnist';
import { IMAGES_SOURCE, MAX_OWN_IMAGES, OwnImages, type ImageFile } from './ownImages';
import { YOURS } from './pool';
import { ModernRunner } from './runner';
import { createModernStore } from './store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const file = (name: string) => Object.assign(new Blob(['x']), { name }) as ImageFile;

/** A decoder standing in for the browser's: a ".txt" is not an image; else a bar at a place from the name. */
async function decode(f: ImageFile): Promise<Uint8Array> {
  if (f.name.endsWith('.txt'))
    throw new ImageFileError(`“${f.name}” is not an image (text/plain).`);
  const ink = new Uint8Array(784);
  const col = 4 + (f.name.length % 20);
  for (let y = 4; y < 24; y++) ink[y * 28 + col] = 255;
  return ink;
}

async function lab(kv = memoryKeyValue()) {
  const store = createModernStore({ k: 10 });
  const runner = new ModernRunner(store);
  runner.set = fakeMnist();
  store.setState({ status: 'ready' });
  await runner.restore();
  const images = new OwnImages(store, { kv, pace: UNPACED, decode });
  return { store, runner, images, kv };
}

const said = (store: ReturnType<typeof createModernStore>) =>
  store
    .getState()
    .messages.filter((m) => m.source === IMAGES_SOURCE)
    .map((m) => m.text)
    .join(' | ');

describe("the visitor's own images", () => {
  it('are added, kept, stored after the digits and retrieved like them', async () => {
    const { store, runner, images, kv } = await lab();
    expect(await images.add([file('a.png'), file('bb.png')])).toBe(2);
    await runner.idle();
    const s = store.getState();
    expect(s.own.map((i) => i.name)).toEqual(['a.png', 'bb.png']);
    expect(s.stored).toHaveLength(12);
    expect(s.ownStored).toBe(2);
    expect(Array.from(s.stored.slice(10))).toEqual([40, 41]); // after the 40 digits
    expect(runner.pool!.labels[41]).toBe(YOURS);
    expect((await kv.keys()).length).toBe(2);
    expect(said(store)).toMatch(/Added 2 images/);
    // Cue with one of them (bottom half hidden): it is retrieved.
    store.setState({ source: 'own', item: -1, region: 'bottom', amount: 0.5 });
    await runner.idle();
    const r = store.getState();
    expect(r.item).toBeGreaterThanOrEqual(40);
    expect(r.retrieval!.nearest.item).toBe(r.item);
    expect(r.retrieval!.nearest.label).toBe(YOURS);
    expect(r.retrieval!.classMass).toHaveLength(11);
    runner.dispose();
  });

  it('a file that is not an image gives a message and changes nothing', async () => {
    const { store, runner, images, kv } = await lab();
    const before = store.getState().stored;
    expect(await images.add([file('notes.txt')])).toBe(0);
    await runner.idle();
    expect(said(store)).toMatch(/1 file was not added: “notes.txt” is not an image/);
    expect(store.getState().own).toEqual([]);
    expect(store.getState().stored).toBe(before); // not even stored again
    expect(await kv.keys()).toEqual([]);
    runner.dispose();
  });

  it('says the limit when given too many, and keeps the first ones', async () => {
    const { store, runner, images } = await lab();
    const files = Array.from({ length: MAX_OWN_IMAGES + 3 }, (_, i) => file(`f${i}.png`));
    expect(await images.add(files)).toBe(MAX_OWN_IMAGES);
    expect(said(store)).toMatch(
      new RegExp(
        `At most ${MAX_OWN_IMAGES} .* ${MAX_OWN_IMAGES + 3} files given, room for ${MAX_OWN_IMAGES}: 3 files were left out`,
      ),
    );
    expect(await images.add([file('one-more.png')])).toBe(0);
    expect(store.getState().own).toHaveLength(MAX_OWN_IMAGES);
    runner.dispose();
  });

  it('survive a reload (read back from the browser), and can be removed', async () => {
    const first = await lab();
    await first.images.add([file('a.png'), file('bb.png'), file('ccc.png')]);
    await first.kv.set('image:broken', { id: 'broken' });
    first.runner.dispose();
    const again = await lab(first.kv);
    await again.images.load();
    expect(again.store.getState().own.map((i) => i.name)).toEqual(['a.png', 'bb.png', 'ccc.png']);
    expect(said(again.store)).toMatch(/1 kept image was damaged/);
    await again.runner.idle();
    expect(again.store.getState().ownStored).toBe(3);
    await again.images.remove(again.store.getState().own[1].id);
    await again.runner.idle();
    expect(again.store.getState().own.map((i) => i.name)).toEqual(['a.png', 'ccc.png']);
    expect(again.store.getState().ownStored).toBe(2);
    await again.images.clear();
    await again.runner.idle();
    expect(again.store.getState().ownStored).toBe(0);
    expect((await first.kv.keys()).filter((k) => k !== 'image:broken')).toEqual([]);
    again.runner.dispose();
  });

  it('a cue from your images with none left falls back to a stored digit, saying why', async () => {
    const { store, runner, images } = await lab();
    await images.add([file('a.png')]);
    store.setState({ source: 'own', item: -1 });
    await runner.idle();
    expect(store.getState().item).toBe(40);
    await images.clear();
    await runner.idle();
    const s = store.getState();
    expect(s.source).toBe('stored');
    expect(s.stored).toContain(s.item);
    expect(s.messages.map((m) => m.text).join(' ')).toMatch(/None of your own images is kept/);
    runner.dispose();
  });
});
