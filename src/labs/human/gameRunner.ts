/**
 * The memory game's clock and phases: study (one word every `rate` seconds,
 * with a short blank before the next so each word has a visible onset), the
 * optional arithmetic, then free recall until the visitor finishes. A
 * finished round joins the rounds kept on this device.
 */
import { say } from '../../engine/messages';
import { makeProblems, normaliseWord, wordsForRound, type GameRound } from './game';
import type { RoundStorage } from './gameStorage';
import { idleGame, type GameState, type HumanStore } from './store';

export interface GameClock {
  set(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clear(id: ReturnType<typeof setTimeout>): void;
  /** ISO time now. */
  now(): string;
}

export const REAL_CLOCK: GameClock = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (id) => clearTimeout(id),
  now: () => new Date().toISOString(),
};

/** The blank between two words: 15 % of the interval, at most 200 ms. */
export function blankMs(rateSeconds: number): number {
  return Math.min(200, rateSeconds * 150);
}

export class GameRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: HumanStore,
    private readonly storage: RoundStorage,
    private readonly clock: GameClock = REAL_CLOCK,
  ) {}

  /** Brings back the rounds saved on this device (and says so if they were damaged). */
  loadSaved(): void {
    const { rounds, problem } = this.storage.load();
    this.store.setState({ rounds });
    if (problem) say(this.store, 'warn', problem, 'storage');
  }

  private get game(): GameState {
    return this.store.getState().game;
  }

  private setGame(change: Partial<GameState>): void {
    this.store.setState({ game: { ...this.game, ...change } });
  }

  /** Starts a round with the current settings: the first word appears now. */
  start(): void {
    const s = this.store.getState();
    this.stopTimer();
    const settings = { length: s.gameLength, rate: s.rate, arithmetic: s.arithmetic };
    const seed = s.seed;
    this.store.setState({
      confirmingClear: false,
      game: {
        ...idleGame(),
        phase: 'study',
        settings,
        seed,
        startedAt: this.clock.now(),
        words: wordsForRound(seed, s.rounds, settings.length),
        problems: makeProblems(seed + s.rounds.length, settings.arithmetic),
      },
    });
    this.show(0);
  }

  private show(i: number): void {
    const { words, settings } = this.game;
    if (i >= words.length) {
      this.setGame({ shown: -1, phase: settings.arithmetic > 0 ? 'sums' : 'recall' });
      return;
    }
    this.setGame({ shown: i });
    const interval = settings.rate * 1000;
    const blank = blankMs(settings.rate);
    this.timer = this.clock.set(() => {
      this.setGame({ shown: -1 });
      this.timer = this.clock.set(() => this.show(i + 1), blank);
    }, interval - blank);
  }

  /** Answers the arithmetic problem on screen; the last answer opens recall. */
  answer(text: string): void {
    const g = this.game;
    if (g.phase !== 'sums' || text.trim() === '') return;
    const right = Number(text.trim().replace('−', '-')) === g.problems[g.problem].answer;
    const problem = g.problem + 1;
    this.setGame({
      problem,
      sumsCorrect: g.sumsCorrect + (right ? 1 : 0),
      ...(problem >= g.problems.length ? { phase: 'recall' as const } : {}),
    });
  }

  /** Adds a typed word to the recall (blank input is ignored). */
  addWord(text: string): boolean {
    const g = this.game;
    if (g.phase !== 'recall' || normaliseWord(text) === '') return false;
    this.setGame({ typed: [...g.typed, text.trim()] });
    return true;
  }

  /** Ends recall: the round is scored, kept and saved. */
  finish(): GameRound | null {
    const g = this.game;
    if (g.phase !== 'recall') return null;
    const { rounds } = this.store.getState();
    const round: GameRound = {
      id: rounds.reduce((m, r) => Math.max(m, r.id), 0) + 1,
      startedAt: g.startedAt,
      seed: g.seed,
      settings: g.settings,
      words: g.words,
      typed: g.typed,
      sumsCorrect: g.sumsCorrect,
    };
    const next = [...rounds, round];
    this.store.setState({ rounds: next, game: idleGame() });
    this.persist(next, 'finish');
    return round;
  }

  /** Stops the round on screen without keeping it. */
  abandon(): void {
    this.stopTimer();
    this.store.setState({ game: idleGame() });
  }

  /** Puts `rounds` in place of the rounds here, on the page and on the device (an import). */
  setRounds(rounds: GameRound[], source: string): void {
    this.store.setState({ rounds, confirmingClear: false, pendingImport: null });
    this.persist(rounds, source);
  }

  /** Deletes every round, on the page and on the device. */
  clearRounds(): void {
    this.store.setState({ rounds: [], confirmingClear: false });
    this.persist([], 'confirmClear');
  }

  dispose(): void {
    this.stopTimer();
  }

  private persist(rounds: GameRound[], source: string): void {
    const problem = this.storage.save(rounds);
    if (problem) say(this.store, 'warn', problem, source);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clock.clear(this.timer);
    this.timer = null;
  }
}
