/**
 * The Consolidation lab's verbs, registered once (engine/commands): the
 * stepper's steps and keys, the pipeline's buttons (store, replay, train,
 * pause, play), the settings' selects, the explorations of steps 4 to 6 and
 * step 6's settings. Buttons, keys, the generated shortcut help and tests
 * all run these; components never write the store themselves.
 */
import { commandsFor, type Command } from '../../engine/commands';
import { dismiss } from '../../engine/messages';
import type { Explorer } from './explorer';
import { STEPS, type Picks, type SelectSetting } from './params';
import type { ConsolidationRunner } from './runner';
import type { ConsolidationState, ConsolidationStore } from './store';
import { exportVae, importVae } from './work';

export interface LabContext {
  store: ConsolidationStore;
  runner: ConsolidationRunner;
  explorer: Explorer;
}

const state = (ctx: LabContext) => ctx.store.getState();
const idle = (ctx: LabContext) => state(ctx).status === 'ready' && state(ctx).busy === null;
const notTraining = (ctx: LabContext) => state(ctx).training !== 'running';

/** Moves the stepper to `step`, rounded and clamped to 1..STEPS.length. */
function goTo(ctx: LabContext, step: number): void {
  const n = Math.min(STEPS.length, Math.max(1, Math.round(step)));
  if (n !== state(ctx).step) ctx.store.setState({ step: n });
}

/** Step n of the stepper, on the key n. */
function stepCommand(n: number): Command<LabContext> {
  const { name } = STEPS[n - 1];
  return {
    id: `step${n}`,
    label: `Step ${n}: ${name}`,
    help: `Show step ${n}, ${name}`,
    key: String(n),
    perform: (ctx) => goTo(ctx, n),
  };
}

/** A select's setting; `when`: while it may change. */
function settingCommand(
  field: SelectSetting,
  label: string,
  when: (ctx: LabContext) => boolean,
): Command<LabContext, number> {
  return {
    id: `set-${field}`,
    label,
    help: `Set ${label}`,
    enabled: when,
    perform: (ctx, value) => {
      const patch: Partial<ConsolidationState> = {};
      patch[field] = value;
      ctx.store.setState(patch);
    },
  };
}

/** Step 6's episode moved by `by` among the traces (wrapping around), once step 6 is on screen. */
function episodeCommand(id: string, label: string, by: number): Command<LabContext> {
  return {
    id,
    label,
    help: `Step 6's ${by < 0 ? 'previous' : 'next'} episode`,
    enabled: (ctx) => notTraining(ctx) && state(ctx).extended !== null,
    perform: (ctx) => {
      const s = state(ctx);
      const n = s.extended?.traces ?? 1;
      const next = (s.extended?.index ?? s.extendedEpisode) + by;
      ctx.store.setState({ extendedEpisode: ((next % n) + n) % n });
    },
  };
}

/** An exploration of the VAE on screen (./explorer's method of the same name). */
function exploreCommand(
  id: 'imagine' | 'recallPartial' | 'analyse' | 'arithmetic' | 'sweep',
  label: string,
  help: string,
  enabled: (ctx: LabContext) => boolean,
): Command<LabContext> {
  return { id, label, help, enabled, perform: (ctx) => void ctx.explorer[id]() };
}

/** Measurements that take the page a while: not while another step or the training runs. */
const free = (ctx: LabContext) => idle(ctx) && notTraining(ctx);

