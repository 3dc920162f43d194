/**
 * A memory that consolidates: an external key-value memory with attention
 * (SCIENCE.md section 5, "External memory with attention").
 *
 * Episodes: place (one-hot of 5), people (binary of 4, at least one),
 * object (one-hot of 6), time of day (one-hot of 3): x in {0,1}^18.
 * A slot holds key k = x / |x| (unit length), value v = x, and the times it
 * was used (studied, replayed, recalled), in DAYS (day 0 starts at 0).
 *
 * - Strength = ACT-R activation m(t) = ln sum_uses (t - t_u)^(-d), d = 0.5,
 *   t in days (actr.ts): it decays with the time since each use and grows
 *   with every use. A slot whose m falls below forgetThreshold is removed.
 * - Retrieval for a query q (unit length; features left out are 0):
 *     w = softmax_j(beta k_j . q + m_j(t)),   answer = sum_j w_j v_j,
 *   the modern Hopfield update with each slot's activation as its log prior.
 *   recall() also adds a use to the winning slot (retrieval practice);
 *   probe() does not.
 * - Sleep: `replays` slots are drawn without replacement with probability
 *   proportional to exp(m_j / replayTemperature), each gets a use; then
 *   consolidation: an episodic slot whose key has cosine >= mergeSimilarity
 *   with a prototype joins it; otherwise a group of >= minMembers mutually
 *   similar episodic slots (all with cosine >= mergeSimilarity to the first
 *   of them, in slot order) forms a new prototype. A prototype's value is the
 *   mean of its members' values, its key the normalised mean of their keys,
 *   and its uses all of theirs. Merged episodic slots stay (and can still win
 *   a query) but are no longer replayed, so they fade; the gist remains.
 *   The fading follows ACT-R's power law, so it is slow: with d = 0.5 and
 *   forgetThreshold = -0.5 a slot used once goes after e^1 = 2.7 days, one
 *   used four times (studied, replayed thrice) after about six weeks.
 * - Design choices of ours (not from a paper): the merge rule and its
 *   thresholds, replay by exp(m / T), the activation as an additive log prior
 *   in the attention, and rehearsal as recall from the episode's cue.
 * - Day d: study at d + time of day (morning 0.3, afternoon 0.55, evening
 *   0.8), sleep at d + 0.9, test at d + 0.95. Randomness (schedule, replay
 *   draws) comes from createRng, seeded per (seed, day), so each step is a
 *   pure function of its inputs.
 *
 * This file is the memory itself; the days it lives through are
 * ./memorySchedule, and a day's study, sleep and test with its report
 * (and the whole run) ./memoryDay.
 */
import { createRng } from '../../core/random';
import { activation } from './actr';

export const PLACES = ['kitchen', 'park', 'office', 'cafe', 'beach'] as const;
export const PEOPLE = ['Mum', 'Sam', 'Alex', 'Jo'] as const;
export const OBJECTS = ['coffee', 'ball', 'book', 'cake', 'phone', 'umbrella'] as const;
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
/** Study times within a day (fraction of the day) for morning, afternoon, evening. */
export const TIME_OF_DAY_FRACTION = [0.3, 0.55, 0.8] as const;
/** Sleep (replay, consolidation, forgetting) and test, as fractions of the day. */
export const SLEEP_AT = 0.9;
export const TEST_AT = 0.95;
const BLOCKS = [PLACES.length, PEOPLE.length, OBJECTS.length, TIMES_OF_DAY.length];
const OFFSETS = [0, 5, 9, 15];
export const EPISODE_DIM = 18;

/** An episode's features as indices into the vocabularies; people is a set. */
export interface Episode {
  place: number;
  people: number[];
  object: number;
  time: number;
}

/** A query: any subset of the features (missing ones are unknown). */
export type Query = Partial<Episode>;

/** The binary feature vector x of an episode or query (missing features 0). */
export function encode(e: Query): Float64Array {
  const x = new Float64Array(EPISODE_DIM);
  if (e.place !== undefined) x[OFFSETS[0] + e.place] = 1;
  for (const p of e.people ?? []) x[OFFSETS[1] + p] = 1;
  if (e.object !== undefined) x[OFFSETS[2] + e.object] = 1;
  if (e.time !== undefined) x[OFFSETS[3] + e.time] = 1;
  return x;
}

/** Reads a (possibly averaged) value back: argmax per one-hot block, people with weight >= 0.5. */
export function decode(v: ArrayLike<number>): Episode {
  const arg = (b: number) => {
    let best = 0;
    for (let i = 1; i < BLOCKS[b]; i++) if (v[OFFSETS[b] + i] > v[OFFSETS[b] + best]) best = i;
    return best;
  };
  const people: number[] = [];
  for (let i = 0; i < PEOPLE.length; i++) if (v[OFFSETS[1] + i] >= 0.5) people.push(i);
  return { place: arg(0), people, object: arg(2), time: arg(3) };
}

