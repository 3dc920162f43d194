/**
 * A day of "A memory that consolidates" (./consolidatingMemory) and what it
 * shows: study the day's episodes, sleep (replay, consolidation,
 * forgetting), then test at day + TEST_AT, with queries between a
 * routine's episodes and for each episode without its object; the day's
 * report says which episodes survive as episodes, which became gist and
 * which are forgotten. runConsolidatingMemory runs a whole schedule
 * (./memorySchedule).
 */
import {
  decode,
  describe,
  emptyState,
  encode,
  EPISODE_DIM,
  MEMORY_DEFAULTS,
  probe,
  recall,
  sleep,
  strength,
  study,
  TEST_AT,
  type Attention,
  type Episode,
  type EpisodeEvent,
  type MemorySlot,
  type MemoryState,
  type Query,
  type SleepReport,
} from './consolidatingMemory';
import { makeSchedule, ROUTINES } from './memorySchedule';

export interface QueryReport {
  /** 'between': the mean of a routine's episodes so far; 'episode': one episode without its object. */
  kind: 'between' | 'episode';
  label: string;
  /** Episode ids the query is about. */
  episodes: number[];
  answeredBy: 'episode' | 'prototype' | 'none';
  /** Winning slot id and weight. */
  slot: number | null;
  /** When an episodic slot won: the episode it holds. */
  episode: number | null;
  weight: number;
  /** The answer read from sum_j w_j v_j. */
  answer: string;
}

function report(
  kind: QueryReport['kind'],
  label: string,
  episodes: number[],
  a: Attention,
): QueryReport {
  const j = a.top ? a.ids.indexOf(a.top.id) : -1;
  return {
    kind,
    label,
    episodes,
    answeredBy: !a.top ? 'none' : a.top.kind === 'prototype' ? 'prototype' : 'episode',
    slot: a.top ? a.top.id : null,
    episode: a.top?.kind === 'episodic' ? a.top.episodes[0] : null,
    weight: j >= 0 ? a.weights[j] : 0,
    answer: a.top ? describe(decode(a.value)) : '',
  };
}

/**
 * The test of `day` at day + TEST_AT: first every rehearsed one-off studied
 * so far is recalled from its cue without the object (recall() strengthens
 * the winner); then, without side effects, one 'between' query per routine
 * (the mean feature vector of its episodes so far) and one 'episode' query
 * per studied episode (its features without the object).
 */
export function testMemory(
  state: MemoryState,
  day: number,
  studied: readonly EpisodeEvent[],
  cfg = MEMORY_DEFAULTS,
): { state: MemoryState; queries: QueryReport[] } {
  const t = day + TEST_AT;
  let s = state;
  const cue = (e: Episode): Query => ({ place: e.place, people: e.people, time: e.time });
  for (const e of studied) if (e.rehearse) s = recall(s, cue(e.episode), t, cfg).state;
  const queries: QueryReport[] = [];
  ROUTINES.forEach((r, i) => {
    const members = studied.filter((e) => e.routine === i);
    if (members.length === 0) return;
    const mean = new Float64Array(EPISODE_DIM);
    for (const e of members) encode(e.episode).forEach((v, k) => (mean[k] += v / members.length));
    const label = `${r.name}: between its ${members.length} episodes`;
    queries.push(
      report(
        'between',
        label,
        members.map((e) => e.id),
        probe(s, mean, t, cfg),
      ),
    );
  });
  for (const e of studied) {
    const label = `episode ${e.id} (${describe(cue(e.episode))})`;
    queries.push(report('episode', label, [e.id], probe(s, cue(e.episode), t, cfg)));
  }
  return { state: s, queries };
}

export interface DayReport {
  day: number;
  studied: EpisodeEvent[];
  sleep: SleepReport;
  /** Episode ids whose episodic slot is alive and not merged. */
  survive: number[];
  /** Prototypes: slot id, gist features, member episode ids, and those whose own slot is still alive. */
  gist: { prototype: number; features: string; episodes: number[]; tracesAlive: number[] }[];
  /** Episode ids whose slot is gone and that never became gist. */
  forgotten: number[];
  queries: QueryReport[];
  /** Every slot at test time: id, kind, activation m, what it holds. */
  slots: { id: number; kind: MemorySlot['kind']; strength: number; features: string }[];
}

/** One day: study its events, sleep, test; returns the new state and the day's report. */
export function stepDay(
  state: MemoryState,
  day: number,
  events: readonly EpisodeEvent[],
  studiedBefore: readonly EpisodeEvent[],
  seed: number,
  cfg = MEMORY_DEFAULTS,
): { state: MemoryState; report: DayReport } {
  const studied = [...studiedBefore, ...events];
  const slept = sleep(study(state, events), day, seed, cfg);
  const tested = testMemory(slept.state, day, studied, cfg);
  const s = tested.state;
  const t = day + TEST_AT;
  const episodic = new Map(
    s.slots.filter((x) => x.kind === 'episodic').map((x) => [x.episodes[0], x] as const),
  );
  const protos = s.slots.filter((x) => x.kind === 'prototype');
  const inGist = new Set(protos.flatMap((p) => p.episodes));
  return {
    state: s,
    report: {
      day,
      studied: [...events],
      sleep: slept.report,
      survive: studied.filter((e) => episodic.get(e.id)?.mergedInto === null).map((e) => e.id),
      gist: protos.map((p) => ({
        prototype: p.id,
        features: describe(decode(p.value)),
        episodes: [...p.episodes],
        tracesAlive: p.episodes.filter((id) => episodic.has(id)),
      })),
      forgotten: studied.filter((e) => !episodic.has(e.id) && !inGist.has(e.id)).map((e) => e.id),
      queries: tested.queries,
      slots: s.slots.map((x) => ({
        id: x.id,
        kind: x.kind,
        strength: strength(x, t, cfg),
        features: describe(decode(x.value)),
      })),
    },
  };
}

/** The whole run: makeSchedule(days, seed), then stepDay for each day. */
export function runConsolidatingMemory(days: number, seed: number, cfg = MEMORY_DEFAULTS) {
  const schedule = makeSchedule(days, seed);
  let state = emptyState();
  const studied: EpisodeEvent[] = [];
  const reports: DayReport[] = [];
  schedule.forEach((events, day) => {
    const r = stepDay(state, day, events, studied, seed, cfg);
    state = r.state;
    studied.push(...events);
    reports.push(r.report);
  });
  return { schedule, reports, state };
}
