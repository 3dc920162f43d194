/**
 * Nothing lost (./keep): when the Consolidation lab opens, what this
 * browser kept is put back on screen: the stored episodes (stored again
 * from the digits), their replay set, and the visitor's VAE with its
 * training so far. A live VAE whose replays are kept can train on (Adam's
 * moments start afresh, as after a backend change).
 */
import type { Pace } from '../../core/pace';
import type { ConsolidationSession } from '../../models/consolidation/session';
import { loadVae, type Vae } from '../../models/consolidation/vae';
import { type SerialisedVae } from '../../models/consolidation/vaeParams';
import type { MinibatchTrainer } from '../../models/consolidation/vaeTrain';
import {
  replayKeyName,
  sameReplay,
  type EpisodesKey,
  type KeptWork,
  type ReplayKey,
} from './keepRecords';
import type { WorkKeeper } from './keeping';
import { showEncoded } from './steps';
import type { ConsolidationStore } from './store';
import type { LabTensors } from './tensors';
import { replayView } from './views';

/** What restoring needs from the lab's runner. */
export interface RestoreHost {
  readonly store: ConsolidationStore;
  readonly pace: Pace;
  readonly tensors: LabTensors;
  readonly keeper: WorkKeeper;
  /** True once the visitor left the lab. */
  left(): boolean;
  openSession(key: EpisodesKey & { replays?: number }): Promise<ConsolidationSession>;
  /** Makes `session` the one on screen (its episodes stored when `encoded`). */
  adopt(session: ConsolidationSession, encoded: boolean): void;
  /** Puts `vae` on screen (its copy as of `epochs` completed epochs); it has no trainer yet. */
  replaceVae(vae: Vae, weights: SerialisedVae, epochs: number): void;
  /** The session the live VAE trains on, and its cursor there. */
  setTraining(session: ConsolidationSession | null, trainer: MinibatchTrainer | null): void;
}

/** Puts back `work`; `model` tells whether a VAE came back (else the shipped one goes on screen). */
export async function restoreWork(host: RestoreHost, work: KeptWork): Promise<{ model: boolean }> {
  const { store, pace } = host;
  const s = store.getState();
  const ep = work.episodes;
  const session = await host.openSession(ep?.key ?? { episodes: s.episodes, seed: s.seed });
  if (host.left()) return { model: false };
  host.adopt(session, false);
  let screenReplay: ReplayKey | null = null;
  if (ep) {
    await host.tensors.storePaced(session.episodes, pace);
    host.adopt(session, true);
    showEncoded(store, session, ep.ms);
    host.keeper.found({ episodes: ep.key.episodes });
    const key = ep.replays === null ? null : { ...ep.key, replays: ep.replays };
    const kept = key && work.replays.get(replayKeyName(key));
    if (key && kept) {
      const t0 = performance.now();
      const result = await session.adoptReplay(kept, pace);
      const view = replayView(
        session.episodes,
        kept.key.replays,
        result.replays,
        result.episode,
        t0,
      );
      store.setState({ replay: { ...view, exact: result.exact, ms: kept.ms } });
      screenReplay = key;
      host.keeper.found({ replays: key.replays });
    }
  }
  const m = work.model;
  if (!m || host.left()) return { model: false };
  const vae = loadVae(m.vae);
  host.replaceVae(vae, m.vae, m.epochsDone);
  let trainSession: ConsolidationSession | null = null;
  if (m.origin === 'live' && m.trainedOn) {
    if (sameReplay(m.trainedOn, screenReplay)) trainSession = session;
    else {
      const kept = work.replays.get(replayKeyName(m.trainedOn));
      if (kept) {
        trainSession = await host.openSession(m.trainedOn);
        await trainSession.adoptReplay(kept, pace);
      }
    }
  }
  const trainer = trainSession?.trainer(vae, m.epochsDone) ?? null;
  host.setTraining(trainSession, trainer);
  const { epochs } = store.getState();
  const live = m.origin === 'live';
  const more = trainer !== null && m.epochsDone < epochs;
  const stuck = live && !trainer && m.epochsDone < epochs;
  store.setState({
    source: m.origin,
    vaeNote:
      m.note +
      (stuck
        ? ' Its replays are no longer kept, so it cannot train on; "Train from scratch" starts a new one.'
        : ''),
    history: [...m.history],
    trainSeconds: m.trainSeconds,
    samplesPerSecond: null,
    progress: live ? Math.min(1, m.epochsDone / epochs) : 0,
    training: live ? (more ? 'paused' : 'done') : 'idle',
  });
  host.keeper.found({ model: { origin: m.origin, epochs: m.epochsDone } });
  return { model: true };
}
