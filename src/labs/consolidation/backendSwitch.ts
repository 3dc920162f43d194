/**
 * A backend change (e.g. a lost GPU device) leaves the Consolidation lab's
 * tensors behind: the VAE is made again from its last copy (the shipped
 * weights, or the last completed epoch) and the hippocampus from the
 * stored episodes, on the new backend (./tensors). A live run in progress
 * stops there and waits for Play; its history goes back to that epoch.
 */
import { say } from '../../engine/messages';
import type { LiveTraining } from './liveTraining';
import type { ConsolidationStore } from './store';
import type { LabTensors } from './tensors';

/** What the rebuild needs from the lab's runner. */
export interface RebuildHost {
  readonly store: ConsolidationStore;
  readonly tensors: LabTensors;
  readonly live: LiveTraining;
  /** True once the visitor left the lab. */
  left(): boolean;
  /** Metrics and map of the VAE on screen. */
  refresh(): Promise<void>;
}

/** Rebuilds the tensors on the backend named `backendLabel`, once the work in flight has stopped. */
export async function rebuildOnBackend(host: RebuildHost, backendLabel: string): Promise<void> {
  const { store, tensors, live: training } = host;
  training.pauseRequested = true;
  await training.running;
  // Storing or replaying: let it finish (or fail) on the old tensors first.
  while (store.getState().busy && !host.left()) await new Promise((r) => setTimeout(r, 50));
  if (host.left()) return;
  tensors.rebuild();
  const s = store.getState();
  const live = s.source === 'live';
  const vae = tensors.vae;
  const epochsDone = live ? tensors.savedEpochs : 0;
  training.dropRemote();
  if (live) training.restartAt(vae, epochsDone);
  const stopped = live && s.training !== 'idle';
  const more = epochsDone < s.epochs;
  store.setState({
    history: live ? s.history.slice(0, epochsDone) : s.history,
    training: stopped ? (more ? 'paused' : 'done') : s.training,
    progress: live ? epochsDone / s.epochs : s.progress,
  });
  const what = tensors.hippocampus ? 'the VAE and the hippocampus were' : 'the VAE was';
  const epoch = live ? ` (the VAE as it was after epoch ${epochsDone})` : '';
  const play = stopped && more ? ' Press Play to train on.' : '';
  say(
    store,
    'info',
    `The maths backend changed to ${backendLabel}: ${what} rebuilt on it${epoch}.${play}`,
  );
  await host.refresh();
}
