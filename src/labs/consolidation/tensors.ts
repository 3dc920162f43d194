/**
 * The lab's long-lived tensors (the VAE on screen and the hippocampus, the
 * stored episodes as an MHN) and typed-array copies to rebuild them from.
 *
 * Why the copies: when the backend changes (a lost GPU device falls back to
 * another), tensors made on the old backend cannot be read any more, so the
 * weights must be copied out while they are still good. The VAE's copy is
 * taken when it arrives (the shipped weights, or a fresh VAE's initial ones)
 * and at the end of every training epoch; the episodes are typed arrays
 * already. rebuild() frees what it can of the old tensors
 * (a lost backend may refuse) and makes new ones on the current backend.
 * Adam's moments are not copied: training after a rebuild starts them afresh.
 */
import type { Pace } from '../../core/pace';
import {
  disposeHippocampus,
  encodeEpisodes,
  storeEpisodes,
  type ImageSet,
} from '../../models/consolidation/consolidation';
import type { StoredPatterns } from '../../models/modern/modernHopfield';
import { loadVae, type Vae } from '../../models/consolidation/vae';
import { type SerialisedVae } from '../../models/consolidation/vaeParams';

/** Frees tensors that may live on a backend that is gone; never throws. */
function tryDispose(f: () => void): void {
  try {
    f();
  } catch {
    // A lost backend's tensors are unreachable; the engine forgets them either way.
  }
}

export class LabTensors {
  private currentVae: Vae | null = null;
  private memory: StoredPatterns | null = null;
  private episodes: ImageSet | null = null;
  /** The VAE's weights as of `savedEpochs` completed training epochs (0 for a fresh or shipped one). */
  private saved: SerialisedVae | null = null;
  private epochs = 0;
  private gone = false;

  get vae(): Vae | null {
    return this.currentVae;
  }

  get hippocampus(): StoredPatterns | null {
    return this.memory;
  }

  /** Training epochs done when the copy was taken. */
  get savedEpochs(): number {
    return this.epochs;
  }

  /** True when there is a copy to rebuild the VAE from. */
  get hasCopy(): boolean {
    return this.saved !== null;
  }

  /**
   * A new VAE on screen; the old one is freed. `saved`: its weights, if
   * already at hand, as of `epochs` completed training epochs.
   */
  setVae(vae: Vae, saved: SerialisedVae | null = null, epochs = 0): void {
    if (this.currentVae && this.currentVae !== vae) tryDispose(() => this.currentVae!.dispose());
    this.currentVae = vae;
    this.saved = saved;
    this.epochs = epochs;
  }

  /** The VAE's last copy (its weights as of savedEpochs), or null. */
  get copy(): SerialisedVae | null {
    return this.saved;
  }

  /** Copies the VAE's weights out (await data()), labelled with the epochs it has done. */
  async snapshot(epochs: number): Promise<void> {
    const vae = this.currentVae;
    if (!vae || vae.disposed) return;
    let weights: SerialisedVae;
    try {
      weights = await vae.getWeights();
    } catch (e) {
      // Replaced (and freed) while its weights were being read: nothing to keep.
      if (vae !== this.currentVae || vae.disposed) return;
      throw e;
    }
    // Dropped if the VAE was replaced meanwhile.
    if (vae === this.currentVae && !vae.disposed) {
      this.saved = weights;
      this.epochs = epochs;
    }
  }

  /** Step 1: the episodes (rows in [-1, 1]) stored in a new hippocampus; the old one is freed. */
  store(episodes: ImageSet): StoredPatterns {
    this.forgetEpisodes();
    this.episodes = episodes;
    this.memory = encodeEpisodes(episodes);
    return this.memory;
  }

  /**
   * store() in chunks with `pace`'s pauses (the same hippocampus). The old
   * one is freed once the new one is made.
   */
  async storePaced(episodes: ImageSet, pace: Pace): Promise<StoredPatterns> {
    const memory = await storeEpisodes(episodes, pace);
    if (this.gone) {
      disposeHippocampus(memory);
      throw new Error('the lab was left while storing');
    }
    this.forgetEpisodes();
    this.episodes = episodes;
    this.memory = memory;
    return memory;
  }

  /** No hippocampus any more (start over): its tensors are freed. */
  forgetEpisodes(): void {
    if (this.memory) tryDispose(() => disposeHippocampus(this.memory!));
    this.memory = null;
    this.episodes = null;
  }

  /**
   * Makes the VAE (from its copy) and the hippocampus (from the episodes)
   * again on the current backend. Without a copy the VAE is left as it is.
   */
  rebuild(): void {
    if (this.saved) {
      const old = this.currentVae;
      this.currentVae = loadVae(this.saved);
      if (old) tryDispose(() => old.dispose());
    }
    if (this.episodes) {
      if (this.memory) tryDispose(() => disposeHippocampus(this.memory!));
      this.memory = encodeEpisodes(this.episodes);
    }
  }

  /** Frees every tensor (leaving the lab). */
  dispose(): void {
    this.gone = true;
    if (this.currentVae) tryDispose(() => this.currentVae!.dispose());
    if (this.memory) tryDispose(() => disposeHippocampus(this.memory!));
    this.currentVae = null;
    this.memory = null;
    this.episodes = null;
    this.saved = null;
  }
}
