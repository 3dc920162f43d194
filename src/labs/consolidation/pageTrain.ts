/**
 * A live run of the VAE on the page, where there is no worker (or after the
 * worker failed): a few minibatches at a time, sized by the lab's pace, so
 * no task comes near 50 ms even on WASM. At each epoch's end the VAE is
 * measured on the held-out digits, copied (./tensors), kept and its map
 * redrawn. Pause stops between chunks and Play goes on from the next
 * minibatch, which gives the same VAE as an uninterrupted run.
 */
import { type ConsolidationSession } from '../../models/consolidation/session';
import { epochRecord } from '../../models/consolidation/pipeline';
import type { Vae } from '../../models/consolidation/vae';
import type { MinibatchTrainer } from '../../models/consolidation/vaeTrain';
import { sayFailed } from './store';
import type { LabTensors } from './tensors';
import type { WorkerRunHost } from './workerRun';

/** Most minibatches in one chunk of training (the pace usually takes one to three). */
const MAX_TRAIN_CHUNK = 16;

/** What the run needs from the lab's runner. */
export interface PageTrainHost extends Omit<WorkerRunHost, 'showEpoch'> {
  readonly tensors: LabTensors;
  /** True once the visitor left the lab. */
  left(): boolean;
}

/** Trains `vae` with `trainer` to the store's epochs (or a pause); a failure is said. */
export async function trainOnPage(
  host: PageTrainHost,
  vae: Vae,
  trainer: MinibatchTrainer,
  session: ConsolidationSession,
): Promise<void> {
  const { store } = host;
  const s = store.getState();
  store.setState({ training: 'running', busy: 'Training…' });
  const n = trainer.n;
  const epochs = () => store.getState().epochs;
  let mark = performance.now();
  let seconds = s.trainSeconds;
  const progress = () => {
    const done = trainer.epochsDone * n + trainer.position;
    return {
      progress: done / (n * epochs()),
      trainSeconds: seconds,
      samplesPerSecond: done / Math.max(seconds, 1e-3),
    };
  };
  try {
    await host.pace.pause();
    while (trainer.epochsDone < epochs() && !host.pausing()) {
      const k = host.pace.chunk('train', MAX_TRAIN_CHUNK);
      const t = performance.now();
      let steps = 0;
      const stats = await trainer.train(k, () => steps++);
      if (steps > 0) host.pace.record('train', steps, performance.now() - t);
      await host.pace.pause();
      const now = performance.now();
      if (stats) {
        seconds += (now - mark) / 1000;
        const ev = await session.evaluate(vae, host.pace);
        await host.tensors.snapshot(trainer.epochsDone);
        store.setState((st) => ({
          history: [...st.history, epochRecord(stats, ev)],
          ...progress(),
        }));
        host.keepModel();
        await host.refreshMap(vae);
        mark = performance.now();
      } else if (now - mark > 250) {
        seconds += (now - mark) / 1000;
        mark = now;
        store.setState(progress());
      }
      if (vae.disposed) break;
    }
    if (host.gone()) return;
    const finished = trainer.epochsDone >= epochs();
    const e = epochs();
    store.setState((st) => ({
      training: finished ? 'done' : 'paused',
      trainSeconds: seconds,
      vaeNote: finished
        ? `Trained live on ${n.toLocaleString('en')} replays for ${e} epoch${e === 1 ? '' : 's'} in ${seconds.toFixed(0)} s.`
        : st.vaeNote,
    }));
    if (finished) host.keepModel();
  } catch (e) {
    // On a lost backend the loop fails; rebuild() takes over from the last copy.
    if (!host.gone()) sayFailed(store, 'Training', e, 'train');
  } finally {
    if (!host.left()) store.setState({ busy: null });
  }
}
