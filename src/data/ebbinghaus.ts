/**
 * Ebbinghaus's forgetting curve: savings in relearning, from
 *
 *   Ebbinghaus, H. (1885). Über das Gedächtnis. Untersuchungen zur
 *   experimentellen Psychologie. Leipzig: Duncker & Humblot. Chapter 7,
 *   section 29. English: Memory: A Contribution to Experimental Psychology
 *   (H. A. Ruger & C. E. Bussenius, trans., 1913). New York: Teachers College.
 *   Replicated by Murre, J. M. J. & Dros, J. (2015), PLOS ONE 10(7): e0120644.
 *
 * One subject (Ebbinghaus himself) learned lists of 13 nonsense syllables to
 * two errorless recitations, and relearned them after a delay. Savings is the
 * share of the original learning time saved in relearning:
 *   savings = 100 (T_learn - T_relearn) / T_learn   (percent).
 * Savings is NOT a recall probability: a list with 0 % savings may still be
 * partly recallable, and savings cannot be negative here. How a model maps
 * its output onto savings is stated where the model is fitted (actr.ts).
 *
 * Delays are the rounded ones SCIENCE.md section 5 lists (20 min, 1 h, 9 h,
 * 1 d, 2 d, 6 d, 31 d), stored in hours.
 */

export interface SavingsPoint {
  /** Delay between learning and relearning, in hours. */
  delayHours: number;
  /** How the delay is written in the source. */
  label: string;
  /** Savings in relearning, percent. */
  savingsPercent: number;
}

export const EBBINGHAUS_CITATION =
  'Ebbinghaus, H. (1885). Über das Gedächtnis. Leipzig: Duncker & Humblot (ch. 7, §29)';

export const EBBINGHAUS_1885: readonly SavingsPoint[] = [
  { delayHours: 20 / 60, label: '20 min', savingsPercent: 58.2 },
  { delayHours: 1, label: '1 h', savingsPercent: 44.2 },
  { delayHours: 9, label: '9 h', savingsPercent: 35.8 },
  { delayHours: 24, label: '1 d', savingsPercent: 33.7 },
  { delayHours: 2 * 24, label: '2 d', savingsPercent: 27.8 },
  { delayHours: 6 * 24, label: '6 d', savingsPercent: 25.4 },
  { delayHours: 31 * 24, label: '31 d', savingsPercent: 21.1 },
];

/** The delays (hours) and savings (%) as two arrays, for fitting. */
export function ebbinghausArrays(): { hours: Float64Array; savings: Float64Array } {
  return {
    hours: Float64Array.from(EBBINGHAUS_1885, (p) => p.delayHours),
    savings: Float64Array.from(EBBINGHAUS_1885, (p) => p.savingsPercent),
  };
}
