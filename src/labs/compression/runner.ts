/**
 * The Compression lab's engine: it holds the records, the model, its codes
 * and its file, runs each stage of the measurement (jobs in workers, the
 * training on the page or in a worker: ./training), and publishes what the
 * visitor sees to the store. It keeps itself in step with the settings:
 * new data settings regenerate the records (after a short pause, so a
 * slider's drag makes one dataset), new training settings drop the model,
 * new stage settings measure recall again, a new hand-made query runs it.
 */
import { say } from '../../engine/messages';
import { watchFields } from '../../engine/watch';
import { exportArchive, importArchive } from '../../models/compression/archive';
import { bytesPerCode } from '../../models/compression/codes';
import { DEFAULT_RECALL_PLAN } from '../../models/compression/pipeline';
import { BROTLI_QUALITY, GZIP_LEVEL } from '../../models/compression/lossless';
import { metricInfo } from '../../models/compression/metrics';
import {
  inputWidth,
  maskableUnits,
  type Normalisation,
  type Table,
} from '../../models/compression/table';
import { checkAgainstTable, checkArchiveShape, sizeProblem } from './archiveCheck';
import type { JobClient } from './client';
import type { CompressResult, DataSpec, ModelRef, TrainOptions } from './jobs';
import { crossCheck, type Settings } from './params';
import { recordValues } from './queryView';
import { TrainingRun, type TrainingHooks } from './training';
import {
  idleJob,
  idleTraining,
  withoutModel,
  type CompressedSummary,
  type CompressionState,
  type CompressionStore,
  type JobState,
} from './store';

export const PREVIEW_RECORDS = 6;
const DATA_FIELDS = ['dataset', 'records', 'genes', 'seed'] as const;
const MODEL_FIELDS = ['bits', 'hidden', 'epochs', 'batchSize', 'precision'] as const;
const RECALL_FIELDS = ['stage', 'beta', 'queries'] as const;
const QUERY_FIELDS = ['query', 'amount', 'record'] as const;