/** "kitchen, Mum+Sam, coffee, morning". */
export function describe(e: Query): string {
  const parts: string[] = [];
  if (e.place !== undefined) parts.push(PLACES[e.place]);
  if (e.people !== undefined) parts.push(e.people.map((p) => PEOPLE[p]).join('+') || 'nobody');
  if (e.object !== undefined) parts.push(OBJECTS[e.object]);
  if (e.time !== undefined) parts.push(TIMES_OF_DAY[e.time]);
  return parts.join(', ');
}

function unit(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) n += x[i] * x[i];
  n = Math.sqrt(n);
  return Float64Array.from(x, (v) => (n > 0 ? v / n : 0));
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

export interface MemorySlot {
  id: number;
  kind: 'episodic' | 'prototype';
  key: Float64Array;
  value: Float64Array;
  /** Days at which the slot was used (studied, replayed, recalled), increasing. */
  uses: number[];
  /** Episodic: the episode id it stores. Prototype: its members' episode ids. */
  episodes: number[];
  /** Episodic slots merged into a prototype: its slot id. */
  mergedInto: number | null;
  /** Prototype: the sum of its members' keys (its key is this, normalised). */
  keySum?: Float64Array;
}

export interface MemoryConfig {
  beta: number;
  /** ACT-R decay of each use. */
  decay: number;
  /** Slots with activation below this are removed (activation units). */
  forgetThreshold: number;
  mergeSimilarity: number;
  minMembers: number;
  replays: number;
  replayTemperature: number;
}

export const MEMORY_DEFAULTS: MemoryConfig = {
  beta: 8,
  decay: 0.5,
  forgetThreshold: -0.5,
  mergeSimilarity: 0.7,
  minMembers: 3,
  replays: 2,
  replayTemperature: 0.5,
};

export interface MemoryState {
  slots: MemorySlot[];
  nextId: number;
}

export const emptyState = (): MemoryState => ({ slots: [], nextId: 1 });

/** m_j(t) = ln sum_uses (t - t_u)^(-d). */
export function strength(slot: MemorySlot, t: number, cfg = MEMORY_DEFAULTS): number {
  return activation(slot.uses, t, cfg.decay);
}

export interface Attention {
  /** Slot ids and their weights w_j, in slot order. */
  ids: number[];
  weights: Float64Array;
  /** sum_j w_j v_j. */
  value: Float64Array;
  /** The slot with the largest weight (null when memory is empty). */
  top: MemorySlot | null;
}

/**
 * w = softmax(beta k . q + m(t)) over the slots, q = x / |x| for a query's
 * features x (a Query, or a feature vector such as the mean of several
 * episodes); no side effect.
 */
export function probe(
  state: MemoryState,
  query: Query | Float64Array,
  t: number,
  cfg = MEMORY_DEFAULTS,
): Attention {
  const q = unit(query instanceof Float64Array ? query : encode(query));
  const logits = state.slots.map((s) => cfg.beta * dot(s.key, q) + strength(s, t, cfg));
  const max = Math.max(...logits);
  const w = Float64Array.from(logits, (l) => Math.exp(l - max));
  const sum = w.reduce((a, b) => a + b, 0);
  const value = new Float64Array(EPISODE_DIM);
  let top = -1;
  state.slots.forEach((s, j) => {
    w[j] /= sum;
    for (let k = 0; k < EPISODE_DIM; k++) value[k] += w[j] * s.value[k];
    if (top < 0 || w[j] > w[top]) top = j;
  });
  return {
    ids: state.slots.map((s) => s.id),
    weights: w,
    value,
    top: top < 0 ? null : state.slots[top],
  };
}

const withUse = (s: MemorySlot, t: number): MemorySlot => ({ ...s, uses: [...s.uses, t] });

/** probe(), then the winning slot gets a use at t (retrieval strengthens it). */
export function recall(
  state: MemoryState,
  query: Query | Float64Array,
  t: number,
  cfg = MEMORY_DEFAULTS,
) {
  const attention = probe(state, query, t, cfg);
  const top = attention.top;
  const slots = state.slots.map((s) => (top && s.id === top.id ? withUse(s, t) : s));
  return { state: { ...state, slots }, attention };
}

/** A studied episode of the schedule. */
export interface EpisodeEvent {
  id: number;
  day: number;
  episode: Episode;
  /** Routine index (a repeated, similar episode), or null for a one-off. */
  routine: number | null;
  /** One-offs recalled at every later test (rehearsed), or never (unrehearsed). */
  rehearse: boolean;
}

/** Stores each episode as a new episodic slot, used at its day + time of day. */
export function study(state: MemoryState, events: readonly EpisodeEvent[]): MemoryState {
  let { nextId } = state;
  const added = events.map((e) => ({
    id: nextId++,
    kind: 'episodic' as const,
    key: unit(encode(e.episode)),
    value: encode(e.episode),
    uses: [e.day + TIME_OF_DAY_FRACTION[e.episode.time]],
    episodes: [e.id],
    mergedInto: null,
  }));
  return { slots: [...state.slots, ...added], nextId };
}