export const COMMANDS = commandsFor<LabContext>()({
  step1: stepCommand(1),
  step2: stepCommand(2),
  step3: stepCommand(3),
  step4: stepCommand(4),
  step5: stepCommand(5),
  step6: stepCommand(6),
  previousStep: {
    id: 'previousStep',
    label: 'Previous step',
    help: 'The previous step',
    key: 'p',
    keys: ['arrowleft'],
    enabled: (ctx) => state(ctx).step > 1,
    perform: (ctx) => goTo(ctx, state(ctx).step - 1),
  },
  nextStep: {
    id: 'nextStep',
    label: 'Next step',
    help: 'The next step',
    key: 'n',
    keys: ['arrowright'],
    enabled: (ctx) => state(ctx).step < STEPS.length,
    perform: (ctx) => goTo(ctx, state(ctx).step + 1),
  },
  goToStep: {
    id: 'goToStep',
    label: 'Go to step',
    help: 'Show one step of the stepper',
    perform: (ctx, step: number) => goTo(ctx, step),
  },

  encode: {
    id: 'encode',
    label: 'Store the episodes',
    help: 'Step 1: store N digits at once in the hippocampus',
    enabled: idle,
    perform: (ctx) => void ctx.runner.encode(),
  },
  replay: {
    id: 'replay',
    label: 'Replay',
    help: 'Step 2: feed the hippocampus noise R times; each output is a stored episode',
    enabled: (ctx) => idle(ctx) && state(ctx).encoded !== null,
    perform: (ctx) => void ctx.runner.replay(),
  },
  train: {
    id: 'train',
    label: 'Train from scratch',
    help: 'Step 3: a fresh VAE learns from the replays only',
    enabled: (ctx) => idle(ctx) && Number.isFinite(state(ctx).replay?.exact ?? NaN),
    perform: (ctx) => void ctx.runner.trainFromScratch(),
  },
  pause: {
    id: 'pause',
    label: 'Pause',
    help: 'Pause the training after the current minibatch',
    enabled: (ctx) => state(ctx).training === 'running',
    perform: (ctx) => ctx.runner.pause(),
  },
  play: {
    id: 'play',
    label: 'Play',
    help: 'Train on from where the training paused',
    enabled: (ctx) => state(ctx).training === 'paused' && state(ctx).source === 'live',
    perform: (ctx) => void ctx.runner.resume(),
  },
  setEpisodes: settingCommand('episodes', 'episodes N', idle),
  setReplays: settingCommand('replays', 'replays R', idle),
  setEpochs: settingCommand('epochs', 'epochs', notTraining),
  setLatentSize: settingCommand('latentSize', 'latents', notTraining),

  decodePoint: {
    id: 'decodePoint',
    label: 'Decode a point',
    help: 'Decode a point of the latent plane',
    perform: (ctx, z: [number, number]) => void ctx.explorer.decodeAt(z),
  },
  probeDigit: {
    id: 'probeDigit',
    label: 'Show a digit',
    help: 'A held-out digit and its reconstruction',
    perform: (ctx, i: number) => void ctx.explorer.showDigit(i),
  },
  interpolate: {
    id: 'interpolate',
    label: 'Interpolate',
    help: 'Decode evenly spaced points from one place of the plane to another',
    perform: (ctx, line: { from: [number, number]; to: [number, number] }) =>
      void ctx.explorer.interpolate(line.from, line.to),
  },
  imagine: exploreCommand(
    'imagine',
    'Imagine (decode prior samples)',
    'Decode 16 draws from the prior N(0, I)',
    notTraining,
  ),
  recallPartial: exploreCommand(
    'recallPartial',
    'Recall an episode from its top half',
    'A stored episode recalled from its top half by the hippocampus and by the VAE',
    (ctx) => free(ctx) && state(ctx).encoded !== null,
  ),
  analyse: exploreCommand(
    'analyse',
    'Measure distortion, few-shot learning and boundary extension',
    'Prototypical distortion, few-shot learning and boundary extension on held-out digits',
    free,
  ),
  setArithmeticPick: {
    id: 'setArithmeticPick',
    label: 'Pick a digit',
    help: 'Choose digit a, b or c of a − b + c',
    perform: (ctx, pick: { slot: number; digit: number }) => {
      const next: Picks = [...state(ctx).arithmeticPicks];
      next[pick.slot] = pick.digit;
      ctx.store.setState({ arithmeticPicks: next });
    },
  },
  arithmetic: exploreCommand(
    'arithmetic',
    'Decode a − b + c',
    'Vector arithmetic on the class means of the latents, decoded and read out',
    notTraining,
  ),

  setThreshold: {
    id: 'setThreshold',
    label: 'threshold θ',
    help: "Step 6's threshold on the VAE's pixel error",
    enabled: notTraining,
    perform: (ctx, threshold: number) => ctx.store.setState({ extendedThreshold: threshold }),
  },
  previousEpisode: episodeCommand('previousEpisode', '← Previous episode', -1),
  nextEpisode: episodeCommand('nextEpisode', 'Next episode →', 1),
  sweep: exploreCommand(
    'sweep',
    'Sweep the threshold',
    'Memory size and recall error of the extended model against the threshold',
    free,
  ),

  exportVae: {
    id: 'exportVae',
    label: 'Export the VAE',
    help: 'Save the VAE on screen as a file',
    enabled: (ctx) => state(ctx).status === 'ready' && state(ctx).map !== null,
    perform: (ctx) => void exportVae(ctx.runner),
  },
  importVae: {
    id: 'importVae',
    label: 'Import a VAE…',
    help: 'Open a VAE file (exported here before); it is checked before anything changes',
    enabled: free,
    perform: (ctx, file: Blob & { name?: string }) => void importVae(ctx.runner, file),
  },
  startOver: {
    id: 'startOver',
    label: 'Start over…',
    help: 'Forget the stored episodes, replays and trained VAE this browser keeps (asks first)',
    enabled: (ctx) =>
      state(ctx).status === 'ready' &&
      !state(ctx).confirmingStartOver &&
      (state(ctx).busy === null || state(ctx).training === 'running'),
    perform: (ctx) => ctx.store.setState({ confirmingStartOver: true }),
  },
  confirmStartOver: {
    id: 'confirmStartOver',
    label: 'Delete them and start over',
    help: 'Delete what this browser keeps of the lab and start again',
    enabled: (ctx) => state(ctx).confirmingStartOver,
    perform: (ctx) => void ctx.runner.startOver(),
  },
  cancelStartOver: {
    id: 'cancelStartOver',
    label: 'Keep them',
    help: 'Keep the stored episodes, replays and VAE',
    enabled: (ctx) => state(ctx).confirmingStartOver,
    perform: (ctx) => ctx.store.setState({ confirmingStartOver: false }),
  },

  retry: {
    id: 'retry',
    label: 'Try again',
    help: 'Load the digits, the trained VAE and the backend again',
    perform: (ctx) => void ctx.runner.start(),
  },
  dismiss: {
    id: 'dismiss',
    label: 'Dismiss',
    help: 'Close a message',
    perform: (ctx, id: number) => dismiss(ctx.store, id),
  },
});
