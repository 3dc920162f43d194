/**
 * The part's computing runners. Each names the store fields its result
 * depends on (engine/watch) and recomputes when any of them changes,
 * whoever changed it: the fits (a few ms, at once), the gap sweep and the
 * interference sweep (in chunks, point by point), and both interference
 * experiments at the chosen similarity (about a millisecond, at once).
 */
import { watchFields } from '../../../engine/watch';
import { fitChosen } from './forgettingView';
import {
  interferenceAt,
  interferenceConfig,
  SIMILARITY_GRID,
  sweepPoint,
  type InterferenceRow,
} from './interferenceView';
import { RETENTION_NAMES } from './params';
import { runInChunks, type ChunkOptions } from './chunks';
import { crossoverForOneDay, gapSweepRow, type GapSweepRow } from './spacingView';
import type { Part2State, Part2Store, Sweep } from './store';

type Field = keyof Part2State;

/** Something a runner computes from the store; started and stopped with the lab. */
export interface Runner {
  start(): void;
  dispose(): void;
}

/**
 * Recomputes `compute(state)` whenever one of `fields` changes; the first
 * result is computed on the next turn (chunks.schedule), so that starting
 * the lab does not add to the page's first render.
 */
export function derivedRunner(
  store: Part2Store,
  fields: readonly Field[],
  compute: (s: Part2State) => Partial<Part2State>,
  { schedule = (cb: () => void) => setTimeout(cb, 0) }: ChunkOptions = {},
): Runner {
  let unwatch: (() => void) | null = null;
  const run = () => {
    if (unwatch) store.setState(compute(store.getState()));
  };
  return {
    start() {
      if (unwatch) return;
      unwatch = watchFields(store, fields, run);
      schedule(run);
    },
    dispose() {
      unwatch?.();
      unwatch = null;
    },
  };
}

/**
 * A sweep over tasks made from the settings, run in chunks; a change of a
 * watched field cancels the running sweep and starts a new one.
 */
export function sweepRunner<Row>(
  store: Part2Store,
  fields: readonly Field[],
  tasks: (s: Part2State) => (() => Row)[],
  write: (sweep: Sweep<Row>) => Partial<Part2State>,
  chunks: ChunkOptions = {},
): Runner {
  let unwatch: (() => void) | null = null;
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel?.();
    const list = tasks(store.getState());
    let rows: Row[] = [];
    store.setState(write({ status: 'running', rows, total: list.length, ms: null }));
    cancel = runInChunks<Row>(
      list,
      (more) => {
        rows = [...rows, ...more];
        if (rows.length < list.length) {
          store.setState(write({ status: 'running', rows, total: list.length, ms: null }));
        }
      },
      (ms) => store.setState(write({ status: 'done', rows, total: list.length, ms })),
      chunks,
    );
  };
  return {
    start() {
      if (unwatch) return;
      unwatch = watchFields(store, fields, run);
      run();
    },
    dispose() {
      unwatch?.();
      unwatch = null;
      cancel?.();
      cancel = null;
    },
  };
}

const INTERFERENCE_FIELDS: readonly Field[] = [
  'interferenceBeta',
  'firstTrials',
  'secondTrials',
  'interferenceSeed',
];

/** The part's computing runners, in page order. */
export function computingRunners(store: Part2Store, chunks: ChunkOptions = {}): Runner[] {
  return [
    derivedRunner(store, ['fitPoints'], (s) => ({ fits: fitChosen(s.fitPoints) }), chunks),
    derivedRunner(store, [], () => ({ crossover: crossoverForOneDay() }), chunks),
    sweepRunner<GapSweepRow>(
      store,
      ['retentions'],
      (s) =>
        RETENTION_NAMES.filter((r) => s.retentions.includes(r)).map((r) => () => gapSweepRow(r)),
      (gapSweep) => ({ gapSweep }),
      chunks,
    ),
    sweepRunner<InterferenceRow>(
      store,
      INTERFERENCE_FIELDS,
      (s) => {
        const cfg = interferenceConfig(s);
        return SIMILARITY_GRID.map((x) => () => sweepPoint(x, cfg));
      },
      (interferenceSweep) => ({ interferenceSweep }),
      chunks,
    ),
    derivedRunner(
      store,
      [...INTERFERENCE_FIELDS, 'similarity'],
      (s) => ({ interferenceAt: interferenceAt(interferenceConfig(s)) }),
      chunks,
    ),
  ];
}
