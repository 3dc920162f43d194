/**
 * Runs recall in time. The runner owns the network (relearned only when the
 * rule or the stored patterns change), the stepper and the run loop, and
 * publishes a snapshot to the store after every animation frame: state,
 * energy, overlaps, step count, and a verdict when recall stops.
 *
 * Recall here runs on typed arrays, not tensors: one small network updated
 * unit by unit pays tfjs's fixed per-operation cost thousands of times a
 * second for nothing (the benchmark measures both; see bench/). The batched
 * tensor path serves "Test every pattern" (batchTest.ts).
 */
import { createRng } from '../../core/random';
import { hamming, stack, type Bipolar, type PatternMatrix } from '../../core/pattern';
import { say } from '../../engine/messages';
import { createRunLoop, type RunLoop, type RunLoopOptions } from '../../engine/runLoop';
import { watchFields } from '../../engine/watch';
import { Stepper } from '../../models/classic/dynamics';
import { classify, overlaps } from '../../models/classic/classify';
import { learn, type Network } from '../../models/classic/hopfield';
import { createWorkerLearner, type Learner } from './learnClient';
import { memoryOf, RecallPreparation, sameCells } from './prepare';

import { clearRecall, type HopfieldState, type HopfieldStore, type TracePoint } from './store';

/** Speed levels 1..10: sweeps (or synchronous steps) per animation frame. */
export const SWEEPS_PER_FRAME = [1 / 60, 1 / 30, 1 / 15, 1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8];
/** Speed levels 1..10 in unit-by-unit view: single-unit updates per frame. */
export const UNITS_PER_FRAME = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
/** Recall stops after this many steps (sync) or sweeps (async, stochastic). */
export const MAX_STEPS = 100;
const MAX_TRACE = 1500;
/**
 * While recall plays, the curves and overlap bars update at most this often
 * (the grid still repaints every frame): re-drawing SVG charts 60 times a
 * second cost more than the model itself (see npm run bench).
 */
const CHART_INTERVAL_MS = 100;
/**
 * One animation frame stops advancing recall after this much work, so a
 * big dense network (64 x 64 Storkey: one sweep or step is a pass over
 * 16 M weights) plays slower instead of freezing the page.
 */
const FRAME_BUDGET_MS = 12;

/**
 * The store fields that change the network (rule, patterns, size) or the
 * recall in progress (the grid it started from, its dynamics, temperature
 * and seed). When any of them changes, whoever changed it, the runner drops
 * its recall and republishes the overlaps.
 */
const NETWORK_FIELDS = [
  'rule',
  'diagonal',
  'margin',
  'dreams',
  'epsilon',
  'power',
  'patterns',
  'size',
  'state',
  'dynamics',
  'temperature',
  'seed',
] as const satisfies readonly (keyof HopfieldState)[];

/** Display settings the runner follows while it plays (how much one frame advances). */
const DISPLAY_FIELDS = ['view', 'speed', 'dynamics'] as const;

/** One recall in progress: the stepper, its target and the traces so far. */
interface Recall {
  stepper: Stepper;
  sync: boolean;
  d: number;
  target: number;
  targetCells: Int8Array;
  energy: TracePoint[];
  ham: TracePoint[];
  /** The traces hold points the store has not been shown yet (the chart throttle). */
  unpublished: boolean;
}

export class HopfieldRunner extends RecallPreparation {
  private recall: Recall | null = null;
  private readonly loop: RunLoop;
  private unitView = false;
  private unitsPerFrame = 1;
  private lastChartPublish = 0;
  private unwatch: (() => void) | null = null;
  /** True while the runner writes the store itself: its own snapshots do not invalidate it. */
  private writing = false;

  /**
   * `learner`: where slow rules learn big networks (learnJob.ts), a Web
   * Worker by default; null (and in Node, where there is no Worker) learns
   * on the page, synchronously, with the same result.
   */
  protected get recalling(): boolean {
    return this.recall !== null;
  }

  constructor(
    store: HopfieldStore,
    loopOptions: RunLoopOptions = {},
    learner: Learner | null = createWorkerLearner(),
  ) {
    super(store, learner);
    this.loop = createRunLoop((n) => this.advance(n), {
      ...loopOptions,
      onChange: (playing) => {
        if (playing) return;
        this.flushCharts();
        if (this.store.getState().phase === 'running') this.write({ phase: 'paused' });
      },
    });
    this.follow(store.getState());
  }

  /**
   * Starts watching the store (again after a dispose: React's StrictMode
   * unmounts and remounts a lab once, with the same runner) and publishes
   * the first overlaps.
   */
  start(): void {
    if (!this.unwatch) {
      const offNetwork = watchFields(this.store, NETWORK_FIELDS, () => {
        if (!this.writing) this.invalidate();
      });
      const offDisplay = watchFields(this.store, DISPLAY_FIELDS, (s) => this.follow(s));
      this.unwatch = () => {
        offNetwork();
        offDisplay();
      };
    }
    this.follow(this.store.getState());
    this.publishOverlaps();
  }

