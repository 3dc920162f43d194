/** The Human memory lab's React context and store hooks (engine/lab.ts). */
import { createLabHooks } from '../../engine/lab';
import type { HumanCtx } from './commands';
import type { HumanState } from './store';

export const { LabCtx, LabRoot, useLabContext, useLab, useLabShallow, useLabFields } =
  createLabHooks<HumanCtx, HumanState>('Human memory');
