/**
 * The lab's simulations as plain jobs: each names a protocol of
 * src/models/human/freeRecall.ts and its settings, and `runJob` runs it with
 * the model's own functions, so the page draws what the command line prints
 * for the same settings and seed (docs/human-cli.md). Jobs run in a Web
 * Worker (simWorker.ts) so the page never waits on them; tests run them
 * here directly.
 */
import type { DistractorProtocol } from '../../models/human/cmr';
import type { CmrParams } from '../../models/human/cmrParams';
import { DISTRACTOR_PROTOCOLS } from '../../models/human/cmr';
import {
  contextDependentRecall,
  emotionRecall,
  freeRecallExperiment,
  simulateLists,
  summarizeFreeRecall,
  type ContextCondition,
  type EmotionResult,
  type FreeRecallSummary,
} from '../../models/human/freeRecall';
import type { RecallTrial } from '../../models/human/analyses';
import type { ModelGroup } from './game';

interface ListJob {
  listLength: number;
  lists: number;
  seed: number;
  params: Partial<CmrParams>;
}

export type SimJob =
  | (ListJob & { kind: 'serial' })
  | (ListJob & { kind: 'context'; distractor: DistractorProtocol; theta: number })
  | (ListJob & { kind: 'emotion'; distractor: DistractorProtocol; share: number })
  | { kind: 'game'; groups: ModelGroup[]; params: Partial<CmrParams> };

export type SimKind = SimJob['kind'];

export interface SerialResult {
  kind: 'serial';
  /** The same lists under each protocol (same seed), so the curves differ only by the distractor. */
  protocols: Record<DistractorProtocol, FreeRecallSummary>;
}
export interface ContextResult {
  kind: 'context';
  conditions: ContextCondition[];
}
export interface EmotionResults {
  kind: 'emotion';
  mixed: EmotionResult;
  pure: EmotionResult;
}
export interface GameModelResult {
  kind: 'game';
  summary: FreeRecallSummary;
  lists: number;
}

export type SimResult = SerialResult | ContextResult | EmotionResults | GameModelResult;
export type ResultOf<K extends SimKind> = Extract<SimResult, { kind: K }>;

/** Progress: `done` of `total` parts (protocols, conditions, list groups). */
export type Progress = (done: number, total: number) => void;

/** Runs a job with the model's functions; reports progress between its parts. */
export function runJob(job: SimJob, progress: Progress = () => {}): SimResult {
  switch (job.kind) {
    case 'serial': {
      const protocols = {} as Record<DistractorProtocol, FreeRecallSummary>;
      DISTRACTOR_PROTOCOLS.forEach((distractor, k) => {
        progress(k, DISTRACTOR_PROTOCOLS.length);
        protocols[distractor] = freeRecallExperiment({ ...job, distractor });
      });
      return { kind: 'serial', protocols };
    }
    case 'context': {
      progress(0, 1);
      const conditions = contextDependentRecall({
        ...job,
        params: { ...job.params, theta: job.theta },
      });
      return { kind: 'context', conditions };
    }
    case 'emotion': {
      progress(0, 2);
      const mixed = emotionRecall(job, 'mixed', job.share);
      progress(1, 2);
      return { kind: 'emotion', mixed, pure: emotionRecall(job, 'pure', job.share) };
    }
    case 'game': {
      const trials: RecallTrial[] = [];
      job.groups.forEach((g, k) => {
        progress(k, job.groups.length);
        trials.push(...simulateLists({ ...g, params: job.params }).trials);
      });
      return { kind: 'game', summary: summarizeFreeRecall(trials), lists: trials.length };
    }
  }
}

/** Messages to and from the simulation worker. */
export interface ToSim {
  id: number;
  job: SimJob;
}
export type FromSim =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; result: SimResult; ms: number }
  | { id: number; type: 'error'; message: string };

/** Runs one message's job, posting progress, then the result or the error. */
export function handleSim(msg: ToSim, post: (m: FromSim) => void, now: () => number): void {
  const t0 = now();
  try {
    const result = runJob(msg.job, (done, total) =>
      post({ id: msg.id, type: 'progress', done, total }),
    );
    post({ id: msg.id, type: 'result', result, ms: now() - t0 });
  } catch (e) {
    post({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
