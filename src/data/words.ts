/**
 * A built-in pool of common concrete English nouns for the memory game and
 * the model's word lists (no network). Concrete, picturable, mostly one or
 * two syllables, as in the word pools of free-recall experiments; all
 * lowercase, unique, letters only.
 *
 * Lists are drawn with a seeded sampler: words never repeat within a list,
 * and not across the lists of one sampler until the pool is used up.
 */
import { createRng, shuffle, type Rng } from '../core/random';

const WORDS = `
  apple acorn anchor ant apron arm arrow axe baby badge bag ball balloon banana bandage banjo
  barn barrel basket bat bath beach bead beak bean bear bed bee beetle bell belt bench bike bird
  biscuit blanket boat bone book boot bottle bowl box bracelet branch bread brick bridge broom
  brush bucket bull bus butter button cabin cake camel camera candle canoe cap car carpet carrot
  cart castle cat chain chair cheese cherry chest chicken chimney circus clock cloud coat coin
  comb cookie corn couch cow crab crown cup curtain daisy deer desk diamond dish dog doll dolphin
  donkey door dragon drum duck eagle ear egg elbow elephant engine envelope eye fan feather fence
  finger fish flag flute fork fountain fox frog garden garlic gate giraffe glass glove goat goose
  grape guitar hammer hand harp hat helmet hen hill honey hook horn horse hose house igloo island
  jacket jar jeep jelly jewel kettle key kite kitten knife knot ladder lamp leaf lemon leopard
  letter lettuce lighthouse lion lizard lock log magnet map marble mask match melon mirror mitten
  monkey moon mop mouse mouth mug mushroom nail necklace needle nest net nose notebook nut oar
  onion orange owl oven paddle pail pan panda paper parrot peach peanut pear pearl pen pencil
  penguin pepper piano pickle pig pillow pin pipe pizza plate plum pocket pony potato pumpkin
  puppet purse queen rabbit radio raft rake ribbon ring river robe robot rock rocket roof rope
  rose ruler sack saddle sail sandal saw scarf scissors seal shark sheep shell ship shirt shoe
  shovel skirt sled snail snake sock sofa spider spoon squirrel stamp star stick stool stove
  straw sugar suitcase sun swan sweater sword table tack tail tank teapot tent tiger toast toe
  tomato tooth towel tower toy tractor train tree truck trumpet tulip turtle umbrella van vase
  violin wagon wall wallet watch whale wheel whistle window wolf worm yacht zebra zipper
`;

export const WORD_POOL: readonly string[] = Object.freeze(WORDS.trim().split(/\s+/));

/** Draws word lists from WORD_POOL (or `pool`), seeded. */
export interface WordSampler {
  /** The next list of `length` distinct words. */
  next(length: number): string[];
}

/**
 * A sampler over a shuffled deck of the pool: each list takes the next words
 * of the deck; when the deck runs out, a fresh shuffle of the pool (minus the
 * words already in the list being drawn) continues it. Throws RangeError for
 * a list longer than the pool.
 */
export function createWordSampler(
  seed: number | Rng,
  pool: readonly string[] = WORD_POOL,
): WordSampler {
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  let deck: string[] = [];
  return {
    next(length: number): string[] {
      if (!Number.isInteger(length) || length < 0 || length > pool.length) {
        throw new RangeError(`a list of ${length} words needs 0..${pool.length}`);
      }
      const list: string[] = [];
      while (list.length < length) {
        if (deck.length === 0) {
          deck = pool.filter((w) => !list.includes(w));
          shuffle(deck, rng);
        }
        list.push(deck.pop()!);
      }
      return list;
    },
  };
}

/** `lists` word lists of `length` words each, from one seeded sampler. */
export function sampleWordLists(lists: number, length: number, seed: number): string[][] {
  const sampler = createWordSampler(seed);
  return Array.from({ length: lists }, () => sampler.next(length));
}
