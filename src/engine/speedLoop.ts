/**
 * A run loop (./runLoop) for a stepper whose speed setting, a field of its
 * store, is in steps per second: the loop moves speed / FPS steps a frame
 * and follows the setting as it changes. Used by the Human lab's watched
 * list (labs/human/watchRunner) and its day stepper (labs/human/part2/
 * memoryRunner).
 */
import { createRunLoop, type RunLoop, type RunLoopOptions } from './runLoop';
import { watchFields } from './watch';

/** Animation frames per second the speed settings assume. */
export const FPS = 60;

interface SpeedStore<S> {
  getState(): S;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

/** The fields of S that hold a number. */
type NumberField<S> = { [K in keyof S]: S[K] extends number ? K : never }[keyof S];

/**
 * A run loop calling `advance` at the store's `speed` field (steps per
 * second: speed / FPS steps a frame), with `unwatchSpeed`, which stops it
 * following that field.
 */
export function createSpeedLoop<S>(
  store: SpeedStore<S>,
  speed: NumberField<S>,
  advance: (steps: number) => boolean | void,
  options: Omit<RunLoopOptions, 'speed'>,
): { loop: RunLoop; unwatchSpeed: () => void } {
  const perFrame = (s: S) => (s[speed] as number) / FPS;
  const loop = createRunLoop(advance, { ...options, speed: perFrame(store.getState()) });
  const unwatchSpeed = watchFields(store, [speed], (s) => loop.setSpeed(perFrame(s)));
  return { loop, unwatchSpeed };
}
