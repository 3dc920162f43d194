import { createLabHooks } from '../../engine/lab';
import type { CapacityContext } from './commands';
import type { CapacityState } from './store';

export const {
  LabCtx: CapacityCtx,
  LabRoot: CapacityRoot,
  useLabContext: useCapacityContext,
  useLab: useCapacity,
  useLabShallow: useCapacityShallow,
  useLabFields: useCapacityFields,
} = createLabHooks<CapacityContext, CapacityState>('Experiments');
