/**
 * The lab's exploration verbs (steps 4 to 6): each one computes a patch of
 * the state from the VAE on screen (./explore, ./generative, ./extended)
 * and the runner applies it only if that VAE is still the one on screen.
 * The lab's commands (./commands) call these.
 *
 * It keeps itself in step with the store: step 6 is redrawn when its
 * threshold or episode changes and follows the VAE on screen whenever it is
 * not training; the arithmetic is decoded again when its digits change.
 */
import type { PredictedEpisodes } from '../../models/consolidation/extendedModel';
import { pipelineSeeds } from '../../models/consolidation/sessionConfig';
import { mixSeed, type Vae } from '../../models/consolidation/vae';
import { watchFields } from '../../engine/watch';
import {
  decodePoint,
  distortion,
  fewShot,
  imagination,
  interpolation,
  partialRecall,
  probeDigit,
} from './explore';
import { extendedSweep, extendedView, predictTraces } from './extended';
import { boundary, vectorArithmetic } from './generative';
import { PAGE } from './params';
import type { ConsolidationRunner } from './runner';
import type { ConsolidationStore } from './store';

export class Explorer {
  /** Presses of Imagine and partial recall, each a fresh seeded draw. */
  private draws = 0;
  /** The extended model's episodes as the VAE on screen predicts them. */
  private predicted: { vae: Vae; step: number; ep: PredictedEpisodes } | null = null;
  /** Latest step-6 request: an older one that finishes later is dropped. */
  private viewRequest = 0;
  private readonly unwatch: (() => void)[];

  constructor(
    private readonly store: ConsolidationStore,
    private readonly runner: ConsolidationRunner,
  ) {
    const shown = () => {
      const s = store.getState();
      return s.status === 'ready' && s.training !== 'running' && s.map !== null;
    };
    this.unwatch = [
      // Step 6 follows the VAE on screen whenever it is not training, and its own settings.
      watchFields(store, ['map', 'training', 'status'], () => {
        if (shown()) void this.extended();
      }),
      watchFields(store, ['extendedThreshold', 'extendedEpisode'], () => void this.extended()),
      watchFields(store, ['arithmeticPicks'], () => void this.arithmetic()),
    ];
  }

  private get frame() {
    return this.store.getState().map ?? { latentSize: 2, pca: null };
  }

  /** Click on the plane: decode that point. */
  decodeAt(z: [number, number]): Promise<void> {
    const frame = this.frame;
    return this.runner.show((vae) => decodePoint(vae, frame, z));
  }

  /** Hover a held-out digit: it and its reconstruction. */
  showDigit(i: number): Promise<void> {
    const h = this.runner.current.heldOut;
    const map = this.store.getState().map;
    if (!h || !map) return Promise.resolve();
    return this.runner.show((vae) => probeDigit(vae, h, map.points, i));
  }

  /** Decodes `steps` evenly spaced plane points from a to b. */
  interpolate(a: [number, number], b: [number, number], steps = 10): Promise<void> {
    const frame = this.frame;
    return this.runner.show((vae) => interpolation(vae, frame, a, b, steps));
  }

  /** Recall a stored episode from its top half, through both memories. */
  recallPartial(): Promise<void> {
    const { memory, episodes } = this.runner.current;
    if (!memory || !episodes) return Promise.resolve();
    const draw = ++this.draws;
    const seed = this.store.getState().seed;
    return this.runner.show((vae) => partialRecall(vae, memory, episodes, seed, draw));
  }

  /** Imagination: decode 16 draws from the prior (a new seeded draw each press). */
  imagine(): Promise<void> {
    const seed = mixSeed(this.store.getState().seed, 100 + ++this.draws);
    return this.runner.show((vae) => imagination(vae, seed));
  }

  /** a - b + c on class means, with the three picks in the store. */
  arithmetic(): Promise<void> {
    const h = this.runner.current.heldOut;
    if (!h) return Promise.resolve();
    const chosen = this.store.getState().arithmeticPicks;
    return this.runner.show((vae) => vectorArithmetic(vae, h, PAGE.labelled, chosen));
  }

  /** Prototypical distortion, few-shot learning, then boundary extension, on held-out digits. */
  async analyse(): Promise<void> {
    const h = this.runner.current.heldOut;
    if (!this.runner.current.vae || !h || this.runner.busy()) return;
    this.store.setState({ busy: 'Measuring distortion, few-shot learning, boundary extension…' });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    try {
      await this.runner.show((vae) => distortion(vae, h));
      await tick();
      const seed = pipelineSeeds(this.store.getState().seed).fewShot;
      await this.runner.show((vae) => fewShot(vae, h, seed, this.runner.pace));
      await tick();
      await this.runner.show((vae) => boundary(vae, h));
    } finally {
      this.store.setState({ busy: null });
    }
  }

  /** Step 6 for the chosen episode and threshold. */
  async extended(): Promise<void> {
    const h = this.runner.current.heldOut;
    if (!h) return;
    const request = ++this.viewRequest;
    await this.runner.show(async (vae) => {
      const ep = await this.episodesFor(vae);
      const { extendedThreshold, extendedEpisode } = this.store.getState();
      const patch = await extendedView(vae, ep, h.labels, extendedThreshold, extendedEpisode);
      return request === this.viewRequest ? patch : {};
    });
  }

  /** Step 6's sweep over thresholds. */
  async sweep(): Promise<void> {
    if (this.runner.busy()) return;
    this.store.setState({ busy: 'Sweeping the threshold…' });
    try {
      await this.runner.show(async (vae) => extendedSweep(vae, await this.episodesFor(vae)));
    } finally {
      this.store.setState({ busy: null });
    }
  }

  private async episodesFor(vae: Vae): Promise<PredictedEpisodes> {
    // The same VAE object changes while it trains: its step tells.
    if (this.predicted?.vae !== vae || this.predicted.step !== vae.step) {
      const step = vae.step;
      const ep = await predictTraces(vae, this.runner.current.heldOut!, this.runner.pace);
      this.predicted = { vae, step, ep };
    }
    return this.predicted.ep;
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    this.predicted = null;
  }
}
