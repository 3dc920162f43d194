/**
 * The Consolidation lab's lesson (engine/lessons): encode, replay, the VAE
 * trained on replays, the latent map, prototypical distortion, few-shot
 * latents against pixels, and the extended model. Steps run the lab's
 * commands and wait until the lab is idle; lesson.test.ts runs every step
 * on the real runner (the 10,000 digits, the shipped VAE) and checks each
 * claim against what the runner put in the store.
 *
 * Nothing trains for minutes: the VAE of steps 3 to 7 is the shipped one,
 * trained beforehand on replays the same way (scripts/train-consolidation.ts).
 * Step 6 states what the page measured: on this 2-latent VAE the raw pixels
 * beat the latents at few-shot learning, against the paper's expectation.
 *
 * The visitor's work: while the lesson runs, nothing is written to this
 * browser (./keeping holds its writes back while `inLesson`), and when the
 * lesson ends the page opens the visitor's own link again, so the stored
 * episodes, replays and VAE come back from what the browser kept.
 */
import { pick } from '../../core/params';
import { parseHash, formatHash } from '../../core/paramLink';
import { runCommand, type Command, type CommandArgs } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson, type Claim, type Scratch } from '../../engine/lessons';
import { COMMANDS, type LabContext } from './commands';
import { LEVEL } from './FewShotView';
import { linkQuery } from './link';
import { PARAMS } from './params';
import type { ConsolidationState } from './store';

type Settings = Pick<ConsolidationState, keyof typeof PARAMS>;
type State = ConsolidationState;

/** Episodes and replays of the lesson: small, so each step takes seconds. */
export const LESSON_EPISODES = 1000;
export const LESSON_REPLAYS = 1000;

/** Resolves once `done(state)` holds (checked now and on every change). */
function until(ctx: LabContext, done: (s: State) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (s: State) => {
      if (s.status === 'error') {
        reject(new Error(s.loadError ?? 'the lab did not load'));
        return true;
      }
      if (!done(s)) return false;
      resolve();
      return true;
    };
    if (check(ctx.store.getState())) return;
    const off = ctx.store.subscribe((s) => {
      if (check(s)) off();
    });
  });
}

/** The lab is loaded and nothing runs. */
const idle = (ctx: LabContext) =>
  until(ctx, (s) => s.status === 'ready' && s.busy === null && s.training !== 'running');

/** Runs a command that starts work, then waits for the lab to be idle again. */
async function run<A>(ctx: LabContext, command: Command<LabContext, A>, ...arg: CommandArgs<A>) {
  await idle(ctx);
  if (!runCommand(command, ctx, ...arg)) throw new Error(`“${command.label}” could not run now`);
  await new Promise((r) => setTimeout(r, 0)); // the command's first task
  await idle(ctx);
}

/**
 * Every step starts here: the lab loaded, the training stopped, the shipped
 * VAE on screen, the lesson's settings, and stepper at `step`.
 */
async function start(ctx: LabContext, step: number): Promise<void> {
  await until(ctx, (s) => s.status === 'ready' && s.map !== null);
  await ctx.runner.stopTraining();
  await idle(ctx);
  const s = ctx.store.getState();
  ctx.store.setState({
    episodes: LESSON_EPISODES,
    replays: LESSON_REPLAYS,
    seed: PARAMS.seed.default,
    latentSize: PARAMS.latentSize.default,
    epochs: PARAMS.epochs.default,
    extendedThreshold: PARAMS.extendedThreshold.default,
    extendedEpisode: 0,
  });
  if (s.source !== 'pretrained') {
    ctx.runner.showShipped();
    await ctx.runner.refresh();
  }
  runCommand(COMMANDS.goToStep, ctx, step);
}

/** Stores the lesson's episodes, then replays them. */
async function replayed(ctx: LabContext): Promise<void> {
  await run(ctx, COMMANDS.encode);
  await run(ctx, COMMANDS.replay);
}

/** Step 5's measurements on the VAE on screen (once per VAE). */
async function analysed(ctx: LabContext): Promise<void> {
  const s = ctx.store.getState();
  if (s.distortion && s.fewShot && s.boundary) return;
  await run(ctx, COMMANDS.analyse);
}

/** A step's setUp: `start` at stepper step `step`, then `prepare` makes what its claim reads. */
const atStep =
  (step: number, prepare: (ctx: LabContext) => Promise<void>) =>
  async (ctx: LabContext): Promise<void> => {
    await start(ctx, step);
    await prepare(ctx);
  };

