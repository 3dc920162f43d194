/**
 * The VAE's hidden layers as a command-line flag: `--hidden 512,256` (sizes
 * from the input side, in the order written; the decoder mirrors them).
 * core/params' listParam sorts its numbers, which would turn 512,256 into
 * 256,512, so this is its own parameter.
 */
import { customParam, invalid, type ParamSpec } from '../src/core/params';
import { LAYER_UNITS, MAX_LAYERS, parseLayers } from '../src/models/consolidation/vaeParams';

export function layersParam(def: readonly number[]): ParamSpec<number[]> {
  return customParam<number[]>(
    [...def],
    `hidden layer sizes from the input side, e.g. 512,256 (1 to ${MAX_LAYERS} of ${LAYER_UNITS.min} to ${LAYER_UNITS.max})`,
    {
      read: (text) => {
        const layers = parseLayers(text);
        return layers
          ? { ok: true, value: layers }
          : invalid(
              'is not a list of layer sizes',
              `must be 1 to ${MAX_LAYERS} comma-separated integers in ${LAYER_UNITS.min}..${LAYER_UNITS.max}`,
            );
      },
      write: (v) => v.join(','),
      same: (a, b) => a.join(',') === b.join(','),
    },
  );
}
