/** The worker of the light jobs (./lightJobs): records, lossy baselines, codes, recall, queries. */
import { runLightJob } from './lightJobs';
import { serve } from './workerScope';

serve(runLightJob);
