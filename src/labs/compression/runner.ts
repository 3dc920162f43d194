/**
 * The Compression lab's engine: it holds the records, the model, its codes
 * and its file, runs each stage of the measurement (jobs in workers, the
 * training on the page or in a worker: ./training), and publishes what the
 * visitor sees to the store. It keeps itself in step with the settings:
 * new data settings regenerate the records (after a short pause, so a
 * slider's drag makes one dataset), new training settings drop the model,
 * new stage settings measure recall again, a new hand-made query runs it.
 * Its parts: the store's job slots (./jobSlots), the measurements of a
 * model (./measures), the check of an imported file (./importCheck), and
 * the summaries made from the jobs' results (./summaries).
 */
import type { KeyValueStore } from '../../engine/idb';
import { inLesson } from '../../engine/lessons';
import { say } from '../../engine/messages';
import { watchFields } from '../../engine/watch';
import { exportArchive, importArchive } from '../../models/compression/archive';
import { BROTLI_QUALITY, GZIP_LEVEL } from '../../models/compression/lossless';
import type { Normalisation, Table } from '../../models/compression/table';
import type { JobClient } from './client';
import { checkImport, checkKept } from './importCheck';
import { CompressionKeep, keyOf, sameKey, type KeptKey } from './keep';
import { JobSlots, message } from './jobSlots';
import type { CompressResult, DataSpec, ModelRef, VerifyResult } from './jobs';
import { crossCheck, type Settings } from './params';
import {
  addCurvePoint,
  measureLossy,
  measureRecall,
  runQuery,
  stageOptions,
  trainOptions,
  type MeasureHost,
} from './measures';
import { dataSummary, importedSummary, trainedSummary } from './summaries';
import { TrainingRun, type TrainingHooks } from './training';
import {
  idleJob,
  idleTraining,
  trainingBusy,
  withoutModel,
  type CompressedSummary,
  type CompressionState,
  type CompressionStore,
  type TrainingState,
} from './store';

const DATA_FIELDS = ['dataset', 'records', 'genes', 'seed'] as const;
const MODEL_FIELDS = ['bits', 'hidden', 'epochs', 'batchSize', 'precision'] as const;
const RECALL_FIELDS = ['stage', 'beta', 'queries'] as const;
const QUERY_FIELDS = ['query', 'amount', 'record'] as const;

/**
 * Model ids, unique across every runner of this page: a job environment
 * that runs on the page (no workers) outlives a visit to the lab and holds
 * the last model's Hopfield stage by id (./jobModel), so a second visit must
 * not reuse the first one's ids.
 */
let nextModelId = 1;

export interface RunnerOptions {
  readonly client: JobClient;
  readonly training: Omit<TrainingHooks, 'onProgress' | 'onMode'>;
  /** The digits' URL (the page's, for the workers). */
  readonly mnistUrl: () => string;
  /** Offers bytes as a file (a download in the page; captured in tests). */
  readonly download: (name: string, bytes: Uint8Array) => void;
  /** Pause before a changed setting reruns a job, ms. */
  readonly debounceMs?: number;
  /** Where the model on screen is kept (default: this browser's IndexedDB, ./keep). */
  readonly kv?: KeyValueStore;
}

/**
 * The model on screen: what the measurements run on (`ref`, in the model
 * worker), the archive the ratio counts (codes and decoder) and the file
 * with the encoder when the model has one (else the archive), which Export
 * and the browser keep write.
 */
interface ModelOnScreen {
  readonly ref: ModelRef;
  readonly archive: Uint8Array;
  readonly fullFile: Uint8Array;
}

/** The job lanes that work on the model on screen (./jobSlots), cancelled when it goes. */
const MODEL_LANES = ['model', 'lossy', 'recall', 'query', 'curve'] as const;

export class CompressionRunner {
  private table: Table | null = null;
  private norm: Normalisation | null = null;
  private spec: DataSpec | null = null;
  /** The model on screen and its files; null with none. */
  private onScreen: ModelOnScreen | null = null;
  private training: TrainingRun | null = null;
  /** What an import replaced: the model, its files and its training, to bring back. */
  private kept: {
    model: ModelOnScreen;
    compressed: CompressedSummary;
    training: TrainingState;
  } | null = null;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly unwatch: (() => void)[];
  private disposed = false;
  private readonly client: JobClient;
  /** The store's job slots, each running, done or failed (./jobSlots). */
  private readonly jobs: JobSlots;
  /** The model on screen, kept in this browser across leaving and reloading (./keep). */
  private readonly keeper: CompressionKeep;

