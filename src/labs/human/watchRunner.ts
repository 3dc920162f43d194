/**
 * "Watch one list": one CMR list traced step by step (models/human/
 * watchList.ts), and the run loop that moves through its frames: every
 * study step (context drifting), the start-of-list reinstatement, then every
 * recall attempt (support, choice, context reinstated). The runner retraces
 * the list when a setting it depends on changes, keeping the frame on screen
 * where it can, and follows the speed setting itself (engine/speedLoop). A
 * slider being dragged sends many values: the runner retraces once they stop
 * (debounceMs after the last), so each step of a drag re-renders only the
 * slider and not the watched list's strip and bars (0: retrace at once, as
 * the unit tests do).
 */
import { watchFields } from '../../engine/watch';
import { createWordSampler } from '../../data/words';
import { traceList } from '../../models/human/watchList';
import { SpeedRunner, type StepperLoopOptions } from '../../engine/speedRunner';
import { cmrKeys, cmrOf, type HumanState, type HumanStore } from './store';

export const TRACE_FIELDS: readonly (keyof HumanState)[] = [
  'listLength',
  'distractor',
  'seed',
  ...cmrKeys(),
];

/** Offset of the seed that picks the watched list's word labels. */
const LABEL_SEED_OFFSET = 1_000_003;

export class WatchRunner extends SpeedRunner<HumanState> {
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Traces the first list now, so the page has something to show before start(). */
  constructor(
    store: HumanStore,
    loopOptions: StepperLoopOptions = {},
    private readonly debounceMs = 120,
  ) {
    super(store, 'speed', loopOptions);
    this.retrace();
  }

  /** Starts following the store (retrace on its fields, the speed) and retraces now. */
  override start(): void {
    if (this.loop) return;
    super.start();
    this.retrace();
  }

  protected follow(): (() => void)[] {
    return [watchFields(this.store, TRACE_FIELDS, () => this.retraceSoon())];
  }

  protected showPlaying(playing: boolean): void {
    if (this.store.getState().playing !== playing) this.store.setState({ playing });
  }

  /** The last frame's index (-1 with no trace). */
  get lastFrame(): number {
    return (this.store.getState().trace?.frames.length ?? 0) - 1;
  }

  get playing(): boolean {
    return this.loop?.playing ?? false;
  }

  toggle(): void {
    if (!this.playing && this.store.getState().frame >= this.lastFrame) this.seek(0);
    this.loop?.toggle();
  }

  back(): void {
    this.pause();
    this.seek(this.store.getState().frame - 1);
  }

  reset(): void {
    this.pause();
    this.seek(0);
  }

  /** Shows frame `i` (clamped to the trace). */
  seek(i: number): void {
    const frame = Math.max(0, Math.min(this.lastFrame, Math.round(i)));
    if (frame !== this.store.getState().frame) this.store.setState({ frame });
  }

  override dispose(): void {
    this.cancelRetrace();
    super.dispose();
  }

  protected advance(n: number): boolean {
    this.seek(this.store.getState().frame + n);
    return this.store.getState().frame < this.lastFrame;
  }

  private retraceSoon(): void {
    if (this.debounceMs <= 0) return this.retrace();
    this.cancelRetrace();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retrace();
    }, this.debounceMs);
  }

  private cancelRetrace(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private retrace(): void {
    this.cancelRetrace();
    const s = this.store.getState();
    const trace = traceList({
      listLength: s.listLength,
      distractor: s.distractor,
      seed: s.seed,
      params: cmrOf(s),
    });
    // Labels only; drawn apart from the game's lists so this list does not give them away.
    const itemWords = createWordSampler(s.seed + LABEL_SEED_OFFSET).next(s.listLength);
    const frame = Math.min(s.frame, trace.frames.length - 1);
    this.store.setState({ trace, itemWords, frame });
  }
}