  /** The network for the current rule, its settings and the patterns, learned on demand. */
  network(): { net: Network; x: PatternMatrix } | null {
    const st = this.store.getState();
    if (st.patterns.length === 0) return null;
    const { key, x, opts } = memoryOf(st);
    if (this.cache?.key !== key) this.cache = { key, net: learn(st.rule, x, opts), x };
    return { net: this.cache.net, x: this.cache.x };
  }

  /** Starts recall from the current state, or resumes a paused one. */
  play(): void {
    if (this.learnFirst('play') || this.fieldsFirst('play')) return;
    if (!this.ensureRecall()) return;
    this.write({ phase: 'running' });
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  /** Play or pause; while the weights are learned, stops learning. */
  toggle(): void {
    if (this.pending) this.cancelLearning();
    else if (this.loop.playing) this.pause();
    else this.play();
  }

  /** One step: a synchronous update, or one sweep (or, unit by unit, one unit). */
  stepOnce(): void {
    if (this.loop.playing) this.loop.pause();
    if (this.learnFirst('step') || this.fieldsFirst('step')) return;
    if (!this.ensureRecall()) return;
    this.write({ phase: 'paused' });
    this.advanceBy(1, 1);
  }

  /** Back to the cue recall started from; clears the traces. */
  reset(): void {
    this.cancelLearning();
    this.fieldsToken++;
    this.fieldsBusy = false;
    this.recall = null;
    this.loop.pause();
    const { cue } = this.store.getState();
    this.write({ ...clearRecall(), ...(cue ? { state: cue.slice() } : {}) });
    this.publishOverlaps();
  }

  /**
   * Stops recall, drops the network and stops watching the store. The loop
   * stays usable: start() after a dispose picks up where the store is.
   */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.cancelLearning();
    this.learner?.dispose();
    this.fieldsToken++;
    this.fieldsBusy = false;
    this.fields = null;
    this.recall = null;
    this.loop.pause();
    this.cache = null;
  }

  /** Forgets the running recall: the grid, the memory or the dynamics changed. */
  private invalidate(): void {
    this.recall = null;
    this.fieldsToken++;
    this.fieldsBusy = false;
    this.loop.pause();
    const p = this.pending;
    let stale = true;
    try {
      stale = !p || memoryOf(this.store.getState()).key !== p.key;
    } catch {
      // a pattern of another size, mid-resize: the memory changed
    }
    if (stale) this.cancelLearning();
    // Still learning the same memory (the grid or the dynamics changed): it stays.
    this.write(this.pending ? { ...clearRecall(), phase: 'learning' } : clearRecall());
    this.publishOverlaps();
  }

  /** Writes the store without invalidating itself. */
  protected write(patch: Partial<HopfieldState>): void {
    const was = this.writing;
    this.writing = true;
    try {
      this.store.setState(patch);
    } finally {
      this.writing = was;
    }
  }

  /** Follows the display settings: how far one animation frame takes recall. */
  private follow({ view, speed, dynamics }: HopfieldState): void {
    this.unitView = view === 'unit' && dynamics !== 'sync';
    this.unitsPerFrame = UNITS_PER_FRAME[speed - 1] ?? 1;
    // Unit by unit, every frame updates unitsPerFrame units; otherwise the
    // loop steps (whole sweeps or synchronous steps) at a fractional rate.
    this.loop.setSpeed(this.unitView ? 1 : (SWEEPS_PER_FRAME[speed - 1] ?? 1));
  }

  /** Publishes traces held back by the chart throttle (on pause). */
  private flushCharts(): void {
    const run = this.recall;
    if (!run?.unpublished || !this.cache) return;
    run.unpublished = false;
    this.write({
      energy: run.energy,
      hammingTrace: run.ham,
      overlaps: overlaps(this.cache.x, this.store.getState().state),
    });
  }

  /** Overlaps of the current state with every stored pattern, for the bars. */
  private publishOverlaps(): void {
    // The overlaps need the patterns only: learning waits for recall (some rules take a while).
    const s = this.store.getState();
    const d = s.size * s.size;
    let x: PatternMatrix | null = null;
    try {
      if (s.patterns.length > 0)
        x = stack(
          s.patterns.map((p) => p.cells as Bipolar),
          d,
        );
    } catch {
      x = null; // a pattern of another size, mid-resize
    }
    this.write({ overlaps: x ? overlaps(x, s.state) : new Float64Array(0) });
  }