  constructor(
    readonly store: CompressionStore,
    private readonly o: RunnerOptions,
  ) {
    this.client = o.client;
    this.jobs = new JobSlots(store, () => this.disposed);
    this.keeper = new CompressionKeep((text) => {
      if (!this.disposed) say(store, 'warn', text, 'keep');
    }, o.kv);
    this.unwatch = [
      watchFields(store, DATA_FIELDS, () => this.later('data', () => void this.generate())),
      watchFields(store, MODEL_FIELDS, () => {
        this.dropModel();
        // back to the settings of the kept model: it comes back
        if (this.spec) void this.restoreKept(this.spec);
      }),
      watchFields(store, RECALL_FIELDS, () => this.later('recall', () => this.remeasure())),
      watchFields(store, QUERY_FIELDS, () => this.later('query', () => void this.runQuery())),
    ];
  }

  start(): void {
    void this.generate();
  }

  get hasModel(): boolean {
    return this.onScreen !== null;
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
    const r = await this.jobs.track(
      'data',
      'generate',
      () => this.client.run('data', { kind: 'generate', spec }),
      (g) => dataSummary(settings, g),
    );
    if (!r || this.spec !== spec) return;
    this.table = r.table;
    this.norm = r.norm;
    void this.restoreKept(spec);
    void this.jobs.track(
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

  get isTraining(): boolean {
    return this.training !== null;
  }

  /** Trains on the records on screen, then compresses them and measures everything. */
  async train(): Promise<void> {
    const { table, norm, spec } = this;
    if (!table || !norm || !spec || this.training) return;
    this.dropModel();
    const s = this.s;
    const options = trainOptions(s);
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
          id: nextModelId++,
          weights,
          precision: s.precision,
          stage: stageOptions(s),
        },
        undefined,
        buffers,
      );
      if (!c || this.disposed || this.spec !== spec) return;
      this.useCompressed(c, out.progress.epochLoss);
      this.patchTraining({ status: 'done' });
      this.keepOnScreen(); // with the finished training, so it comes back as it ends here
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
    const ref = { id: nextModelId++, model: c.model, codes: c.codes, canEncode: true };
    this.onScreen = { ref, archive: c.archive, fullFile: c.archiveWithEncoder };
    const summary = trainedSummary(ref.id, c, epochLoss);
    this.set('compressed', summary);
    this.afterModel();
  }

  /** Keeps the model on screen in this browser, in place of the one kept before. */
  private keepOnScreen(): void {
    const shown = this.onScreen;
    const c = this.s.compressed;
    // a lesson's models are its own: the visitor's kept model stays
    if (!shown || !c || this.disposed || inLesson(this.store)) return;
    void this.keeper
      .write({
        key: keyOf(this.s),
        file: shown.fullFile,
        source: c.source,
        epochLoss: [...c.epochLoss],
        training: this.s.training.status === 'done' ? this.s.training : null,
      })
      .then((ok) => {
        if (ok && this.onScreen === shown) this.set('keptInBrowser', true);
      });
  }

  /**
   * Puts back the model kept from an earlier visit when the records on the
   * page are made with its settings (and nothing else is on screen yet); a
   * kept model whose file no longer fits the records is deleted, with a
   * message.
   */
  private async restoreKept(spec: DataSpec): Promise<void> {
    const { table } = this;
    if (!table) return;
    const stale = () =>
      this.disposed ||
      this.spec !== spec ||
      this.onScreen !== null ||
      trainingBusy(this.s.training) ||
      inLesson(this.store);
    const fits = (key: KeptKey) => sameKey(key, keyOf(this.s));
    const got = await checkKept(this.measureHost, this.keeper, table, spec, fits, stale);
    if (!got) return;
    const { kept: k, v } = got;
    this.showArchive(k.file, v, { source: k.source, epochLoss: [...k.epochLoss] });
    this.store.setState({ keptInBrowser: true, ...(k.training ? { training: k.training } : {}) });
    const how = k.source === 'trained' ? 'trained here' : 'imported';
    say(
      this.store,
      'info',
      `Your model from before (${how}, ${this.s.compressed?.bits} bits a record) is back: it was kept in this browser.`,
      'keep',
    );
  }

  /** Makes the archive `file` (checked against the page as `v`) the model on screen. */
  private showArchive(
    file: Uint8Array,
    v: VerifyResult,
    patch: Pick<CompressedSummary, 'source' | 'epochLoss'>,
  ): void {
    const archive = importArchive(file);
    this.client.cancel('train');
    this.training?.cancel();
    const ref = {
      id: nextModelId++,
      model: archive.model,
      codes: archive.codes,
      canEncode: archive.hasEncoder,
    };
    // the archive without the encoder is what the ratio counts; the file as given is exported
    const codesOnly = archive.hasEncoder ? exportArchive(archive.model, archive.codes) : file;
    this.onScreen = { ref, archive: codesOnly, fullFile: file };
    const summary = importedSummary(ref.id, archive, codesOnly.length, file.length, v);
    this.store.setState({
      ...withoutModel(),
      training: idleTraining(),
      compressed: { ...summary, ...patch },
      replacedModel: this.kept?.compressed ?? null,
    });
    this.afterModel();
  }

