/**
 * The days that "A memory that consolidates" (./consolidatingMemory) lives
 * through: two routines (repeated, similar episodes: fixed place, object
 * and time, the people vary) and one-off episodes with random features,
 * some of them rehearsed. Seeded (createRng), so a schedule is a pure
 * function of its days and seed. The chances are design choices of ours.
 */
import { createRng } from '../../core/random';
import { OBJECTS, PEOPLE, PLACES, TIMES_OF_DAY, type EpisodeEvent } from './consolidatingMemory';

/** A repeated, similar episode: fixed place, object and time; people vary. */
export interface Routine {
  name: string;
  place: number;
  object: number;
  time: number;
  /** The people sets it happens with (one drawn each time). */
  people: number[][];
  /** Chance per day that it happens. */
  chance: number;
}

export const ROUTINES: readonly Routine[] = [
  { name: 'breakfast', place: 0, object: 0, time: 0, people: [[0], [0, 1], [1]], chance: 0.8 },
  { name: 'work call', place: 2, object: 4, time: 1, people: [[2], [2, 3], [3]], chance: 0.5 },
];

/** Chance per day of a one-off episode (random features), and that it is rehearsed. */
export const ONE_OFF_CHANCE = 0.6;
export const REHEARSE_CHANCE = 0.5;

/**
 * A seeded schedule of `days` days: each routine happens with its chance
 * (people drawn from its list), and a one-off episode with random place,
 * people (a non-empty subset), object and time happens with ONE_OFF_CHANCE;
 * a one-off is rehearsed (recalled at every later test) with REHEARSE_CHANCE.
 */
export function makeSchedule(days: number, seed: number): EpisodeEvent[][] {
  const rng = createRng(seed);
  let id = 1;
  const out: EpisodeEvent[][] = [];
  for (let day = 0; day < days; day++) {
    const events: EpisodeEvent[] = [];
    ROUTINES.forEach((r, i) => {
      if (rng.next() >= r.chance) return;
      const people = r.people[rng.int(r.people.length)];
      const episode = { place: r.place, people, object: r.object, time: r.time };
      events.push({ id: id++, day, episode, routine: i, rehearse: false });
    });
    if (rng.next() < ONE_OFF_CHANCE) {
      let people: number[] = [];
      while (people.length === 0) people = PEOPLE.map((_, p) => p).filter(() => rng.next() < 0.4);
      const episode = {
        place: rng.int(PLACES.length),
        people,
        object: rng.int(OBJECTS.length),
        time: rng.int(TIMES_OF_DAY.length),
      };
      events.push({
        id: id++,
        day,
        episode,
        routine: null,
        rehearse: rng.next() < REHEARSE_CHANCE,
      });
    }
    out.push(events);
  }
  return out;
}
