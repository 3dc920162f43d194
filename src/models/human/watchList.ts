/**
 * "Watch one list": one CMR list, run to the end, with a snapshot of every
 * step so a page can animate it (context drifting at study, then the support
 * bars, the choice and the reinstated context at each recall).
 *
 * The trace draws from its seeded generator exactly as freeRecall.ts does for
 * one list (stop draw, then choice draw, per output), so with the same seed,
 * settings and conditions a traced list recalls what the simulation recalls.
 */
import { createRng } from '../../core/random';
import {
  listNetwork,
  type ContextLayout,
  type DistractorProtocol,
  type LearnContext,
  type ListConditions,
} from './cmr';
import type { CmrParams } from './cmrParams';

/** A study-phase event and the context after it. */
export interface StudyFrame {
  kind: 'study' | 'distract' | 'start';
  /** Serial position studied (0-based); -1 for a distractor or the start reinstatement. */
  position: number;
  /** rho of this drift step. */
  rho: number;
  /** Context t after the step (a copy). */
  context: Float64Array;
}

/** One recall attempt: what the model saw, what it chose, where context went. */
export interface RecallFrame {
  kind: 'recall';
  /** Output index k (recalls made before this attempt). */
  output: number;
  /** Context t that cued this attempt (a copy). */
  cue: Float64Array;
  /** Support a = M^CF t for every list item. */
  support: Float64Array;
  /** P(next output = j), 0 for recalled items; sums to 1 - pStop. */
  probabilities: Float64Array;
  pStop: number;
  /** The recalled serial position, or -1: recall ended here. */
  chosen: number;
  /** Context after reinstating the chosen item (equal to cue when recall ended). */
  context: Float64Array;
}

export type ListFrame = StudyFrame | RecallFrame;

export interface ListTrace {
  layout: ContextLayout;
  params: CmrParams;
  frames: ListFrame[];
  /** Serial positions in output order. */
  recalls: number[];
}

export interface TraceSettings {
  listLength: number;
  distractor: DistractorProtocol;
  seed: number;
  params?: Partial<CmrParams>;
  conditions?: ListConditions;
  learnContext?: LearnContext;
}

/** Runs one list and records every step (see the frame types). */
export function traceList(settings: TraceSettings): ListTrace {
  const net = listNetwork(settings);
  const params = net.params;
  const n = settings.listLength;
  net.reset(settings.conditions);
  const rng = createRng(settings.seed);
  const frames: ListFrame[] = [];
  const snap = (kind: StudyFrame['kind'], position: number, rho: number) =>
    frames.push({ kind, position, rho, context: net.context.slice() });
  for (let i = 0; i < n; i++) {
    snap('study', i, net.studyItem(i));
    if (settings.distractor === 'continuous') snap('distract', -1, net.distract());
  }
  if (settings.distractor === 'delayed') snap('distract', -1, net.distract());
  snap('start', -1, net.startRecall());
  const recalls: number[] = [];
  for (;;) {
    const cue = net.context.slice();
    const support = net.support();
    const { probabilities, pStop } = net.choice();
    const chosen = net.recallNext(rng);
    frames.push({
      kind: 'recall',
      output: recalls.length,
      cue,
      support,
      probabilities,
      pStop,
      chosen,
      context: net.context.slice(),
    });
    if (chosen < 0) break;
    recalls.push(chosen);
  }
  return { layout: net.layout, params, frames, recalls };
}