  /** What follows a new model: the lossy baselines at its budget, recall, the hand-made query. */
  private afterModel(): void {
    this.measureLossy();
    this.remeasure();
    void this.runQuery();
  }

  /** What the measurements (./measures) work on: what is on screen now. */
  private get measureHost(): MeasureHost {
    const { store, client, jobs, spec, onScreen } = this;
    const [ref, archive] = onScreen ? [onScreen.ref, onScreen.archive] : [null, null];
    return { store, client, jobs, spec, ref, archive, left: () => this.disposed };
  }

  private measureLossy(): void {
    measureLossy(this.measureHost);
  }

  /** Measures recall for every point of the plan (the CLI's plan and seeds). */
  remeasure(): void {
    measureRecall(this.measureHost);
  }

  /** Runs the hand-made query of the settings (record, kind, amount). */
  runQuery(): Promise<void> {
    return runQuery(this.measureHost);
  }

  /** Trains the autoencoder at another K, in a worker, for its own rate-distortion curve. */
  addCurvePoint(bits: number): Promise<void> {
    return addCurvePoint(this.measureHost, bits, () => this.spec);
  }

  /** The file of the model on screen (with the encoder when asked and known). */
  exportFile(): void {
    const shown = this.onScreen;
    const c = this.s.compressed;
    if (!shown || !c) return;
    const { ref } = shown;
    const full = this.s.exportEncoder && ref.canEncode;
    const bytes = full ? shown.fullFile : shown.archive;
    const name = `engram-${c.records}-${ref.model.template.dataset}-K${c.bits}${full ? '-with-encoder' : ''}.engramae`;
    this.o.download(name, bytes);
  }

  /**
   * Reads a file back (./importCheck: size, shape and records checked, then
   * compared with the page's model's, before anything changes). A file that
   * gives other records becomes the compressed dataset on screen.
   */
  async importFile(name: string, bytes: Uint8Array, size = bytes.length): Promise<void> {
    const spec = this.spec;
    const v = await checkImport(this.measureHost, this.table, { name, bytes, size });
    if (!v || v.identical === true || this.spec !== spec) return;
    // Another model: the file becomes the compressed dataset on screen; the
    // one it replaces is kept, so that one click brings it back.
    const mine = this.s.compressed;
    if (this.onScreen && mine) {
      const t = this.s.training;
      this.kept = {
        model: this.onScreen,
        compressed: mine,
        training: trainingBusy(t) ? idleTraining() : t,
      };
    }
    this.showArchive(bytes, v, { source: 'imported', epochLoss: [] });
    this.keepOnScreen();
  }

  /** Brings back the compressed dataset the last import replaced (the file's is dropped). */
  restoreReplaced(): void {
    const k = this.kept;
    if (!k) return;
    for (const lane of MODEL_LANES) this.client.cancel(lane);
    this.kept = null;
    this.onScreen = k.model;
    this.store.setState({
      ...withoutModel(),
      training: k.training,
      compressed: k.compressed,
      replacedModel: null,
      importCheck: idleJob(),
    });
    say(
      this.store,
      'info',
      `The compressed dataset the file replaced is back (${k.compressed.bits} bits a record).`,
      'importFile',
    );
    this.keepOnScreen();
    this.afterModel();
  }

  /** Drops the model and everything measured with it (the settings that made it changed). */
  dropModel(): void {
    this.training?.cancel();
    for (const lane of [...MODEL_LANES, 'train'] as const) this.client.cancel(lane);
    this.onScreen = null;
    this.kept = null;
    const t = this.s.training;
    this.store.setState({
      ...withoutModel(),
      training: trainingBusy(t) ? { ...t, status: 'cancelled', etaSeconds: null } : idleTraining(),
      replacedModel: null,
    });
  }

  private stopAll(): void {
    this.training?.cancel();
    for (const lane of ['data', 'lossless', ...MODEL_LANES, 'train'] as const)
      this.client.cancel(lane);
    this.onScreen = null;
    this.kept = null;
    this.store.setState({ replacedModel: null });
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const u of this.unwatch) u();
    this.training?.cancel();
    this.client.dispose();
  }
}