function on<K extends keyof State>(
  key: K,
  says: string,
  check: (v: NonNullable<State[K]>, s: State, ctx: LabContext) => string | null,
): Claim<LabContext> {
  return {
    says,
    check(ctx) {
      const s = ctx.store.getState();
      const v = s[key];
      return v === null || v === undefined ? `no ${String(key)} on screen` : check(v!, s, ctx);
    },
  };
}

const f3 = (x: number) => x.toFixed(3);

/**
 * The visitor's settings. While the lesson runs nothing is kept, so
 * opening the visitor's link again (a reload) after it brings their
 * episodes, replays and VAE back from this browser's keep.
 */
const SCRATCH: Scratch<LabContext, Settings> = {
  save: (ctx) => pick(PARAMS, ctx.store.getState()) as Settings,
  async restore(ctx, settings) {
    await ctx.runner.stopTraining();
    ctx.store.setState(settings);
    if (typeof window === 'undefined' || !window.history) return; // tests: the settings are back
    // The lesson's keys are gone from the link by now (engine/lessons end()).
    const { path, query } = parseHash(window.location.hash);
    if (path !== '/consolidation') return; // left for another page: the next visit reads the keep
    window.history.replaceState(null, '', formatHash(path, linkQuery(ctx.store.getState(), query)));
    window.location.reload();
  },
  warning: (ctx) =>
    ctx.store.getState().training === 'running'
      ? 'The training under way stops; your VAE comes back as of its last finished epoch.'
      : null,
};

const STORE_PANELS = ['encode'];

