/**
 * The Experiments lab's verbs, registered once (engine/commands): choose an
 * experiment, set one of its settings, choose the engine, run, cancel, and
 * save the results (CSV, JSON) and a chart (SVG, PNG). Buttons, keys, the
 * shortcut help and tests all go through these.
 */
import { commandsFor, type Command } from '../../engine/commands';
import { downloadBlob, downloadJson, downloadText } from '../../engine/download';
import type { LabLifecycle } from '../../engine/lab';
import { dismiss, messagesFrom, say } from '../../engine/messages';
import { toCsv } from '../../models/experiments/csv';
import type { ExperimentName } from '../../models/experiments/registry';
import { chartSvg, svgToPng } from './exportFiles';
import type { EngineChoice } from './protocol';
import { runName, type CapacityRunner } from './runner';
import { currentValues, type CapacityState, type CapacityStore } from './store';

export interface CapacityContext extends LabLifecycle<CapacityState> {
  store: CapacityStore;
  runner: CapacityRunner;
}

/** The store and runner are all a command needs (tests pass just these). */
type Ctx = Pick<CapacityContext, 'store' | 'runner'>;

/** A chart to save: its drawn <figure>, its title and the file name without extension. */
export interface ChartFile {
  figure: Element | null;
  title: string;
  file: string;
}

const running = (ctx: Ctx) => ctx.store.getState().status === 'running';
const idle = (ctx: Ctx) => !running(ctx);
const hasRows = (ctx: Ctx) => (ctx.store.getState().tables.rows ?? []).length > 0;

/** Whether every setting of the chosen experiment reads as a value. */
export function settingsValid(s: CapacityState): boolean {
  return currentValues(s).errors.length === 0;
}

/** How a chart's standalone SVG becomes each file format. */
const CHART_FORMATS = {
  svg: async (made: { svg: string }) => new Blob([made.svg], { type: 'image/svg+xml' }),
  png: (made: { svg: string; width: number; height: number }) =>
    svgToPng(made.svg, made.width, made.height),
};

/** The verb "save this chart as `format`": a message instead when it is not drawn or fails. */
function saveChart(
  id: string,
  format: keyof typeof CHART_FORMATS,
  help: string,
): Command<Ctx, ChartFile> {
  return {
    id,
    label: `Save ${format.toUpperCase()}`,
    help,
    perform: (ctx, chart) => {
      const made = chart.figure ? chartSvg(chart.figure, chart.title) : null;
      if (!made) return void say(ctx.store, 'warn', 'The chart is not drawn yet.', id);
      CHART_FORMATS[format](made).then(
        (blob) => downloadBlob(`${chart.file}.${format}`, blob),
        (e: unknown) => say(ctx.store, 'error', e instanceof Error ? e.message : String(e), id),
      );
    },
  };
}

export const COMMANDS = commandsFor<Ctx>()({
  chooseExperiment: {
    id: 'chooseExperiment',
    label: 'Experiment',
    help: 'Choose the experiment to set up and run',
    enabled: idle,
    perform: (ctx, experiment: ExperimentName) => ctx.store.setState({ experiment }),
  },
  setParam: {
    id: 'setParam',
    label: 'Setting',
    help: 'Set one of the experiment’s settings (kept as typed, checked by its table)',
    enabled: idle,
    perform: (ctx, { name, text }: { name: string; text: string }) =>
      ctx.store.setState((s) => ({
        texts: { ...s.texts, [s.experiment]: { ...s.texts[s.experiment], [name]: text } },
      })),
  },
  setEngine: {
    id: 'setEngine',
    label: 'Engine',
    help: 'Choose the engine the worker runs the experiment on',
    enabled: idle,
    perform: (ctx, engine: EngineChoice) => ctx.store.setState({ engine }),
  },
  run: {
    id: 'run',
    label: 'Run',
    help: 'Run the experiment in a Web Worker; the plot fills as trials finish',
    key: 'r',
    enabled: idle,
    perform: (ctx) => {
      const errors = ctx.runner.run();
      if (errors.length) say(ctx.store, 'warn', `Fix these first: ${errors.join('; ')}`, 'run');
      // A run that starts answers the refusals before it.
      else
        for (const m of messagesFrom(ctx.store.getState().messages, 'run'))
          dismiss(ctx.store, m.id);
    },
  },
  cancel: {
    id: 'cancel',
    label: 'Cancel',
    help: 'Stop the run; the rows that finished are kept',
    keys: ['escape'],
    enabled: running,
    perform: (ctx) => ctx.runner.cancel(),
  },
  exportCsv: {
    id: 'exportCsv',
    label: 'CSV',
    help: 'Save the results table as CSV',
    enabled: hasRows,
    perform: (ctx) => {
      const rows = ctx.store.getState().tables.rows ?? [];
      downloadText(`${runName(ctx.store)}.csv`, toCsv(rows), 'text/csv');
    },
  },
  exportJson: {
    id: 'exportJson',
    label: 'JSON',
    help: 'Save the whole run (settings, engine, every table, notes) as JSON',
    enabled: hasRows,
    perform: (ctx) => {
      const { ran, status, tables, notes } = ctx.store.getState();
      if (!ran) return;
      downloadJson(runName(ctx.store), {
        experiment: ran.experiment,
        params: ran.values,
        engine: ran.engine,
        status,
        ...tables,
        rows: tables.rows ?? [],
        notes,
      });
    },
  },
  saveSvg: saveChart('saveSvg', 'svg', 'Save a chart, with its legend, as an SVG file'),
  savePng: saveChart(
    'savePng',
    'png',
    'Save a chart, with its legend, as a PNG image (twice its size on screen)',
  ),
});
