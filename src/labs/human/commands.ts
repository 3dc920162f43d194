/**
 * Every verb of the Human memory lab, registered once (engine/commands):
 * buttons, keys, the generated shortcut help and the tests all run these.
 */
import { commandsFor } from '../../engine/commands';
import { dismissCommand, say } from '../../engine/messages';
import { randomSeed } from '../../core/random';
import { summarizeFreeRecall } from '../../models/human/freeRecall';
import { CMR_PARAMS } from '../../models/human/cmrParams';
import { roundsCsv, roundTrial } from './game';
import { applySetting } from '../../engine/applySetting';
import { checkRoundsFile, mergeRounds, renumber } from './gameImport';
import type { GameRunner } from './gameRunner';
import type { ModelRunner } from './modelRunner';
import { checkSetting, type SettingKey, type Settings } from './params';
import type { HumanStore } from './store';
import type { WatchRunner } from './watchRunner';

export interface HumanCtx {
  store: HumanStore;
  models: ModelRunner;
  watch: WatchRunner;
  game: GameRunner;
  /** Offers a file to the visitor (a Blob download in the page; captured in tests). */
  download(filename: string, text: string, type: string): void;
}

/** A file the visitor chose or dropped: its name, its size in bytes, and its text ('' when too big to read). */
export interface ChosenFile {
  name: string;
  size: number;
  text: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A setting and its new value, for setParam. */
export type SettingChange = { [K in SettingKey]: [K, Settings[K]] }[SettingKey];

const phase = (ctx: HumanCtx) => ctx.store.getState().game.phase;
const hasRounds = (ctx: HumanCtx) => ctx.store.getState().rounds.length > 0;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the JSON export holds: every round, and both sets of curves. */
export function exportDocument(ctx: HumanCtx): object {
  const s = ctx.store.getState();
  const model = s.gameModel.result;
  return {
    format: 'engram-human-memory-game',
    version: 1,
    exportedAt: new Date().toISOString(),
    conventions:
      'serial positions and lags index the studied list from its first word; analyses as in src/models/human/analyses.ts',
    rounds: s.rounds,
    you: s.rounds.length ? summarizeFreeRecall(s.rounds.map(roundTrial)) : null,
    model: model
      ? {
          model: 'CMR (Polyn, Norman & Kahana 2009)',
          lists: model.lists,
          params: Object.fromEntries(CMR_PARAMS.map((p) => [p.key, s[p.key]])),
          ...model.summary,
        }
      : null,
  };
}

export const COMMANDS = commandsFor<HumanCtx>()({
  setParam: {
    id: 'setParam',
    label: 'Set',
    help: 'Change one setting (checked against its range)',
    perform: (ctx, [key, value]: SettingChange) =>
      applySetting(ctx.store, key, value, checkSetting(key, value), `setParam:${key}`),
  },
  resetModel: {
    id: 'resetModel',
    label: 'Example parameters',
    help: "Every CMR parameter back to cymr's example values",
    perform: (ctx) =>
      ctx.store.setState(Object.fromEntries(CMR_PARAMS.map((p) => [p.key, p.default]))),
  },
  newSeed: {
    id: 'newSeed',
    label: 'New seed',
    help: 'Draw a new seed: new simulated lists, a new watched list, new word lists',
    perform: (ctx) => ctx.store.setState({ seed: randomSeed() }),
  },
  togglePlay: {
    id: 'togglePlay',
    label: 'Play / pause',
    key: 'p',
    help: 'Play the watched list step by step, or pause it',
    perform: (ctx) => ctx.watch.toggle(),
  },
  stepWatch: {
    id: 'stepWatch',
    label: 'Step',
    key: 'n',
    help: 'One step of the watched list (a studied item or one recall)',
    enabled: (ctx) => ctx.store.getState().frame < ctx.watch.lastFrame,
    perform: (ctx) => ctx.watch.step(),
  },
  stepBack: {
    id: 'stepBack',
    label: 'Back',
    key: 'b',
    help: 'One step back in the watched list',
    enabled: (ctx) => ctx.store.getState().frame > 0,
    perform: (ctx) => ctx.watch.back(),
  },
  resetWatch: {
    id: 'resetWatch',
    label: 'Reset',
    key: 'z',
    help: 'Back to the first studied item',
    perform: (ctx) => ctx.watch.reset(),
  },
  seekFrame: {
    id: 'seekFrame',
    label: 'Go to step',
    help: 'Show one step of the watched list',
    perform: (ctx, frame: number) => {
      ctx.watch.pause();
      ctx.watch.seek(frame);
    },
  },
  startRound: {
    id: 'startRound',
    label: 'Start a round',
    key: 'g',
    help: 'Study a new list of words, one at a time',
    enabled: (ctx) => phase(ctx) === 'idle',
    perform: (ctx) => ctx.game.start(),
  },
  abandonRound: {
    id: 'abandonRound',
    label: 'Stop this round',
    help: 'Stop the round on screen without keeping it',
    enabled: (ctx) => phase(ctx) !== 'idle',
    perform: (ctx) => ctx.game.abandon(),
  },
  submitAnswer: {
    id: 'submitAnswer',
    label: 'Answer',
    help: 'Answer the arithmetic problem on screen',
    enabled: (ctx) => phase(ctx) === 'sums',
    perform: (ctx, text: string) => ctx.game.answer(text),
  },
  submitWord: {
    id: 'submitWord',
    label: 'Add word',
    help: 'Add a word you remember (Enter)',
    enabled: (ctx) => phase(ctx) === 'recall',
    perform: (ctx, text: string) => void ctx.game.addWord(text),
  },
  finishRecall: {
    id: 'finishRecall',
    label: 'I am done',
    help: 'End recall: score this round and add it to your results',
    enabled: (ctx) => phase(ctx) === 'recall',
    perform: (ctx) => void ctx.game.finish(),
  },
  exportCsv: {
    id: 'exportCsv',
    label: 'Export CSV',
    help: 'Save every round as a table: one row per studied and per typed word',
    enabled: hasRounds,
    perform: (ctx) =>
      ctx.download(
        `engram-memory-game-${today()}.csv`,
        roundsCsv(ctx.store.getState().rounds),
        'text/csv',
      ),
  },
  exportJson: {
    id: 'exportJson',
    label: 'Export JSON',
    help: 'Save every round with your curves and the model’s',
    enabled: hasRounds,
    perform: (ctx) =>
      ctx.download(
        `engram-memory-game-${today()}.json`,
        JSON.stringify(exportDocument(ctx), null, 2),
        'application/json',
      ),
  },
  importRounds: {
    id: 'importRounds',
    label: 'Import rounds…',
    help: 'Read rounds back from a file Export JSON wrote (checked before anything changes)',
    perform: (ctx, file: ChosenFile) => {
      const check = checkRoundsFile(file.text, file.size);
      if (!check.ok) {
        ctx.store.setState({ pendingImport: null });
        say(
          ctx.store,
          'warn',
          `${file.name} was not read, and your rounds are as they were. ${check.problem}`,
          'importRounds',
        );
        return;
      }
      ctx.store.setState({
        pendingImport: { name: file.name, rounds: check.rounds },
        confirmingClear: false,
      });
    },
  },
  importAdd: {
    id: 'importAdd',
    label: 'Add them to mine',
    help: 'Add the file’s rounds to the rounds here (a round already here is not added twice)',
    enabled: (ctx) => ctx.store.getState().pendingImport !== null,
    perform: (ctx) => {
      const { pendingImport: p, rounds } = ctx.store.getState();
      if (!p) return;
      const m = mergeRounds(rounds, p.rounds);
      ctx.game.setRounds(m.rounds, 'importRounds');
      say(
        ctx.store,
        'info',
        `Added ${plural(m.added, 'round')} from ${p.name}${m.already ? ` (${plural(m.already, 'round')} of it ${m.already === 1 ? 'was' : 'were'} already here)` : ''}; you now have ${plural(m.rounds.length, 'round')}.`,
        'importRounds',
      );
    },
  },
  importReplace: {
    id: 'importReplace',
    label: 'Replace mine with them',
    help: 'Put the file’s rounds in place of the rounds here',
    enabled: (ctx) => ctx.store.getState().pendingImport !== null && hasRounds(ctx),
    perform: (ctx) => {
      const p = ctx.store.getState().pendingImport;
      if (!p) return;
      const was = ctx.store.getState().rounds.length;
      ctx.game.setRounds(renumber(p.rounds), 'importRounds');
      say(
        ctx.store,
        'info',
        `Replaced your ${plural(was, 'round')} with the ${plural(p.rounds.length, 'round')} of ${p.name}.`,
        'importRounds',
      );
    },
  },
  cancelImport: {
    id: 'cancelImport',
    label: 'Cancel',
    help: 'Do not import the file; keep the rounds as they are',
    enabled: (ctx) => ctx.store.getState().pendingImport !== null,
    perform: (ctx) => ctx.store.setState({ pendingImport: null }),
  },
  askClear: {
    id: 'askClear',
    label: 'Clear my rounds…',
    help: 'Delete every round kept on this device (asks first)',
    enabled: (ctx) => hasRounds(ctx) && !ctx.store.getState().confirmingClear,
    perform: (ctx) => ctx.store.setState({ confirmingClear: true }),
  },
  confirmClear: {
    id: 'confirmClear',
    label: 'Delete them',
    help: 'Delete every round on this device now',
    enabled: (ctx) => ctx.store.getState().confirmingClear,
    perform: (ctx) => ctx.game.clearRounds(),
  },
  cancelClear: {
    id: 'cancelClear',
    label: 'Keep them',
    help: 'Keep the rounds',
    enabled: (ctx) => ctx.store.getState().confirmingClear,
    perform: (ctx) => ctx.store.setState({ confirmingClear: false }),
  },
  dismissMessage: dismissCommand<HumanCtx>(),
});

export type HumanCommands = typeof COMMANDS;
