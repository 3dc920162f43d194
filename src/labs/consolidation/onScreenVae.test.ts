import { describe, expect, it } from 'vitest';
import type { Vae } from '../../models/consolidation/vae';
import { onScreenVae } from './onScreenVae';

/** A stand-in for the VAE on screen: only its `disposed` flag matters here. */
const fakeVae = (name: string) => ({ name, disposed: false }) as unknown as Vae & { name: string };
const dispose = (v: Vae) => ((v as unknown as { disposed: boolean }).disposed = true);

describe('an exploration on the VAE on screen', () => {
  it('runs once on the VAE on screen when nothing replaces it', async () => {
    const a = fakeVae('a');
    const seen: string[] = [];
    const done = await onScreenVae(
      () => a,
      async (v) => (seen.push((v as typeof a).name), 7),
    );
    expect(done).toEqual({ vae: a, result: 7 });
    expect(seen).toEqual(['a']);
  });

  it('whose VAE is replaced (and disposed) while it runs is done again on the new one', async () => {
    const a = fakeVae('a');
    const b = fakeVae('b');
    let onScreen: Vae = a;
    const seen: string[] = [];
    const done = await onScreenVae(
      () => onScreen,
      async (v) => {
        seen.push((v as typeof a).name);
        if (v === a) {
          // An epoch ends in the worker: a new VAE goes on screen, the old one is disposed.
          onScreen = b;
          dispose(a);
          throw new Error('this VAE has been disposed');
        }
        return 'on b';
      },
    );
    expect(seen).toEqual(['a', 'b']);
    expect(done).toEqual({ vae: b, result: 'on b' });
  });

  it('a result computed on a VAE replaced meanwhile is not kept: it is computed again', async () => {
    const a = fakeVae('a');
    const b = fakeVae('b');
    let onScreen: Vae = a;
    const done = await onScreenVae(
      () => onScreen,
      async (v) => {
        if (v === a) {
          onScreen = b;
          dispose(a);
        }
        return (v as typeof a).name;
      },
    );
    expect(done?.result).toBe('b');
  });

  it('stops quietly when no VAE is left or it keeps being replaced', async () => {
    expect(
      await onScreenVae(
        () => null,
        async () => 1,
      ),
    ).toBeNull();
    let n = 0;
    let onScreen = fakeVae('v0');
    const done = await onScreenVae(
      () => onScreen,
      async (v) => {
        n++;
        onScreen = fakeVae(`v${n}`);
        dispose(v);
        throw new Error('this VAE has been disposed');
      },
      3,
    );
    expect(done).toBeNull();
    expect(n).toBe(3);
  });

  it('an error with its VAE still on screen is a real one and is thrown', async () => {
    const a = fakeVae('a');
    await expect(
      onScreenVae(
        () => a,
        async () => {
          throw new Error('broken');
        },
      ),
    ).rejects.toThrow('broken');
  });
});
