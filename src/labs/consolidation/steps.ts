/**
 * Steps 1 and 2 of the Consolidation lab, as the runner (./runner) drives
 * them: storing the session's episodes in the hippocampus, and replaying
 * from noise cues. Both run in chunks sized by the lab's pace (about 20 ms
 * of work, then a yield to the page): the episodes are stored in blocks of
 * rows, the replay goes a few cues at a time, and the replays on screen are
 * redrawn at most every REPLAY_VIEW_MS. The chunks never change the numbers
 * (the models' tests check it).
 */
import type { Pace } from '../../core/pace';
import { REPLAY_BATCH } from '../../models/consolidation/replay';
import type { StoredPatterns } from '../../models/modern/modernHopfield';
import type { ConsolidationSession } from '../../models/consolidation/session';
import type { EpisodesKey, ReplayKey } from './keepRecords';
import type { WorkKeeper } from './keeping';
import { sayFailed, type ConsolidationStore } from './store';
import type { LabTensors } from './tensors';
import { replayView } from './views';

/** The replays on screen are redrawn at most this often while a replay runs (ms). */
const REPLAY_VIEW_MS = 120;

const sameIndices = (a: Int32Array, b: Int32Array | undefined) =>
  b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** What steps 1 and 2 need from the lab's runner. */
export interface StepsHost {
  readonly store: ConsolidationStore;
  readonly pace: Pace;
  readonly tensors: LabTensors;
  readonly keeper: WorkKeeper;
  /** True once the visitor left the lab. */
  left(): boolean;
  /** True while the tensors are rebuilt on a new backend (a failure then is expected). */
  rebuilding(): boolean;
  /** The session for these settings (no tensors yet), gathered in chunks. */
  openSession(key: EpisodesKey): Promise<ConsolidationSession>;
  /** Makes `session` the one on screen, its episodes stored. */
  adopt(session: ConsolidationSession): void;
  /** Metrics and map of the VAE on screen. */
  refresh(): Promise<void>;
}

/** Step 1's view: how many episodes, how long, the first twelve. */
export function showEncoded(
  store: ConsolidationStore,
  session: ConsolidationSession,
  ms: number,
): void {
  const { d, n, images, labels } = session.episodes;
  const sample = Array.from({ length: Math.min(12, n) }, (_, i) =>
    images.slice(i * d, (i + 1) * d),
  );
  store.setState({
    encoded: {
      count: n,
      ms,
      sample,
      sampleLabels: Array.from(labels.subarray(0, sample.length)),
    },
    replay: null,
    partial: null,
  });
}

/** The replays of `session` as their keep's settings. */
export function replayKey(session: ConsolidationSession): ReplayKey | null {
  const r = session.replayed;
  const { episodes, seed } = session.config;
  return r ? { episodes, seed, replays: r.episode.length } : null;
}

/**
 * Step 1: a session from the settings, its episodes stored in the
 * hippocampus; `previous` is the session on screen until then.
 */
export async function encodeStep(
  host: StepsHost,
  previous: ConsolidationSession | null,
): Promise<void> {
  const { store, pace } = host;
  store.setState({ busy: 'Storing episodes…' });
  try {
    await pace.pause(); // the click's own task ends here
    const t0 = performance.now();
    const { episodes, seed } = store.getState();
    const session = await host.openSession({ episodes, seed });
    if (host.left()) return;
    const memory = await host.tensors.storePaced(session.episodes, pace);
    await memory.norms.data();
    if (host.left()) return;
    const newHeldOut = !sameIndices(session.split.heldOut, previous?.split.heldOut);
    host.adopt(session);
    const ms = performance.now() - t0;
    showEncoded(store, session, ms);
    host.keeper.episodes({ episodes, seed }, ms);
    // Another seed or more episodes: other held-out digits, so the map and metrics follow.
    if (newHeldOut) await host.refresh();
  } catch (e) {
    sayFailed(store, 'Storing', e, 'encode', host.rebuilding());
  } finally {
    if (!host.left()) store.setState({ busy: null });
  }
}

/** Step 2: replay from noise cues; shows the first replays as they come out. */
export async function replayStep(
  host: StepsHost,
  session: ConsolidationSession,
  memory: StoredPatterns,
): Promise<void> {
  const { store, pace } = host;
  store.setState({ busy: 'Replaying…' });
  try {
    await pace.pause();
    const t0 = performance.now();
    session.startReplay(store.getState().replays);
    let shownAt = -Infinity;
    for (;;) {
      const k = pace.chunk('replay', REPLAY_BATCH);
      const t = performance.now();
      const p = await session.replay(memory, k, pace);
      if (!p.result) pace.record('replay', k, performance.now() - t);
      if (host.left()) return;
      if (p.result || performance.now() - shownAt > REPLAY_VIEW_MS) {
        store.setState({
          replay: replayView(session.episodes, p.done, p.replays, p.episode, t0),
        });
        shownAt = performance.now();
      }
      if (p.result) {
        const { exact } = p.result;
        const ms = performance.now() - t0;
        store.setState((st) => ({ replay: st.replay && { ...st.replay, exact, ms } }));
        const storeMs = store.getState().encoded?.ms ?? 0;
        const { replays, episode } = p.result;
        host.keeper.replay(replayKey(session)!, replays, episode, ms, storeMs);
        return;
      }
      await pace.pause();
    }
  } catch (e) {
    sayFailed(store, 'Replay', e, 'replay', host.rebuilding());
  } finally {
    if (!host.left()) store.setState({ busy: null });
  }
}
