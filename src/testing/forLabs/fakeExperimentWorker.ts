/**
 * A stand-in for the Experiments lab's worker (labs/capacity/client's
 * WorkerLike): it keeps what the page sent and whether it was terminated,
 * and `reply` delivers a message as the worker would.
 */
import type { WorkerLike } from '../../labs/capacity/client';
import type { FromWorker, ToWorker } from '../../labs/capacity/protocol';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  reply(msg: FromWorker) {
    this.onmessage?.({ data: msg });
  }
}
