import { describe, expect, it } from 'vitest';
import {
  decode,
  emptyState,
  encode,
  MEMORY_DEFAULTS,
  probe,
  recall,
  sleep,
  strength,
  study,
  TEST_AT,
  type Episode,
  type EpisodeEvent,
} from './consolidatingMemory';
import { runConsolidatingMemory, stepDay, type DayReport } from './memoryDay';

// kitchen, coffee, morning with Mum / Mum+Sam / Sam; a beach one-off; a park one-off.
const breakfast = (people: number[]): Episode => ({ place: 0, people, object: 0, time: 0 });
const beach: Episode = { place: 4, people: [3], object: 3, time: 2 };
const park: Episode = { place: 1, people: [2], object: 1, time: 1 };

/** Runs a hand-made schedule through stepDay; returns every day's report. */
function run(days: EpisodeEvent[][], cfg = MEMORY_DEFAULTS, seed = 1): DayReport[] {
  let state = emptyState();
  const studied: EpisodeEvent[] = [];
  return days.map((events, day) => {
    const r = stepDay(state, day, events, studied, seed, cfg);
    state = r.state;
    studied.push(...events);
    return r.report;
  });
}

let nextId = 1;
const ev = (
  day: number,
  episode: Episode,
  routine: number | null,
  rehearse = false,
): EpisodeEvent => ({
  id: nextId++,
  day,
  episode,
  routine,
  rehearse,
});

