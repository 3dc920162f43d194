/** The worker of the lossless baselines (./jobCodec): gzip and brotli.js. */
import { runCodecJob } from './jobCodec';
import { serve } from './workerScope';

serve(runCodecJob);
