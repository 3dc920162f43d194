/** The Compression lab's React context and store hooks (engine/lab.ts). */
import { createLabHooks } from '../../engine/lab';
import type { CompressionCtx } from './commands';
import type { CompressionState } from './store';

export const { LabCtx, LabRoot, useLabContext, useLab, useLabShallow, useLabFields } =
  createLabHooks<CompressionCtx, CompressionState>('Compression');
