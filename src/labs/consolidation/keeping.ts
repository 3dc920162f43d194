/**
 * Between the runner and ./keep: each write of the visitor's work, and the
 * page's line about what is kept (`kept` in the store: what the last
 * successful writes hold, and whether one is still under way). A write
 * that fails leaves the line as it was; ./keep has said why. While a
 * lesson runs (engine/lessons `inLesson`) nothing is written or deleted:
 * the lesson's episodes and replays are scratch, and what is kept is the
 * visitor's, given back when the lesson ends.
 */
import { inLesson } from '../../engine/lessons';
import { say } from '../../engine/messages';
import type { SerialisedVae } from '../../models/consolidation/vaeParams';
import { LabKeep } from './keep';
import type { EpisodesKey, KeptModel, ReplayKey } from './keepRecords';
import type { ConsolidationState, ConsolidationStore, KeptSummary } from './store';

type Kept = Omit<KeptSummary, 'saving'>;
const NOTHING: Kept = { episodes: null, replays: null, model: null };

/**
 * The record of the VAE on screen when it is the visitor's (`copy`: its
 * weights as of `epochsDone` epochs); null for the shipped one.
 */
export function modelRecord(
  s: ConsolidationState,
  copy: SerialisedVae | null,
  epochsDone: number,
  trainedOn: ReplayKey | null,
  replays: number | null,
): KeptModel | null {
  if (!copy || s.source === 'pretrained') return null;
  const live = s.source === 'live';
  const epochs = `${epochsDone} epoch${epochsDone === 1 ? '' : 's'}`;
  return {
    origin: live ? 'live' : 'imported',
    vae: copy,
    trainedOn: live ? trainedOn : null,
    epochsDone: live ? epochsDone : Math.max(epochsDone, s.history.length),
    history: live ? s.history.slice(0, epochsDone) : s.history,
    trainSeconds: s.trainSeconds,
    note:
      live && s.training === 'running'
        ? `Trained live on ${replays?.toLocaleString('en') ?? 'its'} replays, ${epochs} so far.`
        : s.vaeNote,
  };
}

export class WorkKeeper {
  readonly keep: LabKeep;
  private writes = 0;
  private kept: Kept = { ...NOTHING };
  private stopped = false;

  constructor(
    private readonly store: ConsolidationStore,
    keep: LabKeep | undefined,
    pause: () => Promise<void>,
  ) {
    const problem = (text: string) => void (!this.stopped && say(store, 'warn', text, 'keep'));
    this.keep = keep ?? new LabKeep(undefined, problem, pause);
  }

  /** What is kept now (as the last successful writes or the restore left it). */
  get now(): Kept {
    return this.kept;
  }

  /** The restore found `patch` kept. */
  found(patch: Partial<Kept>): void {
    Object.assign(this.kept, patch);
  }

  episodes(key: EpisodesKey, ms: number): void {
    this.write(() => this.keep.saveEpisodes({ key, ms, replays: null }), {
      episodes: key.episodes,
      replays: null,
    });
  }

  replay(key: ReplayKey, replays: Float32Array, episode: Int32Array, ms: number, storeMs: number) {
    this.write(() => this.keep.saveReplay({ key, replays, episode, ms }, storeMs), {
      episodes: key.episodes,
      replays: key.replays,
    });
  }

  model(record: KeptModel | null): void {
    if (!record) return;
    this.write(() => this.keep.saveModel(record), {
      model: { origin: record.origin, epochs: record.epochsDone },
    });
  }

  /** Start over: everything kept is deleted; true when the browser did. */
  async clear(): Promise<boolean> {
    if (inLesson(this.store)) return false;
    const ok = await this.keep.clear();
    this.kept = { ...NOTHING };
    this.publish();
    return ok;
  }

  /** Puts the line about what is kept into the store. */
  publish(): void {
    if (!this.stopped) this.store.setState({ kept: { ...this.kept, saving: this.writes > 0 } });
  }

  /** The lab was left: writes under way finish, the page hears no more. */
  stop(): void {
    this.stopped = true;
  }

  /** Runs a write; on success the line takes `patch`. */
  private write(run: () => Promise<boolean>, patch: Partial<Kept>): void {
    if (inLesson(this.store)) return;
    this.writes++;
    this.publish();
    void run().then((ok) => {
      this.writes--;
      if (ok) Object.assign(this.kept, patch);
      this.publish();
    });
  }
}