describe('features and retrieval', () => {
  it('encodes and decodes an episode', () => {
    const e: Episode = { place: 3, people: [0, 2], object: 5, time: 1 };
    expect(decode(encode(e))).toEqual(e);
    expect(encode(e).reduce((s, v) => s + v, 0)).toBe(5);
  });

  it('strength is the ACT-R activation of its uses, in days', () => {
    const s = study(emptyState(), [ev(0, beach, null)]).slots[0];
    expect(s.uses).toEqual([0.8]);
    expect(strength(s, 2.8)).toBeCloseTo(-0.5 * Math.log(2), 12);
  });

  it('probe has no side effect; recall adds a use to the winner', () => {
    const state = study(emptyState(), [ev(0, beach, null), ev(0, park, null)]);
    const a = probe(state, { place: 4 }, 1);
    expect(a.top!.episodes).toEqual([state.slots[0].episodes[0]]);
    expect(a.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(state.slots[0].uses).toHaveLength(1);
    const r = recall(state, { place: 4 }, 1);
    expect(r.state.slots[0].uses).toEqual([0.8, 1]);
    expect(r.state.slots[1].uses).toEqual([0.55]);
  });
});

describe('a memory that consolidates', () => {
  it('unrehearsed episodic slots fade; rehearsed ones survive', () => {
    const x = ev(0, beach, null, false);
    const y = ev(0, park, null, true);
    const days = [[x, y], [], [], [], [], []];
    const reports = run(days, { ...MEMORY_DEFAULTS, replays: 0 });
    expect(reports[0].survive).toEqual([x.id, y.id]);
    const last = reports[reports.length - 1];
    expect(last.forgotten).toEqual([x.id]);
    expect(last.survive).toEqual([y.id]);
    // Its activation fell below the threshold the night it went.
    const night = reports.findIndex((r) => r.forgotten.includes(x.id));
    expect(night).toBeGreaterThan(0);
    expect(reports[night].sleep.forgotten).toHaveLength(1);
  });

  it('unrehearsed one-offs fade in the seeded runs, rehearsed ones mostly stay', () => {
    let unrehearsed = 0;
    let unrehearsedGone = 0;
    let rehearsed = 0;
    let rehearsedGone = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { schedule, reports } = runConsolidatingMemory(21, seed);
      const last = reports[reports.length - 1];
      for (const e of schedule.flat().filter((e) => e.routine === null && e.day <= 13)) {
        const gone = !last.survive.includes(e.id);
        if (e.rehearse) [rehearsed, rehearsedGone] = [rehearsed + 1, rehearsedGone + +gone];
        else [unrehearsed, unrehearsedGone] = [unrehearsed + 1, unrehearsedGone + +gone];
      }
    }
    expect(unrehearsedGone / unrehearsed).toBeGreaterThan(0.7);
    expect(rehearsedGone / rehearsed).toBeLessThan(0.3);
  });

  it('repeated similar episodes form a prototype: mean value, normalised mean key', () => {
    const variants = [[0], [0, 1], [1]];
    const events = variants.map((p, day) => ev(day, breakfast(p), 0));
    const reports = run(events.map((e) => [e]));
    expect(reports[1].gist).toEqual([]);
    const [gist] = reports[2].gist;
    expect(gist.episodes).toEqual(events.map((e) => e.id));
    expect(reports[2].sleep.merged).toEqual([
      { prototype: gist.prototype, slots: [1, 2, 3], episodes: gist.episodes, created: true },
    ]);
    expect(reports[2].survive).toEqual([]);
    // Its value is the mean of the three: Mum and Sam each 2/3.
    expect(gist.features).toBe('kitchen, Mum+Sam, coffee, morning');
  });

  it('a query between the repeated episodes is answered by the prototype', () => {
    const variants = [[0], [0, 1], [1], [0]];
    const events = variants.map((p, day) => ev(day, breakfast(p), 0));
    const reports = run(events.map((e) => [e]));
    const between = (r: DayReport) => r.queries.find((q) => q.kind === 'between')!;
    expect(between(reports[1]).answeredBy).toBe('episode');
    for (const r of reports.slice(2)) expect(between(r).answeredBy).toBe('prototype');
    // The fourth breakfast joined the existing prototype instead of staying episodic.
    expect(reports[3].sleep.merged[0]).toMatchObject({ created: false });
    expect(reports[3].gist[0].episodes).toHaveLength(4);
  });

  it('the episodic traces of gist fade and their own queries return the prototype', () => {
    // ACT-R's power-law decay is slow: a trace replayed a few times lasts weeks, so run 60 days.
    const variants = [[0], [0, 1], [1]];
    const days: EpisodeEvent[][] = variants.map((p, day) => [ev(day, breakfast(p), 0)]);
    for (let d = 3; d < 60; d++) days.push([]);
    const reports = run(days);
    const traces = (r: DayReport) => r.slots.filter((s) => s.kind === 'episodic');
    // After the merge (night of day 2) no trace is replayed again, so each one only weakens.
    for (let d = 4; d < reports.length; d++) {
      for (const s of traces(reports[d])) {
        const before = traces(reports[d - 1]).find((x) => x.id === s.id)!;
        expect(s.strength).toBeLessThan(before.strength);
      }
    }
    const last = reports[reports.length - 1];
    expect(last.gist).toHaveLength(1);
    expect(last.gist[0].tracesAlive).toEqual([]);
    expect(last.slots.map((s) => s.kind)).toEqual(['prototype']);
    const own = last.queries.filter((q) => q.kind === 'episode');
    expect(own).toHaveLength(3);
    for (const q of own) expect(q.answeredBy).toBe('prototype');
    // Sam-only breakfast is now remembered with Mum too: the gist, not the episode.
    expect(own[2].answer).toBe('kitchen, Mum+Sam, coffee, morning');
  });

  it('sleep replays by strength and is deterministic for a seed', () => {
    const state = study(emptyState(), [ev(0, beach, null), ev(0, park, null)]);
    const a = sleep(state, 0, 5);
    const b = sleep(state, 0, 5);
    expect(a.report).toEqual(b.report);
    expect(a.report.replayed).toHaveLength(2);
    for (const s of a.state.slots) expect(s.uses.at(-1)).toBeCloseTo(0.9, 12);
  });

  it('the day stepper runs a seeded schedule to the end, the same for the same seed', () => {
    const a = runConsolidatingMemory(21, 3);
    const b = runConsolidatingMemory(21, 3);
    expect(a.reports).toHaveLength(21);
    expect(JSON.stringify(a.reports)).toBe(JSON.stringify(b.reports));
    expect(JSON.stringify(runConsolidatingMemory(21, 4).schedule)).not.toBe(
      JSON.stringify(a.schedule),
    );
    const last = a.reports[20];
    expect(last.gist.length).toBeGreaterThan(0);
    for (const s of last.slots)
      expect(s.strength).toBeGreaterThanOrEqual(MEMORY_DEFAULTS.forgetThreshold);
    expect(last.slots.every((s) => Number.isFinite(s.strength))).toBe(true);
    expect(TEST_AT).toBeGreaterThan(0.9);
  });
});
