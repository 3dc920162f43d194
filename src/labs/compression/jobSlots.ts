/**
 * The Compression lab's job slots in its store (data, lossless, lossy,
 * recall, the hand-made query, the file check): each goes running, then
 * done with its result and time, or error with its message said on
 * screen. Nothing is written once the lab is left.
 */
import { say } from '../../engine/messages';
import type { CompressionState, CompressionStore, JobState } from './store';

export type JobSlot = 'data' | 'lossless' | 'lossy' | 'recall' | 'queryView' | 'importCheck';

export const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class JobSlots {
  constructor(
    private readonly store: CompressionStore,
    private readonly left: () => boolean,
  ) {}

  patch<K extends JobSlot>(
    key: K,
    patch: Partial<JobState<NonNullable<CompressionState[K]['result']>>>,
  ): void {
    if (this.left()) return;
    this.store.setState((s) => ({ [key]: { ...s[key], ...patch } }) as Pick<CompressionState, K>);
  }

  /** Runs a job for a store slot: running, then done with its result or error. */
  async track<K extends JobSlot, R>(
    key: K,
    source: string,
    work: (progress: (f: number) => void) => Promise<R | null>,
    toResult: (r: R) => NonNullable<CompressionState[K]['result']>,
  ): Promise<R | null> {
    const t0 = performance.now();
    this.patch(key, { status: 'running', progress: 0, error: null });
    try {
      const r = await work((f) => this.patch(key, { progress: f }));
      if (r === null || this.left()) return null;
      this.patch(key, {
        status: 'done',
        progress: 1,
        result: toResult(r),
        ms: performance.now() - t0,
      });
      return r;
    } catch (e) {
      this.patch(key, { status: 'error', error: message(e) });
      if (!this.left()) say(this.store, 'error', message(e), source);
      return null;
    }
  }
}
