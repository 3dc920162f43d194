/**
 * The lifecycle of a stepper that plays at a store's speed setting (the
 * Human lab's watched list and its days use it): a run loop (./speedLoop)
 * that start() creates with the subclass's own store watchers, dispose()
 * ends, and pause() / step() drive.
 */
import type { StoreApi } from 'zustand';
import type { RunLoop, RunLoopOptions } from './runLoop';
import { createSpeedLoop } from './speedLoop';

/** The fields of S that hold a number. */
type NumberField<S> = { [K in keyof S]: S[K] extends number ? K : never }[keyof S];

export type StepperLoopOptions = Omit<RunLoopOptions, 'onChange' | 'speed'>;

export abstract class SpeedRunner<S> {
  protected loop: RunLoop | null = null;
  private unwatch: (() => void)[] = [];

  constructor(
    protected readonly store: StoreApi<S>,
    private readonly speedField: NumberField<S>,
    private readonly loopOptions: StepperLoopOptions,
  ) {}

  /** Follows the store with a fresh run loop; safe to call again after dispose() (StrictMode mounts twice). */
  start(): void {
    if (this.loop) return;
    const { loop, unwatchSpeed } = createSpeedLoop(
      this.store,
      this.speedField,
      (n) => this.advance(n),
      { ...this.loopOptions, onChange: (playing) => this.showPlaying(playing) },
    );
    this.loop = loop;
    this.unwatch = [...this.follow(), unwatchSpeed];
  }

  /** Stops the loop and the watchers; the store says it is not playing. */
  dispose(): void {
    for (const u of this.unwatch) u();
    this.unwatch = [];
    this.loop?.dispose();
    this.loop = null;
    this.showPlaying(false);
  }

  pause(): void {
    this.loop?.pause();
  }

  /** One step forward (pauses a playing stepper). */
  step(): void {
    this.pause();
    this.advance(1);
  }

  /** The store watchers start() sets up besides the speed's. */
  protected abstract follow(): (() => void)[];
  /** Moves `n` steps forward; false at the end. */
  protected abstract advance(n: number): boolean;
  /** Writes whether the loop plays into the store. */
  protected abstract showPlaying(playing: boolean): void;
}