export const CONSOLIDATION_LESSON = defineLesson<LabContext>(
  courseLesson('/consolidation', 'consolidation'),
  [
    {
      title: 'Encode: a thousand episodes at once',
      text: 'The hippocampus is a modern Hopfield network: storing is writing each digit as one row of its memory, in one go, with no training. 1,000 MNIST digits are stored as episodes.',
      panels: STORE_PANELS,
      setUp: atStep(1, (ctx) => run(ctx, COMMANDS.encode)),
      claim: on('encoded', '1,000 episodes are stored', (e) =>
        e.count === LESSON_EPISODES ? null : `${e.count} stored`,
      ),
    },
    {
      title: 'Replay: noise in, memories out',
      text: 'At rest the hippocampus is fed pure noise, 1,000 times. Most cues settle on one stored episode and give it back whole: a replay. Left alone, noise replays a few episodes again and again; here a replayed episode is held back for a while (inhibition of return), so the replays reach more episodes than 1,000 uniform draws would.',
      panels: ['encode', 'replay'],
      setUp: atStep(2, replayed),
      claim: on(
        'replay',
        'over 80 % of the replays are a stored episode exactly, and they cover more episodes than uniform draws would',
        (r) =>
          r.count === LESSON_REPLAYS && r.exact > 0.8 && r.coverage > r.expectedCoverage
            ? null
            : `${r.count} replays, ${f3(r.exact)} exact, coverage ${f3(r.coverage)} against ${f3(r.expectedCoverage)}`,
      ),
    },
    {
      title: 'Train: the neocortex learns from replays',
      text: 'A variational autoencoder (the neocortex) learns from the replays only, never from the original digits. Training takes minutes in a browser, so the VAE on screen was trained the same way beforehand; the held-out numbers are measured here. With only 2 latents, a linear read-out names the class of a held-out digit well above chance, far from always. “Train from scratch” does it live.',
      panels: ['train', 'map'],
      setUp: atStep(3, replayed),
      claim: on(
        'metrics',
        'the VAE on screen is the one trained on replays, and a read-out of its 2 latents names a held-out digit’s class over 30 % of the time (chance: 10 %)',
        (m, s) =>
          s.source === 'pretrained' && m.decodingAccuracy > 0.3
            ? null
            : `source ${s.source}, decoding accuracy ${f3(m.decodingAccuracy)}`,
      ),
    },
    {
      title: 'The latent map',
      text: 'Each held-out digit, one the VAE never saw, drawn at the mean of its 2 latents and coloured by its class. The VAE never saw a label, yet each class gathers in its own part of the plane; with only 2 latents many overlap. A point of the plane decodes to a digit: here the centre of the 0s. Click anywhere on the map to decode it.',
      panels: ['map'],
      async setUp(ctx) {
        await start(ctx, 4);
        const map = ctx.store.getState().map;
        const c = map ? classCentre(map, 0) : [0, 0];
        await run(ctx, COMMANDS.decodePoint, c);
      },
      claim: on(
        'map',
        'every held-out digit is on the map, and decoding the centre of the 0s draws a digit',
        (map, s, ctx) => {
          const n = ctx.runner.current.heldOut?.n ?? -1;
          if (map.labels.length !== n)
            return `${map.labels.length} points for ${n} held-out digits`;
          const img = s.probe?.kind === 'decoded' ? s.probe.image : null;
          return img && Math.max(...img) > 0.5 ? null : 'nothing decoded';
        },
      ),
    },
    {
      title: 'Distortion: memories drift to prototypes',
      text: 'Recalled through the VAE, digits of one class look more alike than the originals did: the within-class variance of the reconstructions is below that of the originals. Memory becomes more prototypical as it consolidates.',
      panels: ['generative', 'distortion'],
      setUp: atStep(5, analysed),
      claim: on(
        'distortion',
        'the reconstructions’ within-class variance is below the originals’ (ratio under 1)',
        (d) => (d.ratio < 1 ? null : `ratio ${f3(d.ratio)}`),
      ),
    },
    {
      title: 'Few-shot: latents against pixels',
      text: 'Learning to name digits from only n labelled examples per class: a read-out on the VAE’s 2 latent means against the same read-out on the 784 raw pixels. The paper expects the latents to make this easier. Measured here, on this 2-latent VAE, they do not: the latents never pull ahead of the pixels, and with the most examples the pixels are clearly ahead, for both read-outs. Two latents keep too little of a digit to tell ten classes apart.',
      panels: ['generative', 'few-shot'],
      setUp: atStep(5, analysed),
      claim: on(
        'fewShot',
        `latents do not beat pixels: at no n are the latents more than ${LEVEL * 100} points ahead, and at the most examples the pixels are more than ${LEVEL * 100} points ahead, for both read-outs`,
        (points) => {
          if (points.length === 0) return 'no points';
          const ahead = points.filter((p) => p.latent > p.pixels + LEVEL);
          const most = Math.max(...points.map((p) => p.n));
          const notBehind = points.filter((p) => p.n === most && p.pixels <= p.latent + LEVEL);
          const bad = [...ahead, ...notBehind];
          return bad.length === 0
            ? null
            : bad
                .map(
                  (p) => `${p.readout} n = ${p.n}: latents ${f3(p.latent)}, pixels ${f3(p.pixels)}`,
                )
                .join('; ');
        },
      ),
    },
    {
      title: 'The extended model: store only the surprise',
      text: 'The VAE alone recalls a prototype, not the episode. The extended model keeps, for each episode, its latents and only the pixels the VAE gets wrong by more than θ; the sweep shows the trade: at θ = 0.15 about a quarter of the pixels are stored, and recall comes far closer to the episode than the VAE alone.',
      panels: ['extended'],
      setUp: atStep(6, (ctx) => run(ctx, COMMANDS.sweep)),
      claim: on(
        'extendedSweep',
        'at θ = 0.15 the extended model stores 15 % to 35 % of the pixels, and its recall error is under half the VAE’s alone',
        (sw) => {
          const p = sw.points.find((q) => Math.abs(q.threshold - 0.15) < 1e-9);
          if (!p) return 'no point at θ = 0.15';
          return p.storedFraction > 0.15 &&
            p.storedFraction < 0.35 &&
            p.recallError < sw.vaeOnly / 2
            ? null
            : `stores ${f3(p.storedFraction)}, error ${f3(p.recallError)} against ${f3(sw.vaeOnly)}`;
        },
      ),
    },
  ],
  SCRATCH,
);

/** The mean of class c's points on the map. */
export function classCentre(map: NonNullable<State['map']>, c: number): [number, number] {
  let x = 0;
  let y = 0;
  let k = 0;
  map.labels.forEach((l, i) => {
    if (l !== c) return;
    x += map.points[2 * i];
    y += map.points[2 * i + 1];
    k++;
  });
  return k ? [x / k, y / k] : [0, 0];
}

export const CONSOLIDATION_LESSONS = [CONSOLIDATION_LESSON];