export interface SleepReport {
  replayed: number[];
  /** Prototype slot id -> episodic slot ids merged into it tonight. */
  merged: { prototype: number; slots: number[]; episodes: number[]; created: boolean }[];
  /** Slot ids removed (activation below threshold). */
  forgotten: number[];
}

/** A new prototype from episodic slots: mean value, normalised mean key, all their uses. */
function prototypeOf(members: readonly MemorySlot[], id: number): MemorySlot {
  const keySum = new Float64Array(EPISODE_DIM);
  const value = new Float64Array(EPISODE_DIM);
  for (const m of members) {
    for (let k = 0; k < EPISODE_DIM; k++) {
      keySum[k] += m.key[k];
      value[k] += m.value[k] / members.length;
    }
  }
  return {
    id,
    kind: 'prototype',
    key: unit(keySum),
    keySum,
    value,
    uses: members.flatMap((m) => m.uses).sort((a, b) => a - b),
    episodes: members.flatMap((m) => m.episodes),
    mergedInto: null,
  };
}

/** The prototype with one more member: running mean of values, key sum, uses merged. */
function absorb(proto: MemorySlot, e: MemorySlot): MemorySlot {
  const n = proto.episodes.length;
  const keySum = Float64Array.from(proto.keySum!, (v, k) => v + e.key[k]);
  return {
    ...proto,
    key: unit(keySum),
    keySum,
    value: Float64Array.from(proto.value, (v, k) => (v * n + e.value[k]) / (n + 1)),
    uses: [...proto.uses, ...e.uses].sort((a, b) => a - b),
    episodes: [...proto.episodes, ...e.episodes],
  };
}

/** Replay, consolidation and forgetting for the night of `day` (see the file comment). */
export function sleep(
  state: MemoryState,
  day: number,
  seed: number,
  cfg = MEMORY_DEFAULTS,
): { state: MemoryState; report: SleepReport } {
  const t = day + SLEEP_AT;
  const rng = createRng((seed * 7919 + day * 104_729 + 1) >>> 0);
  let slots = state.slots.slice();
  let { nextId } = state;
  // Replay: draws without replacement, p proportional to exp(m / T).
  const replayed: number[] = [];
  const pool = slots.filter((s) => s.mergedInto === null).map((s) => s.id);
  for (let r = 0; r < cfg.replays && pool.length > 0; r++) {
    const w = pool.map((id) =>
      Math.exp(
        strength(
          slots.find((s) => s.id === id)!,
          t,
          cfg,
        ) / cfg.replayTemperature,
      ),
    );
    let u = rng.next() * w.reduce((a, b) => a + b, 0);
    let k = 0;
    while (k < pool.length - 1 && (u -= w[k]) > 0) k++;
    const id = pool.splice(k, 1)[0];
    replayed.push(id);
    slots = slots.map((s) => (s.id === id ? withUse(s, t) : s));
  }
  // Consolidation: join existing prototypes, then form new ones.
  const merged: SleepReport['merged'] = [];
  const free = () => slots.filter((s) => s.kind === 'episodic' && s.mergedInto === null);
  for (const e of free()) {
    let best: MemorySlot | null = null;
    for (const p of slots) {
      if (p.kind !== 'prototype') continue;
      if (
        dot(e.key, p.key) >= cfg.mergeSimilarity &&
        (!best || dot(e.key, p.key) > dot(e.key, best.key))
      )
        best = p;
    }
    if (!best) continue;
    const updated = absorb(best, e);
    slots = slots.map((s) =>
      s.id === best.id ? updated : s.id === e.id ? { ...s, mergedInto: best.id } : s,
    );
    const entry = merged.find((m) => m.prototype === best.id);
    if (entry) {
      entry.slots.push(e.id);
      entry.episodes.push(...e.episodes);
    } else
      merged.push({ prototype: best.id, slots: [e.id], episodes: [...e.episodes], created: false });
  }
  for (const seedSlot of free()) {
    if (seedSlot.mergedInto !== null) continue;
    const group = free().filter((s) => dot(s.key, seedSlot.key) >= cfg.mergeSimilarity);
    if (group.length < cfg.minMembers) continue;
    const proto = prototypeOf(group, nextId++);
    const ids = new Set(group.map((g) => g.id));
    slots = slots.map((s) => (ids.has(s.id) ? { ...s, mergedInto: proto.id } : s)).concat([proto]);
    merged.push({
      prototype: proto.id,
      slots: [...ids],
      episodes: [...proto.episodes],
      created: true,
    });
  }
  // Forgetting.
  const forgotten = slots.filter((s) => strength(s, t, cfg) < cfg.forgetThreshold).map((s) => s.id);
  slots = slots.filter((s) => !forgotten.includes(s.id));
  return { state: { slots, nextId }, report: { replayed, merged, forgotten } };
}