  private ensureRecall(): Recall | null {
    const s = this.store.getState();
    if (this.recall && (s.phase === 'paused' || s.phase === 'running')) return this.recall;
    if (s.phase === 'done') return null;
    let learned;
    try {
      learned = this.network();
    } catch (e) {
      say(this.store, 'error', e instanceof Error ? e.message : String(e), 'recall');
      return null;
    }
    if (!learned) {
      say(
        this.store,
        'warn',
        'Store at least one pattern first: the network has nothing to recall.',
        'recall',
      );
      return null;
    }
    const m = overlaps(learned.x, s.state);
    let target = s.target;
    let targetReason = s.targetReason;
    if (target === null || target >= learned.x.n) {
      target = 0;
      for (let mu = 1; mu < m.length; mu++) if (m[mu] > m[target]) target = mu;
      targetReason = 'closest';
    }
    const f = this.fields;
    const fields = f && f.net === learned.net && sameCells(f.state, s.state) ? f.h : undefined;
    this.fields = null;
    const stepper = new Stepper(learned.net, s.state, {
      fields,
      dynamics: s.dynamics,
      temperature: s.temperature,
      order: 'random',
      rng: createRng(s.seed),
    });
    const targetCells = s.patterns[target].cells;
    const run: Recall = {
      stepper,
      sync: s.dynamics === 'sync',
      d: s.state.length,
      target,
      targetCells,
      energy: [{ x: 0, y: stepper.energy }],
      ham: [{ x: 0, y: hamming(s.state, targetCells) }],
      unpublished: false,
    };
    this.recall = run;
    this.write({
      ...clearRecall(),
      cue: s.state.slice(),
      target,
      targetReason,
      phase: 'paused',
      energy: run.energy,
      hammingTrace: run.ham,
      overlaps: m,
    });
    return run;
  }

  private advance(frames: number): boolean {
    // The run loop turns fractional speeds into whole numbers of steps.
    return this.advanceBy(frames, this.unitView ? this.unitsPerFrame : 1);
  }

  /**
   * Advances `count` ticks; a tick is `units` single-unit updates in the
   * unit-by-unit view, else one step (sync) or one sweep. Returns false when
   * recall has stopped.
   */
  private advanceBy(count: number, units: number): boolean {
    const run = this.recall;
    if (!run) return false;
    const { stepper, d, sync } = run;
    const unitView = this.unitView;
    const sweeps = () => (sync ? stepper.steps : stepper.unitsUpdated / d);
    // Sample the energy about 32 times a sweep, so the curve shows it falling
    // unit by unit rather than jumping once per sweep.
    const sampleEvery = Math.max(1, Math.floor(d / 32));
    const sample = () => {
      const x = sweeps();
      run.energy = pushTrace(run.energy, { x, y: stepper.energy });
      run.ham = pushTrace(run.ham, { x, y: hamming(stepper.state, run.targetCells) });
    };
    let highlight: number | null = null;
    // Only a playing loop has a budget: one Step always completes its step or sweep.
    const t0 = performance.now();
    const playing = this.loop.playing;
    const over = () => playing && performance.now() - t0 > FRAME_BUDGET_MS;
    for (let t = 0; t < count && stepper.status === 'running'; t++) {
      if (sync) {
        stepper.step();
      } else {
        // A sweep cut short by the frame budget goes on in the next frame.
        const todo = unitView ? units : d - (stepper.unitsUpdated % d);
        for (let u = 0; u < todo && stepper.status === 'running'; u++) {
          highlight = stepper.stepUnit().unit;
          if (!unitView && stepper.unitsUpdated % sampleEvery === 0) sample();
          if (!unitView && (u & 255) === 255 && over()) break;
        }
      }
      if (sweeps() >= MAX_STEPS || over()) break;
    }
    sample();
    const x = sweeps();
    const state = stepper.state.slice();
    const stopped = stepper.status !== 'running' || x >= MAX_STEPS;
    const learned = this.cache!;
    const now = performance.now();
    const charts =
      stopped || !this.loop.playing || now - this.lastChartPublish >= CHART_INTERVAL_MS;
    run.unpublished = !charts;
    if (charts) this.lastChartPublish = now;
    this.write({
      state,
      steps: x,
      highlight: stopped || !unitView ? null : highlight,
      ...(charts
        ? { energy: run.energy, hammingTrace: run.ham, overlaps: overlaps(learned.x, state) }
        : {}),
      ...(stopped
        ? {
            phase: 'done' as const,
            capped: stepper.status === 'running',
            verdict: classify(learned.x, state, run.target, stepper.status === 'cycle'),
          }
        : {}),
    });
    if (stopped) this.loop.pause();
    return !stopped;
  }
}

/** Appends a point; halves the trace's resolution when it grows too long. */
function pushTrace(trace: TracePoint[], p: TracePoint): TracePoint[] {
  const last = trace[trace.length - 1];
  if (last && last.x === p.x && last.y === p.y) return trace;
  const next = trace.length >= MAX_TRACE ? trace.filter((_, i) => i % 2 === 0) : trace.slice();
  next.push(p);
  return next;
}
