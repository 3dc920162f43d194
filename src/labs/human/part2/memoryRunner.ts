/**
 * The day stepper's time: a run loop (engine/runLoop) that moves one frame
 * (study, sleep, test) per step, computing each day's frames when the
 * stepper first reaches it (a few ms a day). It starts over when the seed
 * changes, keeps the frames it has when only the number of days changes
 * (the schedule of the first days does not depend on how many follow), and
 * follows the speed setting itself (engine/speedLoop).
 */
import { watchFields } from '../../../engine/watch';
import { emptyState, type EpisodeEvent } from '../../../models/human/consolidatingMemory';
import { makeSchedule } from '../../../models/human/memorySchedule';
import { SpeedRunner, type StepperLoopOptions } from '../../../engine/speedRunner';
import { dayFrames, type MemoryFrame } from './memoryView';
import type { MemoryStepper, Part2State, Part2Store } from './store';

export class MemoryRunner extends SpeedRunner<Part2State> {
  private schedule: EpisodeEvent[][] = [];

  constructor(store: Part2Store, loopOptions: StepperLoopOptions = {}) {
    super(store, 'memorySpeed', loopOptions);
    this.restart();
  }

  protected follow(): (() => void)[] {
    return [
      watchFields(this.store, ['memorySeed'], () => this.restart()),
      watchFields(this.store, ['memoryDays'], () => this.resize()),
    ];
  }

  protected showPlaying(playing: boolean): void {
    this.patch({ playing });
  }

  get atEnd(): boolean {
    const m = this.store.getState().memory;
    return m.step >= m.total - 1;
  }

  toggle(): void {
    if (!this.loop) return;
    if (!this.loop.playing && this.atEnd) this.reset();
    this.loop.toggle();
  }

  /** Back to the start: an empty memory before day 1 (frames already computed are kept). */
  reset(): void {
    this.pause();
    this.patch({ step: -1 });
  }

  private patch(p: Partial<MemoryStepper>): void {
    this.store.setState({ memory: { ...this.store.getState().memory, ...p } });
  }

  /** Moves `n` frames forward, computing days as needed; false at the end. */
  protected advance(n: number): boolean {
    const m = this.store.getState().memory;
    let frames = m.frames;
    let step = m.step;
    for (let k = 0; k < n && step < m.total - 1; k++) {
      if (step + 1 >= frames.length) frames = [...frames, ...this.nextDay(frames)];
      step++;
    }
    this.patch({ frames, step });
    return step < m.total - 1;
  }

  private nextDay(frames: readonly MemoryFrame[]): MemoryFrame[] {
    const day = frames.length / 3;
    const last = frames[frames.length - 1];
    const before = this.schedule.slice(0, day).flat();
    const seed = this.store.getState().memorySeed;
    return dayFrames(last?.state ?? emptyState(), day, this.schedule[day], before, seed);
  }

  /** A new schedule from the seed; the stepper goes back to the start. */
  private restart(): void {
    this.pause();
    const { memoryDays, memorySeed } = this.store.getState();
    this.schedule = makeSchedule(memoryDays, memorySeed);
    this.patch({ frames: [], step: -1, total: 3 * memoryDays });
  }

  /** More or fewer days: the schedule's first days stay the same, so the frames so far are kept. */
  private resize(): void {
    const { memoryDays, memorySeed, memory } = this.store.getState();
    this.schedule = makeSchedule(memoryDays, memorySeed);
    const total = 3 * memoryDays;
    const frames = memory.frames.slice(0, total);
    this.patch({ frames, total, step: Math.min(memory.step, total - 1) });
  }
}
