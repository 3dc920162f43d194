import { createLabHooks } from '../../engine/lab';
import type { LabContext } from './commands';
import type { ModernState } from './store';

export const { LabCtx, LabRoot, useLabContext, useLab, useLabShallow, useLabFields } =
  createLabHooks<LabContext, ModernState>('Modern Hopfield');
