/**
 * Animation frames a test runs by hand: pass `loop` to a runner (as its
 * run-loop options) and nothing plays until the test calls `flush`.
 */
export function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    loop: { schedule: (cb: () => void) => queue.push(cb), cancel: () => {} },
    /** Runs up to `max` frames, the frames those frames schedule included. */
    flush(max = 10_000): void {
      for (let i = 0; i < max && queue.length; i++) queue.shift()!();
    },
  };
}
