/**
 * Every verb of the Compression lab, registered once (engine/commands):
 * buttons, keys, the generated shortcut help and the tests all run these.
 * Whether a verb is possible is read from the store, so a button re-renders
 * with the state it depends on.
 */
import { commandsFor } from '../../engine/commands';
import { dismissCommand, say } from '../../engine/messages';
import { randomSeed } from '../../core/random';
import {
  amountRange,
  checkSetting,
  defaultAmount,
  maxRecords,
  type SettingKey,
  type Settings,
} from './params';
import type { CompressionRunner } from './runner';
import type { CompressionState, CompressionStore } from './store';

export interface CompressionCtx {
  store: CompressionStore;
  runner: CompressionRunner;
}

/** A setting and its new value, for setParam. */
export type SettingChange = { [K in SettingKey]: [K, Settings[K]] }[SettingKey];

/** A file the visitor picked, read into bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** The file's size when it was too large to read (bytes is then empty). */
  size?: number;
}

const state = (ctx: CompressionCtx) => ctx.store.getState();

export const hasData = (s: CompressionState) => s.data.status === 'done';
export const isTraining = (s: CompressionState) =>
  s.training.status === 'probing' ||
  s.training.status === 'running' ||
  s.training.status === 'compressing';
export const hasModel = (s: CompressionState) => s.compressed !== null;

/** Why a change does not fit the other settings, or null. */
function crossProblem(s: CompressionState, change: SettingChange): string | null {
  const [key, value] = change;
  if (key === 'records' && value > maxRecords(s.dataset)) {
    return `MNIST has ${maxRecords(s.dataset).toLocaleString('en')} digits; records must be at most that.`;
  }
  if (key === 'record' && value >= s.records) {
    return `Record must be 0 to ${s.records - 1} (there are ${s.records} records).`;
  }
  if (key === 'amount') {
    const bits = s.compressed?.bits ?? s.bits;
    const r = amountRange(s.query, bits);
    if (value < r.min || value > r.max || (r.integer && !Number.isInteger(value))) {
      return `For a ${s.query} query the amount must be ${r.min} to ${r.max}${r.integer ? ', a whole number of bits' : ''}; got ${value}.`;
    }
  }
  return null;
}

export const COMMANDS = commandsFor<CompressionCtx>()({
  setParam: {
    id: 'setParam',
    label: 'Set',
    help: 'Change one setting (checked against its range)',
    perform: (ctx, change: SettingChange) => {
      const [key, value] = change;
      const s = state(ctx);
      const problem = checkSetting(key, value) ?? crossProblem(s, change);
      if (problem) {
        say(ctx.store, 'warn', problem, `setParam:${key}`);
        return;
      }
      if (s[key] === value) return;
      const patch: Partial<Settings> = { [key]: value };
      // Settings that follow: MNIST's 10,000 digits; the amount that fits a new kind of query.
      if (key === 'dataset') patch.records = Math.min(s.records, maxRecords(value));
      if (key === 'query') patch.amount = defaultAmount(value, s.compressed?.bits ?? s.bits);
      if (key === 'records' && s.record >= value) patch.record = 0;
      ctx.store.setState(patch);
    },
  },
  newSeed: {
    id: 'newSeed',
    label: 'New seed',
    help: 'Draw a new seed: new records, new initial weights, new queries',
    perform: (ctx) => ctx.store.setState({ seed: randomSeed() }),
  },
  generate: {
    id: 'generate',
    label: 'Generate',
    key: 'g',
    help: 'Make the records for these settings (and measure their bytes)',
    perform: (ctx) => void ctx.runner.generate(),
  },
  train: {
    id: 'train',
    label: 'Train',
    key: 't',
    help: 'Train the encoder and decoder on the records, then compress them and measure',
    enabled: (ctx) => hasData(state(ctx)) && !isTraining(state(ctx)),
    perform: (ctx) => void ctx.runner.train(),
  },
  cancelTraining: {
    id: 'cancelTraining',
    label: 'Cancel',
    key: 'x',
    help: 'Stop training (nothing is kept)',
    enabled: (ctx) => isTraining(state(ctx)),
    perform: (ctx) => ctx.runner.cancelTraining(),
  },
  measureRecall: {
    id: 'measureRecall',
    label: 'Measure recall again',
    key: 'm',
    help: 'Run every recall point again (missing fields, flipped bits, input noise)',
    enabled: (ctx) => hasModel(state(ctx)),
    perform: (ctx) => ctx.runner.remeasure(),
  },
  addCurvePoint: {
    id: 'addCurvePoint',
    label: 'Train at K',
    help: 'Train the autoencoder at another K (in a worker) for its rate-distortion curve',
    enabled: (ctx) => hasData(state(ctx)) && state(ctx).curve.running === null,
    perform: (ctx, bits: number) => void ctx.runner.addCurvePoint(bits),
  },
  runQuery: {
    id: 'runQuery',
    label: 'Corrupt and recall',
    key: 'q',
    help: 'Corrupt the chosen record, clean up its code and decode it',
    enabled: (ctx) => hasModel(state(ctx)),
    perform: (ctx) => void ctx.runner.runQuery(),
  },
  randomRecord: {
    id: 'randomRecord',
    label: 'Another record',
    key: 'r',
    help: 'Pick a record at random for the hand-made query',
    enabled: (ctx) => hasData(state(ctx)),
    perform: (ctx) => ctx.store.setState({ record: randomSeed() % state(ctx).records }),
  },
  exportFile: {
    id: 'exportFile',
    label: 'Export file',
    key: 'e',
    help: 'Save the compressed dataset (decoder, codes, normalisation, schema) as one file',
    enabled: (ctx) => hasModel(state(ctx)),
    perform: (ctx) => ctx.runner.exportFile(),
  },
  importFile: {
    id: 'importFile',
    label: 'Import file',
    help: 'Read a compressed dataset back (checked before anything changes)',
    perform: (ctx, file: PickedFile) =>
      void ctx.runner.importFile(file.name, file.bytes, file.size ?? file.bytes.length),
  },
  restoreReplaced: {
    id: 'restoreReplaced',
    label: 'Bring back the model it replaced',
    help: 'Put back the compressed dataset that the imported file replaced (the file’s is dropped)',
    enabled: (ctx) => state(ctx).replacedModel !== null,
    perform: (ctx) => ctx.runner.restoreReplaced(),
  },
  dismissMessage: dismissCommand<CompressionCtx>(),
});

export type CompressionCommands = typeof COMMANDS;
