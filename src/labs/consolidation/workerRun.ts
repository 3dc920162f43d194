/**
 * A live run of the VAE in the training worker (./trainClient), as the page
 * sees it: the progress bar and speed from the worker's messages, and at
 * each epoch's end the VAE on screen rebuilt from the weights it sent,
 * measured on the held-out digits (in chunks, on the page's pace), kept,
 * and its map redrawn. Pause asks the worker to stop before its next
 * minibatch and waits for its `stopped`; a new number of epochs while it
 * runs moves its target.
 */
import type { Pace } from '../../core/pace';
import { type ConsolidationSession } from '../../models/consolidation/session';
import { epochRecord } from '../../models/consolidation/pipeline';
import type { Vae } from '../../models/consolidation/vae';
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import type { ConsolidationStore } from './store';
import type { WorkerTrainer } from './trainClient';

/** What the run needs from the lab's runner. */
export interface WorkerRunHost {
  readonly store: ConsolidationStore;
  readonly pace: Pace;
  /** True once the visitor asked to pause (or left the lab). */
  pausing(): boolean;
  /** True when the page no longer wants the result (the lab was left, or its tensors are rebuilt). */
  gone(): boolean;
  /** Puts a VAE made from `weights` (as of `epochs` completed epochs) on screen and returns it. */
  showEpoch(weights: SerialisedVae, epochs: number): Vae;
  keepModel(): void;
  refreshMap(vae: Vae): Promise<void>;
}

/** Trains to the store's epochs (or a pause); throws when the worker fails. */
export async function runInWorker(
  host: WorkerRunHost,
  remote: WorkerTrainer,
  session: ConsolidationSession,
): Promise<void> {
  const { store } = host;
  const epochs = () => store.getState().epochs;
  if (remote.epochsDone >= epochs()) return;
  store.setState({ training: 'running', busy: 'Training…' });
  const n = remote.n;
  let mark = performance.now();
  let seconds = store.getState().trainSeconds;
  const tick = () => {
    const now = performance.now();
    seconds += (now - mark) / 1000;
    mark = now;
    const done = remote.epochsDone * n + remote.position;
    return {
      progress: done / (n * epochs()),
      trainSeconds: seconds,
      samplesPerSecond: done / Math.max(seconds, 1e-3),
    };
  };
  let target = epochs();
  let pausing = false;
  await host.pace.pause(); // the click's own task ends here
  remote.run(target);
  for (;;) {
    if (host.pausing() && !pausing) {
      remote.pause();
      pausing = true;
    } else if (!pausing && epochs() !== target) remote.run((target = epochs()));
    const ev = await remote.next();
    if (host.gone()) return;
    if (ev.type === 'stopped') break;
    if (ev.type === 'progress') {
      store.setState(tick());
      continue;
    }
    const vae = host.showEpoch(ev.weights, remote.epochsDone);
    const measured = await session.evaluate(vae, host.pace);
    if (vae.disposed || host.gone()) return;
    store.setState((st) => ({
      history: [...st.history, epochRecord(ev.stats, measured)],
      ...tick(),
    }));
    host.keepModel();
    await host.refreshMap(vae);
  }
  const finished = remote.epochsDone >= epochs();
  const e = epochs();
  store.setState((st) => ({
    ...tick(),
    training: finished ? 'done' : 'paused',
    vaeNote: finished
      ? `Trained live on ${n.toLocaleString('en')} replays for ${e} epoch${e === 1 ? '' : 's'} in ${seconds.toFixed(0)} s (in a worker).`
      : st.vaeNote,
  }));
  if (finished) host.keepModel();
}
