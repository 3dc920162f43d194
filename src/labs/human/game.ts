/**
 * The memory game's rules, without a page: which words a round shows, how a
 * typed recall is scored, the arithmetic distractor, what the model is run
 * on for comparison, and the exported files.
 *
 * Scoring convention: a typed word is compared with the studied words after
 * trimming, lower-casing and collapsing inner spaces; anything else (a
 * misspelling, a plural, a word that was not on the list) is an intrusion,
 * and a studied word typed again is a repetition. Serial positions and
 * output indices are 1-based in the exported files, 0-based in the code (as
 * in src/models/human/analyses.ts, which scores the visitor and the model
 * with the same functions).
 */
import { createRng } from '../../core/random';
import { createWordSampler } from '../../data/words';
import { scoreRecall, type RecallTrial } from '../../models/human/analyses';
import type { DistractorProtocol } from '../../models/human/cmr';

/** The settings a round was played with. */
export interface GameSettings {
  /** Words on the list. */
  length: number;
  /** Seconds each word was shown. */
  rate: number;
  /** Arithmetic problems between study and recall (0: immediate recall). */
  arithmetic: number;
}

/** One played round, as kept on the device and exported. */
export interface GameRound {
  /** 1, 2, ... in the order played. */
  id: number;
  /** ISO time the study list started. */
  startedAt: string;
  /** Seed of the word sampler (with the earlier rounds, it fixes the words). */
  seed: number;
  settings: GameSettings;
  /** The studied words, in presentation order. */
  words: string[];
  /** What the visitor typed, in output order, as typed. */
  typed: string[];
  /** Arithmetic problems answered correctly, of settings.arithmetic. */
  sumsCorrect: number;
}

export type Outcome = 'correct' | 'intrusion' | 'repetition';

/** A typed word as compared with the list: trimmed, lower case, single spaces. */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The words of the next round: a seeded sampler (src/data/words.ts) that has
 * already dealt the lists of `earlier` rounds, so words do not repeat across
 * rounds until the pool of a few hundred is used up.
 */
export function wordsForRound(
  seed: number,
  earlier: readonly { words: readonly string[] }[],
  length: number,
): string[] {
  const sampler = createWordSampler(seed);
  for (const r of earlier) sampler.next(r.words.length);
  return sampler.next(length);
}

/** The round as an analysis trial: study = positions 0..n-1, recall = position typed or -1. */
export function roundTrial(round: Pick<GameRound, 'words' | 'typed'>): RecallTrial {
  const where = new Map(round.words.map((w, i) => [normaliseWord(w), i]));
  return {
    study: round.words.map((_, i) => i),
    recall: round.typed.map((t) => where.get(normaliseWord(t)) ?? -1),
  };
}

/** How each typed word scored, and the counts. */
export interface RoundScore {
  outcomes: Outcome[];
  /** 0-based serial position of each typed word; -1 for an intrusion. */
  positions: number[];
  correct: number;
  intrusions: number;
  repetitions: number;
}

export function scoreRound(round: Pick<GameRound, 'words' | 'typed'>): RoundScore {
  const { positions, repeat } = scoreRecall(roundTrial(round));
  const outcomes: Outcome[] = Array.from(positions, (p, k) =>
    p < 0 ? 'intrusion' : repeat[k] ? 'repetition' : 'correct',
  );
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return {
    outcomes,
    positions: Array.from(positions),
    correct: count('correct'),
    intrusions: count('intrusion'),
    repetitions: count('repetition'),
  };
}

/** The distractor protocol the model runs for a round's settings. */
export function roundDistractor(s: GameSettings): DistractorProtocol {
  return s.arithmetic > 0 ? 'delayed' : 'none';
}

/** One arithmetic problem: a + b or a - b with a small answer. */
export interface Problem {
  text: string;
  answer: number;
}

/** `count` seeded problems: sums of two numbers 2..19 or differences that stay positive. */
export function makeProblems(seed: number, count: number): Problem[] {
  const rng = createRng(seed ^ 0x5eed);
  return Array.from({ length: count }, () => {
    const a = 2 + rng.int(18);
    const b = 2 + rng.int(18);
    if (rng.next() < 0.5) return { text: `${a} + ${b}`, answer: a + b };
    const [hi, lo] = a >= b ? [a, b] : [b, a];
    return { text: `${hi} − ${lo}`, answer: hi - lo };
  });
}

/** The model's lists for comparison: one group per list setting the rounds used. */
export interface ModelGroup {
  listLength: number;
  distractor: DistractorProtocol;
  lists: number;
  seed: number;
}

/**
 * Splits `lists` simulated lists among the list settings the rounds were
 * played with, in proportion to their rounds (at least 50 per setting), so
 * the model's curve is over the same mix of list lengths and distractors.
 */
export function modelGroups(
  rounds: readonly GameRound[],
  lists: number,
  seed: number,
): ModelGroup[] {
  const groups = new Map<string, ModelGroup & { rounds: number }>();
  for (const r of rounds) {
    const distractor = roundDistractor(r.settings);
    const key = `${r.settings.length}/${distractor}`;
    const g = groups.get(key) ?? {
      listLength: r.settings.length,
      distractor,
      lists: 0,
      seed,
      rounds: 0,
    };
    g.rounds++;
    groups.set(key, g);
  }
  return [...groups.values()].map(({ rounds: n, ...g }, k) => ({
    ...g,
    lists: Math.max(50, Math.round((lists * n) / rounds.length)),
    seed: seed + k,
  }));
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'round',
  'started_at',
  'list_length',
  'seconds_per_word',
  'arithmetic_problems',
  'event',
  'index',
  'word',
  'serial_position',
  'outcome',
] as const;

/**
 * One row per studied word (event "study", index = serial position) and one
 * per typed word (event "recall", index = output position, serial_position =
 * where the word was on the list, blank for an intrusion). 1-based.
 */
export function roundsCsv(rounds: readonly GameRound[]): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const r of rounds) {
    const head = [r.id, r.startedAt, r.settings.length, r.settings.rate, r.settings.arithmetic];
    r.words.forEach((w, i) => rows.push([...head, 'study', i + 1, w, i + 1, '']));
    const score = scoreRound(r);
    r.typed.forEach((w, k) => {
      const p = score.positions[k];
      rows.push([...head, 'recall', k + 1, w, p >= 0 ? p + 1 : '', score.outcomes[k]]);
    });
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Checks one stored or imported round; null when it does not look right. */
function readRound(raw: unknown): GameRound | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const s = r.settings as Record<string, unknown> | undefined;
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const isWords = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((w) => typeof w === 'string');
  if (!isNum(r.id) || typeof r.startedAt !== 'string' || !isNum(r.seed) || !s) return null;
  if (!isNum(s.length) || !isNum(s.rate) || !isNum(s.arithmetic) || !isNum(r.sumsCorrect))
    return null;
  if (!isWords(r.words) || !isWords(r.typed) || r.words.length !== s.length) return null;
  if (new Set(r.words.map(normaliseWord)).size !== r.words.length) return null;
  return {
    id: r.id,
    startedAt: r.startedAt,
    seed: r.seed,
    settings: { length: s.length, rate: s.rate, arithmetic: s.arithmetic },
    words: [...r.words],
    typed: [...r.typed],
    sumsCorrect: r.sumsCorrect,
  };
}

/** The rounds in a stored value, or null when any of them is damaged. */
export function readRounds(raw: unknown): GameRound[] | null {
  if (!Array.isArray(raw)) return null;
  const out: GameRound[] = [];
  for (const r of raw) {
    const round = readRound(r);
    if (!round) return null;
    out.push(round);
  }
  return out;
}
