/**
 * For tests of labs whose work runs in jobs: waits until `done` holds for
 * the lab's state, polling every 10 ms; throws after `ms`.
 */
export async function until<S>(
  lab: { store: { getState(): S } },
  done: (s: S) => boolean,
  ms = 30_000,
): Promise<void> {
  const t0 = Date.now();
  while (!done(lab.store.getState())) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for the lab');
    await new Promise((r) => setTimeout(r, 10));
  }
}
