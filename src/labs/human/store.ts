/**
 * The Human memory lab's store (zustand/vanilla): the settings of the
 * parameter table, the simulations' results, the watched list, and the
 * memory game. Runners and commands write it; components read it through
 * small selectors and act through commands.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaults } from '../../core/params';
import type { WithMessages } from '../../engine/messages';
import { CMR_PARAMS, type CmrParams } from '../../models/human/cmrParams';
import type { ListTrace } from '../../models/human/watchList';
import type { GameRound, GameSettings, Problem } from './game';
import { PARAMS, type Settings } from './params';
import type { ContextResult, EmotionResults, GameModelResult, SerialResult } from './simJobs';

/** One simulation's state: the last result stays on screen while the next one runs. */
export interface SimState<R> {
  status: 'idle' | 'running' | 'done' | 'error';
  /** Fraction of the running job done (0..1). */
  progress: number;
  result: R | null;
  error: string | null;
  /** Milliseconds the last finished job took in the worker. */
  ms: number | null;
}

export type GamePhase = 'idle' | 'study' | 'sums' | 'recall';

/** The round being played. */
export interface GameState {
  phase: GamePhase;
  settings: GameSettings;
  seed: number;
  startedAt: string;
  words: string[];
  /** During study: the word on screen (index into words), or -1 between words. */
  shown: number;
  problems: Problem[];
  /** The problem on screen (index into problems). */
  problem: number;
  sumsCorrect: number;
  typed: string[];
}

export interface HumanState extends Settings, WithMessages {
  serial: SimState<SerialResult>;
  context: SimState<ContextResult>;
  emotion: SimState<EmotionResults>;
  gameModel: SimState<GameModelResult>;
  /** Watch one list: the traced list, its words (labels only), the frame on screen. */
  trace: ListTrace | null;
  itemWords: string[];
  frame: number;
  playing: boolean;
  game: GameState;
  rounds: GameRound[];
  /** The page is asking "delete every round?". */
  confirmingClear: boolean;
  /** A rounds file that passed the check (./gameImport), waiting for "add" or "replace". */
  pendingImport: PendingImport | null;
}

export interface PendingImport {
  readonly name: string;
  readonly rounds: GameRound[];
}

export type HumanStore = StoreApi<HumanState>;

export function idleSim<R>(): SimState<R> {
  return { status: 'idle', progress: 0, result: null, error: null, ms: null };
}

export function idleGame(): GameState {
  return {
    phase: 'idle',
    settings: { length: 0, rate: 0, arithmetic: 0 },
    seed: 0,
    startedAt: '',
    words: [],
    shown: -1,
    problems: [],
    problem: 0,
    sumsCorrect: 0,
    typed: [],
  };
}

export function initialState(): HumanState {
  return {
    ...defaults(PARAMS),
    messages: [],
    serial: idleSim(),
    context: idleSim(),
    emotion: idleSim(),
    gameModel: idleSim(),
    trace: null,
    itemWords: [],
    frame: 0,
    playing: false,
    game: idleGame(),
    rounds: [],
    confirmingClear: false,
    pendingImport: null,
  };
}

export function createHumanStore(init: Partial<HumanState> = {}): HumanStore {
  return createStore<HumanState>(() => ({ ...initialState(), ...init }));
}

/** The CMR parameters among the settings. */
export function cmrOf(s: Settings): CmrParams {
  return Object.fromEntries(CMR_PARAMS.map((p) => [p.key, s[p.key]])) as unknown as CmrParams;
}

/** CMR parameters that act only with a place (context) or an emotional item (eCMR). */
export const PLACE_KEYS = ['w_place'] as const;
export const EMOTION_KEYS = ['w_emotion', 'phi_emot'] as const;

/** The CMR parameter keys, optionally without some groups'. */
export function cmrKeys(without: readonly string[] = []): (keyof CmrParams)[] {
  return CMR_PARAMS.map((p) => p.key).filter((k) => !without.includes(k));
}
