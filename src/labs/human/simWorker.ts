/** The Human memory lab's simulation worker: runs one job per message (simJobs.ts). */
import { handleSim, type FromSim, type ToSim } from './simJobs';

const scope = self as unknown as {
  postMessage(msg: FromSim): void;
  onmessage: ((e: MessageEvent<ToSim>) => void) | null;
};

scope.onmessage = (e) =>
  handleSim(
    e.data,
    (m) => scope.postMessage(m),
    () => performance.now(),
  );