export interface RunnerOptions {
  readonly client: JobClient;
  readonly training: Omit<TrainingHooks, 'onProgress' | 'onMode'>;
  /** The digits' URL (the page's, for the workers). */
  readonly mnistUrl: () => string;
  /** Offers bytes as a file (a download in the page; captured in tests). */
  readonly download: (name: string, bytes: Uint8Array) => void;
  /** Pause before a changed setting reruns a job, ms. */
  readonly debounceMs?: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class CompressionRunner {
  private table: Table | null = null;
  private norm: Normalisation | null = null;
  private spec: DataSpec | null = null;
  private ref: ModelRef | null = null;
  private archive: Uint8Array | null = null;
  private training: TrainingRun | null = null;
  private nextId = 1;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly unwatch: (() => void)[];
  private disposed = false;
  private readonly client: JobClient;

  constructor(
    readonly store: CompressionStore,
    private readonly o: RunnerOptions,
  ) {
    this.client = o.client;
    this.unwatch = [
      watchFields(store, DATA_FIELDS, () => this.later('data', () => void this.generate())),
      watchFields(store, MODEL_FIELDS, () => this.dropModel()),
      watchFields(store, RECALL_FIELDS, () => this.later('recall', () => this.remeasure())),
      watchFields(store, QUERY_FIELDS, () => this.later('query', () => void this.runQuery())),
    ];
  }

  start(): void {
    void this.generate();
  }

  get hasModel(): boolean {
    return this.ref !== null;
  }

  get hasData(): boolean {
    return this.table !== null;
  }

  private get s(): CompressionState {
    return this.store.getState();
  }

  private later(key: string, f: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!this.disposed) f();
      }, this.o.debounceMs ?? 250),
    );
  }

  private set<K extends keyof CompressionState>(key: K, value: CompressionState[K]): void {
    if (!this.disposed) this.store.setState({ [key]: value } as Pick<CompressionState, K>);
  }

  private patchJob<
    K extends 'data' | 'lossless' | 'lossy' | 'recall' | 'queryView' | 'importCheck',
  >(key: K, patch: Partial<JobState<NonNullable<CompressionState[K]['result']>>>): void {
    if (this.disposed) return;
    this.store.setState((s) => ({ [key]: { ...s[key], ...patch } }) as Pick<CompressionState, K>);
  }

  /** Runs a job for a store slot: running, then done with its result or error. */
  private async track<
    K extends 'data' | 'lossless' | 'lossy' | 'recall' | 'queryView' | 'importCheck',
    R,
  >(
    key: K,
    source: string,
    work: (progress: (f: number) => void) => Promise<R | null>,
    toResult: (r: R) => NonNullable<CompressionState[K]['result']>,
  ): Promise<R | null> {
    const t0 = performance.now();
    this.patchJob(key, { status: 'running', progress: 0, error: null });
    try {
      const r = await work((f) => this.patchJob(key, { progress: f }));
      if (r === null || this.disposed) return null;
      this.patchJob(key, {
        status: 'done',
        progress: 1,
        result: toResult(r),
        ms: performance.now() - t0,
      });
      return r;
    } catch (e) {
      this.patchJob(key, { status: 'error', error: message(e) });
      if (!this.disposed) say(this.store, 'error', message(e), source);
      return null;
    }
  }

  private specOf(s: Settings): DataSpec {
    return {
      dataset: s.dataset,
      records: s.records,
      seed: s.seed,
      genes: s.genes,
      ...(s.dataset === 'mnist' ? { mnistUrl: this.o.mnistUrl() } : {}),
    };
  }

  /** Makes the records (and their sizes) for the settings now in the store. */
  async generate(): Promise<void> {
    this.stopAll();
    const { settings, notes } = crossCheck(this.s);
    for (const n of notes) say(this.store, 'warn', n, 'generate');
    const spec = this.specOf(settings);
    this.spec = spec;
    this.table = null;
    this.norm = null;
    this.store.setState({
      ...withoutModel(),
      data: { ...idleJob(), status: 'running', progress: NaN },
      lossless: idleJob(),
      training: idleTraining(),
      importCheck: idleJob(),
    });
    const r = await this.track(
      'data',
      'generate',
      () => this.client.run('data', { kind: 'generate', spec }),
      (g) => {
        const t = g.table;
        return {
          dataset: settings.dataset,
          label: t.label,
          records: t.n,
          seed: settings.seed,
          genes: settings.genes,
          inputs: inputWidth(t.fields),
          maskable: maskableUnits(t.fields),
          fields: t.fields.map((f) => ({
            name: f.name,
            kind: f.kind,
            width: f.kind === 'category' ? 1 : f.columns.length,
          })),
          metrics: metricInfo(t.fields),
          csvBytes: g.csvBytes,
          binaryBytes: g.binaryBytes,
          preview: Array.from({ length: Math.min(PREVIEW_RECORDS, t.n) }, (_, i) =>
            recordValues(t, i),
          ),
        };
      },
    );
    if (!r || this.spec !== spec) return;
    this.table = r.table;
    this.norm = r.norm;
    void this.track(
      'lossless',
      'generate',
      () =>
        this.client.run('lossless', {
          kind: 'lossless',
          spec,
          gzipLevel: GZIP_LEVEL,
          brotliQuality: BROTLI_QUALITY,
        }),
      (l) => l,
    );
  }

  private trainOptions(s: Settings): TrainOptions {
    return {
      bits: s.bits,
      hidden: s.hidden,
      epochs: s.epochs,
      batchSize: s.batchSize,
      seed: s.seed,
    };
  }

  private stageOptions(s: Settings) {
    return { request: s.stage, beta: s.beta };
  }

  get isTraining(): boolean {
    return this.training !== null;
  }

  /** Trains on the records on screen, then compresses them and measures everything. */
  async train(): Promise<void> {
    const { table, norm, spec } = this;
    if (!table || !norm || !spec || this.training) return;
    this.dropModel();
    const s = this.s;
    const options = this.trainOptions(s);
    const run = new TrainingRun(this.client, {
      ...this.o.training,
      onMode: (choice, backend, stepMs) =>
        this.patchTraining({
          status: 'running',
          mode: choice.mode,
          reason: choice.reason,
          backend,
          stepMs,
        }),
      onProgress: (u) =>
        this.patchTraining({
          ...u.progress,
          // a new array only when an epoch ended, so the loss chart redraws only then
          epochLoss:
            u.progress.epochLoss.length === this.s.training.epochLoss.length
              ? this.s.training.epochLoss
              : [...u.progress.epochLoss],
          elapsedMs: u.elapsedMs,
          etaSeconds: u.etaSeconds,
          longestTaskMs: u.longestTaskMs,
        }),
    });
    this.training = run;
    this.set('training', {
      ...idleTraining(),
      status: 'probing',
      batchSize: options.batchSize ?? 64,
      epochs: s.epochs,
    });
    try {
      const out = await run.run(spec, table, norm, options);
      if (!out || this.disposed) {
        if (run.isCancelled) this.patchTraining({ status: 'cancelled', etaSeconds: null });
        return;
      }
      this.patchTraining({
        status: 'compressing',
        backend: out.backend,
        stepMs: out.stepMs ?? this.s.training.stepMs,
        etaSeconds: 0,
      });
      const weights = out.weights;
      const buffers = Object.values(weights)
        .filter((v): v is Float32Array => v instanceof Float32Array)
        .map((v) => v.buffer as ArrayBuffer);
      const c = await this.client.run(
        'model',
        {
          kind: 'compress',
          spec,
          id: this.nextId++,
          weights,
          precision: s.precision,
          stage: this.stageOptions(s),
        },
        undefined,
        buffers,
      );
      if (!c || this.disposed || this.spec !== spec) return;
      this.useCompressed(c, out.progress.epochLoss);
      this.patchTraining({ status: 'done' });
    } catch (e) {
      this.patchTraining({ status: 'error', error: message(e) });
      say(this.store, 'error', `Training failed: ${message(e)}`, 'train');
    } finally {
      if (this.training === run) this.training = null;
    }
  }

  cancelTraining(): void {
    this.training?.cancel();
  }

  private patchTraining(patch: Partial<CompressionState['training']>): void {
    if (this.disposed) return;
    this.store.setState((s) => ({ training: { ...s.training, ...patch } }));
  }

  private useCompressed(c: CompressResult, epochLoss: readonly number[]): void {
    const w = c.model.weights;
    this.ref = { id: this.nextId++, model: c.model, codes: c.codes, canEncode: true };
    this.archive = c.archive;
    const summary: CompressedSummary = {
      id: this.ref.id,
      source: 'trained',
      bits: w.bits,
      hidden: w.hidden,
      inputs: w.inputs,
      precision: c.model.precision,
      records: c.codes.length / bytesPerCode(w.bits),
      archiveBytes: c.archive.length,
      archiveWithEncoderBytes: c.archiveWithEncoderBytes,
      parts: c.parts,
      roundTrip: c.roundTrip,
      reconstructionError: c.reconstructionError,
      distinctCodes: c.distinctCodes,
      choice: c.choice,
      canEncode: true,
      epochLoss: [...epochLoss],
    };
    this.set('compressed', summary);
    this.afterModel();
  }

  /** What follows a new model: the lossy baselines at its budget, recall, the hand-made query. */
  private afterModel(): void {
    this.measureLossy();
    this.remeasure();
    void this.runQuery();
  }

  private measureLossy(): void {
    const { spec, archive } = this;
    if (!spec || !archive) return;
    this.client.cancel('lossy');
    void this.track(
      'lossy',
      'train',
      () =>
        this.client.run('lossy', {
          kind: 'lossy',
          spec,
          budget: archive.length,
          seed: this.s.seed,
        }),
      (l) => l.points,
    );
  }

  /** Measures recall for every point of the plan (the CLI's plan and seeds). */
  remeasure(): void {
    const { spec, ref } = this;
    if (!spec || !ref) return;
    this.client.cancel('recall');
    const s = this.s;
    void this.track(
      'recall',
      'measureRecall',
      (progress) =>
        this.client.run(
          'recall',
          {
            kind: 'recall',
            spec,
            ref,
            stage: this.stageOptions(s),
            plan: { ...DEFAULT_RECALL_PLAN, queries: s.queries },
            seed: s.seed,
          },
          (p) => progress(p.done / p.total),
        ),
      (r) => ({ choice: r.choice, points: r.points }),
    );
  }

  /** Runs the hand-made query of the settings (record, kind, amount). */
  async runQuery(): Promise<void> {
    const { spec, ref } = this;
    if (!spec || !ref) return;
    const { settings, notes } = crossCheck({ ...this.s, bits: ref.model.weights.bits });
    for (const n of notes) say(this.store, 'warn', n, 'runQuery');
    if (settings.query !== 'flip' && !ref.canEncode) {
      say(
        this.store,
        'warn',
        'This model came from a file without its encoder: only flipped bits can be queried.',
        'runQuery',
      );
      return;
    }
    this.client.cancel('query');
    await this.track(
      'queryView',
      'runQuery',
      () =>
        this.client.run('query', {
          kind: 'query',
          spec,
          ref,
          stage: this.stageOptions(settings),
          record: settings.record,
          query: settings.query,
          amount: settings.amount,
          seed: (settings.seed * 1_000_003 + settings.record) >>> 0,
        }),
      (q) => q.view,
    );
  }

  /** Trains the autoencoder at another K, in a worker, for its own rate-distortion curve. */
  async addCurvePoint(bits: number): Promise<void> {
    const { spec } = this;
    if (!spec || this.s.curve.running !== null) return;
    const s = this.s;
    this.store.setState((st) => ({
      curve: { ...st.curve, running: bits, progress: 0, error: null },
    }));
    try {
      const r = await this.client.run(
        'curve',
        { kind: 'curve', spec, options: { ...this.trainOptions(s), bits }, precision: s.precision },
        (p) =>
          this.store.setState((st) => ({ curve: { ...st.curve, progress: p.done / p.total } })),
      );
      if (!r || this.disposed || this.spec !== spec) return;
      this.store.setState((st) => ({
        curve: {
          ...st.curve,
          running: null,
          points: [...st.curve.points.filter((p) => p.bits !== bits), r.point].sort(
            (a, b) => a.bits - b.bits,
          ),
        },
      }));
    } catch (e) {
      this.store.setState((st) => ({ curve: { ...st.curve, running: null, error: message(e) } }));
      say(this.store, 'error', `Training K = ${bits} failed: ${message(e)}`, 'addCurvePoint');
    }
  }

  /** The file of the model on screen (with the encoder when asked and known). */
  exportFile(): void {
    const { ref, archive } = this;
    const c = this.s.compressed;
    if (!ref || !archive || !c) return;
    const full = this.s.exportEncoder && ref.canEncode;
    const bytes = full ? exportArchive(ref.model, ref.codes, true) : archive;
    const name = `engram-${c.records}-${ref.model.template.dataset}-K${c.bits}${full ? '-with-encoder' : ''}.engramae`;
    this.o.download(name, bytes);
  }

  /**
   * Reads a file back: checked for size and shape, then against the
   * records on the page, before anything changes; then its records are
   * compared with the page's model's, value for value. A file that gives
   * other records becomes the compressed dataset on screen.
   */
  async importFile(name: string, bytes: Uint8Array, size = bytes.length): Promise<void> {
    const { spec, table } = this;
    const base = {
      name,
      bytes: size,
      identical: null,
      differing: 0,
      compared: 0,
      replaced: false,
    };
    const refuse = (problems: string[], hasEncoder = false) => {
      this.patchJob('importCheck', {
        status: 'done',
        result: { ...base, problems, hasEncoder },
      });
      for (const p of problems) say(this.store, 'warn', `${name}: ${p}`, 'importFile');
    };
    const tooLarge = sizeProblem(size);
    if (tooLarge) return refuse([tooLarge]);
    if (!spec || !table)
      return refuse(['There are no records on the page to compare it with yet.']);
    const shape = checkArchiveShape(bytes);
    if (!shape.header) return refuse(shape.problems);
    const against = checkAgainstTable(shape.header, table);
    if (against.length) return refuse(against, shape.header.encoder);
    const current = this.ref;
    const s = this.s;
    const v = await this.track(
      'importCheck',
      'importFile',
      () =>
        this.client.run('model', {
          kind: 'verify',
          spec,
          file: bytes,
          current,
          stage: this.stageOptions(s),
        }),
      (r) => ({
        ...base,
        problems: [],
        identical: r.identical,
        differing: r.differing,
        compared: r.compared,
        hasEncoder: shape.header!.encoder,
        replaced: r.identical !== true,
      }),
    );
    if (!v || v.identical === true || this.spec !== spec) return;
    // Another model: the file becomes the compressed dataset on screen.
    const archive = importArchive(bytes);
    this.client.cancel('train');
    this.training?.cancel();
    this.ref = {
      id: this.nextId++,
      model: archive.model,
      codes: archive.codes,
      canEncode: archive.hasEncoder,
    };
    this.archive = archive.hasEncoder ? exportArchive(archive.model, archive.codes) : bytes;
    const w = archive.model.weights;
    this.store.setState({
      ...withoutModel(),
      training: idleTraining(),
      compressed: {
        id: this.ref.id,
        source: 'imported',
        bits: w.bits,
        hidden: w.hidden,
        inputs: w.inputs,
        precision: archive.model.precision,
        records: archive.records,
        archiveBytes: this.archive.length,
        archiveWithEncoderBytes: archive.hasEncoder ? bytes.length : null,
        parts: v.parts,
        roundTrip: null,
        reconstructionError: v.reconstructionError,
        distinctCodes: v.distinctCodes,
        choice: v.choice,
        canEncode: archive.hasEncoder,
        epochLoss: [],
      },
    });
    this.afterModel();
  }

  /** Drops the model and everything measured with it (the settings that made it changed). */
  dropModel(): void {
    this.training?.cancel();
    for (const lane of ['model', 'lossy', 'recall', 'query', 'curve', 'train'] as const)
      this.client.cancel(lane);
    this.ref = null;
    this.archive = null;
    const t = this.s.training;
    const busy = t.status === 'probing' || t.status === 'running' || t.status === 'compressing';
    this.store.setState({
      ...withoutModel(),
      training: busy ? { ...t, status: 'cancelled', etaSeconds: null } : idleTraining(),
    });
  }

  private stopAll(): void {
    this.training?.cancel();
    for (const lane of [
      'data',
      'lossless',
      'model',
      'lossy',
      'recall',
      'query',
      'curve',
      'train',
    ] as const)
      this.client.cancel(lane);
    this.ref = null;
    this.archive = null;
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const u of this.unwatch) u();
    this.training?.cancel();
    this.client.dispose();
  }
}
