import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** One entry per lab. Labs load lazily, so the home page stays small. */
export interface LabRoute {
  path: string;
  title: string;
  summary: string;
  /** null = listed on the home page as coming, not yet built. */
  page: LazyExoticComponent<ComponentType<{ query: string }>> | null;
}

export const LABS: LabRoute[] = [
  {
    path: '/hopfield',
    title: 'Classic Hopfield',
    summary:
      'Draw patterns, store them with Hebbian, Storkey or pseudo-inverse learning, corrupt a cue and watch recall roll downhill in energy.',
    page: lazy(() => import('../labs/hopfield/HopfieldLab')),
  },
  {
    path: '/capacity',
    title: 'Experiments',
    summary:
      'Capacity, noise, pattern statistics and dynamics sweeps with thousands of trials, plotted against theory.',
    page: lazy(() => import('../labs/capacity/CapacityLab')),
  },
  {
    path: '/modern',
    title: 'Modern Hopfield',
    summary:
      'Store thousands of real MNIST digits and retrieve one from a fragment in a single step; turn beta and watch attention sharpen.',
    page: lazy(() => import('../labs/modern/ModernLab')),
  },
  {
    path: '/consolidation',
    title: 'Consolidation',
    summary:
      'A hippocampus replays memories that train a neocortex (a VAE); explore its latent space, recall, imagination and distortions.',
    page: lazy(() => import('../labs/consolidation/ConsolidationLab')),
  },
  {
    path: '/compression',
    title: 'Hopfield autoencoder',
    summary:
      'Compress structured records into binary codes stored in a Hopfield net, with honest ratios and recall under noise.',
    page: null,
  },
  {
    path: '/human',
    title: 'Human memory',
    summary: 'Forgetting curves, spacing, serial position, interference, context and emotion.',
    page: null,
  },
];
