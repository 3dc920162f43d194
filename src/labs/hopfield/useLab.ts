/** The Classic lab's React context and store hooks (engine/lab's createLabHooks). */
import { createLabHooks } from '../../engine/lab';
import type { LabContext } from './commands';
import type { HopfieldState } from './store';

export const { LabCtx, LabRoot, useLabContext, useLab, useLabShallow, useLabFields } =
  createLabHooks<LabContext, HopfieldState>('Classic');
