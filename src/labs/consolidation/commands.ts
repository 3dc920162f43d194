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

/** Step 6's episode moved by `by` among the traces (wrapping around). */
function moveEpisode(ctx: LabContext, by: number): void {
  const s = state(ctx);
  const n = s.extended?.traces ?? 1;
  const next = (s.extended?.index ?? s.extendedEpisode) + by;
  ctx.store.setState({ extendedEpisode: ((next % n) + n) % n });
}

export const COMMANDS = commandsFor<LabContext>()({
  step1: stepCommand(1),
  step2: stepCommand(2),
  step3: stepCommand(3),
  step4: stepCommand(4),
  step5: stepCommand(5),
  step6: stepCommand(6),
  previousStep: {
    id: 'previousStep',
    label: '← Previous',
    help: 'The previous step',
    key: 'p',
    keys: ['arrowleft'],
    enabled: (ctx) => state(ctx).step > 1,
    perform: (ctx) => goTo(ctx, state(ctx).step - 1),
  },
  nextStep: {
    id: 'nextStep',
    label: 'Next →',
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
  imagine: {
    id: 'imagine',
    label: 'Imagine (decode prior samples)',
    help: 'Decode 16 draws from the prior N(0, I)',
    enabled: notTraining,
    perform: (ctx) => void ctx.explorer.imagine(),
  },
  recallPartial: {
    id: 'recallPartial',
    label: 'Recall an episode from its top half',
    help: 'A stored episode recalled from its top half by the hippocampus and by the VAE',
    enabled: (ctx) => idle(ctx) && notTraining(ctx) && state(ctx).encoded !== null,
    perform: (ctx) => void ctx.explorer.recallPartial(),
  },
  analyse: {
    id: 'analyse',
    label: 'Measure distortion, few-shot learning and boundary extension',
    help: 'Prototypical distortion, few-shot learning and boundary extension on held-out digits',
    enabled: (ctx) => idle(ctx) && notTraining(ctx),
    perform: (ctx) => void ctx.explorer.analyse(),
  },
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
  arithmetic: {
    id: 'arithmetic',
    label: 'Decode a − b + c',
    help: 'Vector arithmetic on the class means of the latents, decoded and read out',
    enabled: notTraining,
    perform: (ctx) => void ctx.explorer.arithmetic(),
  },

  setThreshold: {
    id: 'setThreshold',
    label: 'threshold θ',
    help: "Step 6's threshold on the VAE's pixel error",
    enabled: notTraining,
    perform: (ctx, threshold: number) => ctx.store.setState({ extendedThreshold: threshold }),
  },
  previousEpisode: {
    id: 'previousEpisode',
    label: '← Previous episode',
    help: "Step 6's previous episode",
    enabled: (ctx) => notTraining(ctx) && state(ctx).extended !== null,
    perform: (ctx) => moveEpisode(ctx, -1),
  },
  nextEpisode: {
    id: 'nextEpisode',
    label: 'Next episode →',
    help: "Step 6's next episode",
    enabled: (ctx) => notTraining(ctx) && state(ctx).extended !== null,
    perform: (ctx) => moveEpisode(ctx, 1),
  },
  sweep: {
    id: 'sweep',
    label: 'Sweep the threshold',
    help: 'Memory size and recall error of the extended model against the threshold',
    enabled: (ctx) => idle(ctx) && notTraining(ctx),
    perform: (ctx) => void ctx.explorer.sweep(),
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
