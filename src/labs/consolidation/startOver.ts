/**
 * "Start over", after the visitor confirmed: everything this browser kept
 * is deleted (./keeping) and the Consolidation lab is as it opens: no
 * stored episodes, no replays, the shipped VAE. The settings (in the link)
 * stay. The runner (./runner) stops the training first.
 */
import { say } from '../../engine/messages';
import type { ConsolidationSession } from '../../models/consolidation/session';
import type { EpisodesKey } from './keepRecords';
import type { WorkKeeper } from './keeping';
import { sayFailed, type ConsolidationStore } from './store';

/** What starting over needs from the lab's runner. */
export interface StartOverHost {
  readonly store: ConsolidationStore;
  readonly keeper: WorkKeeper;
  /** True once the visitor left the lab. */
  left(): boolean;
  /** Frees the stored episodes: none are on screen from now on. */
  forgetEpisodes(): void;
  openSession(key: EpisodesKey): Promise<ConsolidationSession>;
  /** Makes `session` the one on screen, with no episodes stored. */
  adopt(session: ConsolidationSession): void;
  /** The shipped VAE on screen. */
  showShipped(): void;
  /** Metrics and map of the VAE on screen. */
  refresh(): Promise<void>;
}

export async function startOverWork(host: StartOverHost): Promise<void> {
  const { store } = host;
  store.setState({ busy: 'Starting over…', confirmingStartOver: false });
  try {
    const cleared = await host.keeper.clear();
    host.forgetEpisodes();
    const s = store.getState();
    const session = await host.openSession({ episodes: s.episodes, seed: s.seed });
    host.adopt(session);
    if (host.left()) return;
    host.showShipped();
    store.setState({
      encoded: null,
      replay: null,
      partial: null,
      progress: 0,
      trainSeconds: 0,
      samplesPerSecond: null,
      distortion: null,
      fewShot: null,
      imagination: null,
      interpolation: null,
      probe: null,
      boundary: null,
    });
    say(
      store,
      'info',
      cleared
        ? 'Started over: the stored episodes, the replays and the trained VAE kept in this browser are deleted. The settings stay in the link.'
        : 'Started over on this page, but this browser could not delete what it kept, so it may come back on a reload.',
      'startOver',
    );
    await host.refresh();
  } catch (e) {
    sayFailed(store, 'Starting over', e, 'startOver');
  } finally {
    if (!host.left()) store.setState({ busy: null });
  }
}
