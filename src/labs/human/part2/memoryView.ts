/**
 * The day stepper of "A memory that consolidates" (models/human/
 * consolidatingMemory.ts): each day is three frames, study, sleep (replay,
 * consolidation, forgetting) and test, each with the memory after it. The
 * frames are pure functions of the schedule and the seed: the sleep frame's
 * state is the same sleep() that stepDay runs inside, and the test frame is
 * stepDay's own result.
 */
import {
  describe,
  decode,
  probe,
  sleep,
  strength,
  study,
  TEST_AT,
  SLEEP_AT,
  OBJECTS,
  PEOPLE,
  PLACES,
  TIMES_OF_DAY,
  type Attention,
  type EpisodeEvent,
  type MemorySlot,
  type MemoryState,
  type Query,
  type SleepReport,
} from '../../../models/human/consolidatingMemory';
import { stepDay, type DayReport } from '../../../models/human/memoryDay';
import { ANY, type Part2Settings } from './params';

export const PHASES = ['study', 'sleep', 'test'] as const;
export type Phase = (typeof PHASES)[number];

export interface MemoryFrame {
  day: number;
  phase: Phase;
  /** The memory after this phase. */
  state: MemoryState;
  /** The memory before it (for the slots this phase removed). */
  before: MemoryState;
  /** When slot strengths are read (days): end of the day's study, or test time. */
  time: number;
  /** Episodes studied today. */
  events: EpisodeEvent[];
  sleep?: SleepReport;
  report?: DayReport;
}

/** The three frames of `day`, from the memory and the episodes studied before it. */
export function dayFrames(
  state: MemoryState,
  day: number,
  events: readonly EpisodeEvent[],
  studiedBefore: readonly EpisodeEvent[],
  seed: number,
): MemoryFrame[] {
  const studied = study(state, events);
  const slept = sleep(studied, day, seed);
  const tested = stepDay(state, day, events, studiedBefore, seed);
  const ev = [...events];
  return [
    { day, phase: 'study', state: studied, before: state, time: day + SLEEP_AT, events: ev },
    {
      day,
      phase: 'sleep',
      state: slept.state,
      before: studied,
      time: day + TEST_AT,
      events: ev,
      sleep: slept.report,
    },
    {
      day,
      phase: 'test',
      state: tested.state,
      before: slept.state,
      time: day + TEST_AT,
      events: ev,
      sleep: slept.report,
      report: tested.report,
    },
  ];
}

/** A slot as the page lists it. */
export interface SlotRow {
  id: number;
  kind: MemorySlot['kind'];
  /** ACT-R activation m at the frame's time. */
  strength: number;
  features: string;
  episodes: number[];
  mergedInto: number | null;
  /** What happened to it in this frame. */
  tags: ('new' | 'replayed' | 'merged' | 'new gist' | 'forgotten')[];
}

/** Prototypes first, then episodic slots by id; slots removed in this frame last. */
export function slotRows(frame: MemoryFrame): SlotRow[] {
  const added = new Set(
    frame.phase === 'study'
      ? frame.state.slots
          .map((s) => s.id)
          .filter((id) => !frame.before.slots.some((b) => b.id === id))
      : [],
  );
  const sl = frame.phase === 'sleep' ? frame.sleep : undefined;
  const replayed = new Set(sl?.replayed ?? []);
  const merged = new Set(sl?.merged.flatMap((m) => m.slots) ?? []);
  const created = new Set(sl?.merged.filter((m) => m.created).map((m) => m.prototype) ?? []);
  const row = (s: MemorySlot, gone: boolean): SlotRow => ({
    id: s.id,
    kind: s.kind,
    strength: strength(s, frame.time),
    features: describe(decode(s.value)),
    episodes: s.episodes,
    mergedInto: s.mergedInto,
    tags: [
      ...(added.has(s.id) ? (['new'] as const) : []),
      ...(replayed.has(s.id) ? (['replayed'] as const) : []),
      ...(merged.has(s.id) ? (['merged'] as const) : []),
      ...(created.has(s.id) ? (['new gist'] as const) : []),
      ...(gone ? (['forgotten'] as const) : []),
    ],
  });
  const alive = frame.state.slots.map((s) => row(s, false));
  const ids = new Set(frame.state.slots.map((s) => s.id));
  const gone = frame.before.slots.filter((s) => !ids.has(s.id)).map((s) => row(s, true));
  const order = (a: SlotRow, b: SlotRow) =>
    (a.kind === b.kind ? 0 : a.kind === 'prototype' ? -1 : 1) || a.id - b.id;
  return [...alive.sort(order), ...gone.sort(order)];
}

/** The query of the settings ("any" and no people: left out). */
export function queryOf(
  s: Pick<Part2Settings, 'queryPlace' | 'queryPeople' | 'queryObject' | 'queryTime'>,
): Query {
  const q: Query = {};
  const index = (list: readonly string[], v: string) => list.indexOf(v);
  if (s.queryPlace !== ANY) q.place = index(PLACES, s.queryPlace);
  if (s.queryPeople.length > 0) q.people = s.queryPeople.map((p) => index(PEOPLE, p));
  if (s.queryObject !== ANY) q.object = index(OBJECTS, s.queryObject);
  if (s.queryTime !== ANY) q.time = index(TIMES_OF_DAY, s.queryTime);
  return q;
}

export const isEmptyQuery = (q: Query) =>
  q.place === undefined && q.people === undefined && q.object === undefined && q.time === undefined;

/** The settings that ask for an episode's own cue: its place, people and time, object unknown. */
export function cueSettings(e: EpisodeEvent) {
  return {
    queryPlace: PLACES[e.episode.place],
    queryPeople: e.episode.people.map((p) => PEOPLE[p]),
    queryObject: ANY,
    queryTime: TIMES_OF_DAY[e.episode.time],
  } as const;
}

/** The attention of the memory for the query at the frame's time, and its answer. */
export function probeFrame(frame: MemoryFrame, query: Query): Attention & { answer: string } {
  const a = probe(frame.state, query, frame.time);
  return { ...a, answer: a.top ? describe(decode(a.value)) : '' };
}

/** Day-by-day counts of the test frames so far. */
export interface DayCounts {
  day: number;
  studied: number;
  episodic: number;
  gist: number;
  forgotten: number;
}

export function dayCounts(frames: readonly MemoryFrame[]): DayCounts[] {
  let studied = 0;
  return frames.flatMap((f) => {
    if (f.phase === 'study') studied += f.events.length;
    if (!f.report) return [];
    const r = f.report;
    return [
      {
        day: f.day,
        studied,
        episodic: r.survive.length,
        gist: r.gist.reduce((n, g) => n + g.episodes.length, 0),
        forgotten: r.forgotten.length,
      },
    ];
  });
}
