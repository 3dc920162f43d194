/**
 * Making the Human memory lab: the store from the link, the runners, the
 * command context, and the lifecycle hooks (engine/lab.ts) the page runs.
 * Nothing here needs React, so tests make the same lab.
 */
import type { LabLifecycle } from '../../engine/lab';
import { tableLinkAndKeys } from '../../engine/labLink';
import { downloadText } from '../../engine/download';
import { say } from '../../engine/messages';
import { decodeParams } from '../../core/paramLink';
import { COMMANDS, type HumanCtx } from './commands';
import { GameRunner, REAL_CLOCK, type GameClock } from './gameRunner';
import { createRoundStorage, type RoundStorage } from './gameStorage';
import { ModelRunner } from './modelRunner';
import { PARAMS } from './params';
import { makeBrowserSimWorker, type MakeSimWorker } from './simClient';
import { createHumanStore, type HumanState } from './store';
import { WatchRunner } from './watchRunner';
import type { RunLoopOptions } from '../../engine/runLoop';

export type HumanLab = HumanCtx & LabLifecycle<HumanState>;

export interface LabOptions {
  storage?: RoundStorage;
  makeWorker?: MakeSimWorker;
  clock?: GameClock;
  loop?: Omit<RunLoopOptions, 'onChange' | 'speed'>;
  debounceMs?: number;
  download?: HumanCtx['download'];
}

export function makeLab(query: string, options: LabOptions = {}): HumanLab {
  const { values, errors } = decodeParams(PARAMS, query);
  const store = createHumanStore(values);
  for (const e of errors) say(store, 'warn', e, 'link');
  const models = new ModelRunner(
    store,
    options.makeWorker ?? makeBrowserSimWorker,
    options.debounceMs,
  );
  const watch = new WatchRunner(store, options.loop, options.debounceMs);
  const game = new GameRunner(
    store,
    options.storage ?? createRoundStorage(),
    options.clock ?? REAL_CLOCK,
  );
  const ctx: HumanCtx = { store, models, watch, game, download: options.download ?? downloadText };
  return {
    ...ctx,
    path: '/human',
    ...tableLinkAndKeys(PARAMS, COMMANDS, ctx),
    start() {
      game.loadSaved();
      watch.start();
      models.start();
    },
    dispose() {
      models.dispose();
      watch.dispose();
      game.dispose();
    },
  };
}
