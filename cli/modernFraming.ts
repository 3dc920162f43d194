/**
 * The `modern-framing` experiment (#15): does framing a drawn cue like the
 * data help the modern Hopfield network? Unstored MNIST digits are redrawn
 * as a visitor draws on the 28 x 28 pad (scaled by s about the centre and
 * shifted by dx, dy), then retrieved from K stored digits as drawn and
 * framed (bounding box into 20 x 20, centre of mass at the centre), and
 * scored by the class of the stored digit nearest to the retrieved state.
 * The whole protocol is src/models/modern/framingTrial's.
 */
import { floatParam, intParam, enumParam, UsageError } from '../src/core/params';
import { loadMnistNode } from '../src/data/mnistNode';
import { runFramingTrial, FRAMING_TRIAL_DEFAULTS as D } from '../src/models/modern/framingTrial';
import { LOGIT_SCALES } from '../src/models/modern/modernHopfield';
import { defineExperiment } from './define';

export const modernFramingExperiment = defineExperiment({
  name: 'modern-framing',
  describe:
    'modern Hopfield network: class of the retrieved digit for redrawn (shrunk, shifted) unstored digits, as drawn and framed like MNIST',
  params: {
    stored: intParam(D.stored, 10, 9000, 'K, digits stored'),
    cues: intParam(D.cues, 1, 1000, 'unstored digits redrawn and retrieved'),
    beta: floatParam(D.beta, 1e-6, 1e6, 'inverse temperature beta (> 0)'),
    scale: enumParam(LOGIT_SCALES, D.scale, "logit scale: 'sqrt' uses beta / sqrt(784)"),
    minScale: floatParam(D.minScale, 0.1, 3, 'smallest redrawing scale s'),
    maxScale: floatParam(D.maxScale, 0.1, 3, 'largest redrawing scale s'),
    maxShift: floatParam(D.maxShift, 0, 14, 'largest shift |dx|, |dy| in pixels'),
    seed: intParam(D.seed, 0, 2 ** 32 - 1, 'random seed'),
  },
  run: async (c) => {
    if (c.minScale > c.maxScale)
      throw new UsageError(`--min-scale ${c.minScale} exceeds --max-scale ${c.maxScale}`);
    const t0 = performance.now();
    const r = runFramingTrial(await loadMnistNode(), c);
    return { experiment: 'modern-framing', ...r, ms: Math.round(performance.now() - t0) };
  },
});
