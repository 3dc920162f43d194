import { createLabHooks } from '../../engine/lab';
import type { LabContext } from './commands';
import type { ConsolidationState } from './store';

export const { LabRoot, useLabContext, useLab, useLabFields } = createLabHooks<
  LabContext,
  ConsolidationState
>('Consolidation');
