/**
 * What a lab's client needs of a Web Worker (post a message, hear back,
 * terminate), so tests and browsers without workers can hand it an
 * in-process stand-in instead.
 */

export interface WorkerLike<In, Out> {
  postMessage(msg: In, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: Out }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/**
 * A worker-shaped object that runs each message on this thread after a
 * setTimeout 0, as a worker would answer after a task: `handle` gets the
 * message and a `post` that says nothing once the worker is terminated.
 */
export function inProcessWorker<In, Out>(
  handle: (msg: In, post: (m: Out) => void) => unknown,
): WorkerLike<In, Out> {
  let dead = false;
  const w: WorkerLike<In, Out> = {
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      setTimeout(() => {
        if (dead) return;
        void handle(msg, (m) => !dead && w.onmessage?.({ data: m }));
      }, 0);
    },
    terminate() {
      dead = true;
    },
  };
  return w;
}
