import type { ComponentType } from 'react';

export type LabPage = ComponentType<{ query: string }>;

/** One entry per lab. Labs load lazily (a chunk each), so the home page stays small. */
export interface LabRoute {
  path: string;
  title: string;
  summary: string;
  /** Loads the lab's page; null = listed on the home page as coming, not yet built. */
  load: (() => Promise<{ default: LabPage }>) | null;
  /** What the visitor keeps if the lab fails, in words (its own work, saved in this browser). */
  keeps?: string;
}

export const LABS: LabRoute[] = [
  {
    path: '/hopfield',
    title: 'Classic Hopfield',
    summary:
      'Draw patterns, store them with Hebbian, Storkey, pseudo-inverse, Krauth-Mezard or unlearning, or in a dense memory, corrupt a cue and watch recall roll downhill in energy.',
    load: () => import('../labs/hopfield/HopfieldLab'),
    keeps: 'Your stored patterns are kept in this browser.',
  },
  {
    path: '/capacity',
    title: 'Experiments',
    summary:
      'Capacity, noise, pattern statistics and dynamics sweeps with thousands of trials, plotted against theory.',
    load: () => import('../labs/capacity/CapacityLab'),
  },
  {
    path: '/modern',
    title: 'Modern Hopfield',
    summary:
      'Store thousands of real MNIST digits and retrieve one from a fragment in a single step; turn beta and watch attention sharpen.',
    load: () => import('../labs/modern/ModernLab'),
  },
  {
    path: '/consolidation',
    title: 'Consolidation',
    summary:
      'A hippocampus replays memories that train a neocortex (a VAE); explore its latent space, recall, imagination and distortions.',
    load: () => import('../labs/consolidation/ConsolidationLab'),
  },
  {
    path: '/compression',
    title: 'Hopfield autoencoder',
    summary:
      'Train an autoencoder in the page, store its binary codes in a Hopfield net, and measure every byte and every recall against gzip, brotli and PCA.',
    load: () => import('../labs/compression/CompressionLab'),
    keeps: 'Your settings are kept in the link, and a file you exported keeps its model.',
  },
  {
    path: '/human',
    title: 'Human memory',
    summary:
      'Serial position, context and emotion from a published model of free recall (CMR), watched item by item, and your own memory beside it in a word game.',
    load: () => import('../labs/human/HumanLab'),
    keeps: 'Your memory-game rounds are kept in this browser.',
  },
];
