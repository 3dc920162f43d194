/** A played round for the tests of the game's rules and files (not used by the page). */
import type { GameRound } from './game';

export function round(over: Partial<GameRound> = {}): GameRound {
  return {
    id: 1,
    startedAt: '2025-01-01T10:00:00.000Z',
    seed: 1,
    settings: { length: 4, rate: 1, arithmetic: 0 },
    words: ['apple', 'boat', 'candle', 'drum'],
    typed: [],
    sumsCorrect: 0,
    ...over,
  };
}
