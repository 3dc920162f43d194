/**
 * The Compression lab's measurements of a model, each a job in a worker
 * (./client) whose result goes into its store slot (./jobSlots): the lossy
 * baselines at the model's budget, recall over the CLI's plan and seeds,
 * the hand-made query, and another K's point on the rate-distortion curve.
 * The runner (./runner) calls them with what is on screen; a result for
 * records no longer on screen is dropped.
 */
import { say } from '../../engine/messages';
import { DEFAULT_RECALL_PLAN } from '../../models/compression/pipeline';
import type { JobClient } from './client';
import { message, type JobSlots } from './jobSlots';
import type { DataSpec, ModelRef, TrainOptions } from './jobs';
import { crossCheck, type Settings } from './params';
import type { CompressionStore } from './store';

/** What the measurements need from the lab's runner: what is on screen now. */
export interface MeasureHost {
  readonly store: CompressionStore;
  readonly client: JobClient;
  readonly jobs: JobSlots;
  /** True once the visitor left the lab. */
  left(): boolean;
  /** The records on screen, the model and its file (null when there is none). */
  readonly spec: DataSpec | null;
  readonly ref: ModelRef | null;
  readonly archive: Uint8Array | null;
}

/** The model's training options for `s`. */
export function trainOptions(s: Settings): TrainOptions {
  return {
    bits: s.bits,
    hidden: s.hidden,
    epochs: s.epochs,
    batchSize: s.batchSize,
    seed: s.seed,
  };
}

/** The recall stage's options for `s`. */
export function stageOptions(s: Settings) {
  return { request: s.stage, beta: s.beta };
}

/** The lossy baselines at the budget of the model's file. */
export function measureLossy(host: MeasureHost): void {
  const { spec, archive, client } = host;
  if (!spec || !archive) return;
  client.cancel('lossy');
  void host.jobs.track(
    'lossy',
    'train',
    () =>
      client.run('lossy', {
        kind: 'lossy',
        spec,
        budget: archive.length,
        seed: host.store.getState().seed,
      }),
    (l) => l.points,
  );
}

/** Measures recall for every point of the plan (the CLI's plan and seeds). */
export function measureRecall(host: MeasureHost): void {
  const { spec, ref, client } = host;
  if (!spec || !ref) return;
  client.cancel('recall');
  const s = host.store.getState();
  void host.jobs.track(
    'recall',
    'measureRecall',
    (progress) =>
      client.run(
        'recall',
        {
          kind: 'recall',
          spec,
          ref,
          stage: stageOptions(s),
          plan: { ...DEFAULT_RECALL_PLAN, queries: s.queries },
          seed: s.seed,
        },
        (p) => progress(p.done / p.total),
      ),
    (r) => ({ choice: r.choice, points: r.points }),
  );
}

/** Runs the hand-made query of the settings (record, kind, amount). */
export async function runQuery(host: MeasureHost): Promise<void> {
  const { spec, ref, client, store } = host;
  if (!spec || !ref) return;
  const { settings, notes } = crossCheck({ ...store.getState(), bits: ref.model.weights.bits });
  for (const n of notes) say(store, 'warn', n, 'runQuery');
  if (settings.query !== 'flip' && !ref.canEncode) {
    say(
      store,
      'warn',
      'This model came from a file without its encoder: only flipped bits can be queried.',
      'runQuery',
    );
    return;
  }
  client.cancel('query');
  await host.jobs.track(
    'queryView',
    'runQuery',
    () =>
      client.run('query', {
        kind: 'query',
        spec,
        ref,
        stage: stageOptions(settings),
        record: settings.record,
        query: settings.query,
        amount: settings.amount,
        seed: (settings.seed * 1_000_003 + settings.record) >>> 0,
      }),
    (q) => q.view,
  );
}

/**
 * Trains the autoencoder at another K, in a worker, for its own
 * rate-distortion curve; `spec()` is the records on screen when it ends.
 */
export async function addCurvePoint(
  host: MeasureHost,
  bits: number,
  spec: () => DataSpec | null,
): Promise<void> {
  const { store, client } = host;
  const on = host.spec;
  if (!on || store.getState().curve.running !== null) return;
  const s = store.getState();
  store.setState((st) => ({
    curve: { ...st.curve, running: bits, progress: 0, error: null },
  }));
  try {
    const r = await client.run(
      'curve',
      { kind: 'curve', spec: on, options: { ...trainOptions(s), bits }, precision: s.precision },
      (p) => store.setState((st) => ({ curve: { ...st.curve, progress: p.done / p.total } })),
    );
    if (!r || host.left() || spec() !== on) return;
    store.setState((st) => ({
      curve: {
        ...st.curve,
        running: null,
        points: [...st.curve.points.filter((p) => p.bits !== bits), r.point].sort(
          (a, b) => a.bits - b.bits,
        ),
      },
    }));
  } catch (e) {
    store.setState((st) => ({ curve: { ...st.curve, running: null, error: message(e) } }));
    say(store, 'error', `Training K = ${bits} failed: ${message(e)}`, 'addCurvePoint');
  }
}
