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
import { createRunLoop, type RunLoop } from '../../engine/runLoop';
import { classify, overlaps, Stepper } from '../../models/classic/dynamics';
import { learn, type Network } from '../../models/classic/hopfield';
import { hamming, stack, type Bipolar, type PatternMatrix } from '../../core/pattern';
import { clearRecall, say, type HopfieldStore, type TracePoint } from './store';

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

export class HopfieldRunner {
  private cache: { key: string; net: Network; x: PatternMatrix } | null = null;
  private stepper: Stepper | null = null;
  private loop: RunLoop;
  private targetCells: Int8Array | null = null;
  private lastChartPublish = 0;
  private pendingTraces: { energy: TracePoint[]; ham: TracePoint[] } | null = null;

  constructor(
    private readonly store: HopfieldStore,
    loopOptions: Parameters<typeof createRunLoop>[1] = {},
  ) {
    this.loop = createRunLoop((n) => this.advance(n), {
      ...loopOptions,
      onChange: (playing) => {
        if (playing) return;
        this.flushCharts();
        if (this.store.getState().phase === 'running') this.store.setState({ phase: 'paused' });
      },
    });
  }

  /** The network for the current rule and patterns, learned on demand. */
  network(): { net: Network; x: PatternMatrix } | null {
    const { rule, patterns, size } = this.store.getState();
    if (patterns.length === 0) return null;
    const key = `${rule}:${size}:${patterns.map((p) => p.id).join(',')}`;
    if (this.cache?.key !== key) {
      const x = stack(
        patterns.map((p) => p.cells as Bipolar),
        size * size,
      );
      this.cache = { key, net: learn(rule, x), x };
    }
    return { net: this.cache.net, x: this.cache.x };
  }

  get playing(): boolean {
    return this.loop.playing;
  }

  /** Starts recall from the current state, or resumes a paused one. */
  play(): void {
    if (!this.ensureStepper()) return;
    this.store.setState({ phase: 'running' });
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  toggle(): void {
    if (this.loop.playing) this.pause();
    else this.play();
  }

  /** One step: a synchronous update, or one sweep (or, unit by unit, one unit). */
  stepOnce(): void {
    if (this.loop.playing) this.loop.pause();
    if (!this.ensureStepper()) return;
    this.store.setState({ phase: 'paused' });
    this.advanceBy(1, 1);
  }

  /** Back to the cue recall started from; clears the traces. */
  reset(): void {
    this.loop.pause();
    this.stepper = null;
    this.pendingTraces = null;
    const { cue } = this.store.getState();
    this.store.setState({ ...clearRecall(), ...(cue ? { state: cue.slice() } : {}) });
    this.publishOverlaps();
  }

  /** Forget the running recall (the state grid or the memory changed). */
  invalidate(): void {
    this.loop.pause();
    this.stepper = null;
    this.pendingTraces = null;
    this.store.setState(clearRecall());
    this.publishOverlaps();
  }

  /**
   * Stops recall and drops the network. The loop stays usable: React's
   * StrictMode unmounts and remounts a lab once, with the same runner.
   */
  dispose(): void {
    this.loop.pause();
    this.stepper = null;
    this.cache = null;
  }

  /** Publishes traces held back by the chart throttle (on pause). */
  private flushCharts(): void {
    const pending = this.pendingTraces;
    if (!pending || !this.cache) return;
    this.pendingTraces = null;
    this.store.setState((s) => ({
      energy: pending.energy,
      hammingTrace: pending.ham,
      overlaps: overlaps(this.cache!.x, s.state),
    }));
  }

  /** Overlaps of the current state with every stored pattern, for the bars. */
  publishOverlaps(): void {
    const learned = this.safeNetwork();
    const s = this.store.getState();
    this.store.setState({ overlaps: learned ? overlaps(learned.x, s.state) : new Float64Array(0) });
  }

  private safeNetwork() {
    try {
      return this.network();
    } catch {
      return null;
    }
  }

  private ensureStepper(): boolean {
    const s = this.store.getState();
    if (this.stepper && (s.phase === 'paused' || s.phase === 'running')) return true;
    if (s.phase === 'done') return false;
    let learned;
    try {
      learned = this.network();
    } catch (e) {
      say(this.store, 'error', e instanceof Error ? e.message : String(e));
      return false;
    }
    if (!learned) {
      say(
        this.store,
        'warn',
        'Store at least one pattern first: the network has nothing to recall.',
      );
      return false;
    }
    const m = overlaps(learned.x, s.state);
    let target = s.target;
    let targetReason = s.targetReason;
    if (target === null || target >= learned.x.n) {
      target = 0;
      for (let mu = 1; mu < m.length; mu++) if (m[mu] > m[target]) target = mu;
      targetReason = 'closest';
    }
    this.targetCells = s.patterns[target].cells;
    this.pendingTraces = null;
    this.stepper = new Stepper(learned.net, s.state, {
      dynamics: s.dynamics,
      temperature: s.temperature,
      order: 'random',
      rng: createRng(s.seed),
    });
    this.store.setState({
      ...clearRecall(),
      cue: s.state.slice(),
      target,
      targetReason,
      phase: 'paused',
      energy: [{ x: 0, y: this.stepper.energy }],
      hammingTrace: [{ x: 0, y: hamming(s.state, this.targetCells) }],
      overlaps: m,
    });
    return true;
  }

  private advance(frames: number): boolean {
    const s = this.store.getState();
    const unitView = s.view === 'unit' && s.dynamics !== 'sync';
    const perFrame = unitView ? UNITS_PER_FRAME[s.speed - 1] : SWEEPS_PER_FRAME[s.speed - 1];
    // The run loop handles fractional speeds by calling with whole numbers.
    return this.advanceBy(frames, unitView ? Math.max(1, Math.round(perFrame)) : 1);
  }

  /**
   * Advances `count` ticks; a tick is `units` single-unit updates in the
   * unit-by-unit view, else one step (sync) or one sweep. Returns false when
   * recall has stopped.
   */
  private advanceBy(count: number, units: number): boolean {
    const stepper = this.stepper;
    const s = this.store.getState();
    if (!stepper) return false;
    const d = s.state.length;
    const sync = s.dynamics === 'sync';
    const unitView = s.view === 'unit' && !sync;
    // Sample the energy about 32 times a sweep, so the curve shows it falling
    // unit by unit rather than jumping once per sweep.
    const sampleEvery = Math.max(1, Math.floor(d / 32));
    let energy = this.pendingTraces?.energy ?? s.energy;
    let ham = this.pendingTraces?.ham ?? s.hammingTrace;
    const sample = () => {
      const x = this.sweeps(stepper, d);
      energy = pushTrace(energy, { x, y: stepper.energy });
      ham = pushTrace(ham, { x, y: hamming(stepper.state, this.targetCells!) });
    };
    let highlight: number | null = null;
    for (let t = 0; t < count && stepper.status === 'running'; t++) {
      if (sync) {
        stepper.step();
      } else {
        const todo = unitView ? units : d - (stepper.unitsUpdated % d);
        for (let u = 0; u < todo && stepper.status === 'running'; u++) {
          highlight = stepper.stepUnit().unit;
          if (!unitView && stepper.unitsUpdated % sampleEvery === 0) sample();
        }
      }
      if (this.sweeps(stepper, d) >= MAX_STEPS) break;
    }
    sample();
    const x = this.sweeps(stepper, d);
    const state = stepper.state.slice();
    const stopped = stepper.status !== 'running' || x >= MAX_STEPS;
    const learned = this.cache!;
    const target = s.target ?? 0;
    const now = performance.now();
    const charts =
      stopped || !this.loop.playing || now - this.lastChartPublish >= CHART_INTERVAL_MS;
    this.pendingTraces = charts ? null : { energy, ham };
    if (charts) this.lastChartPublish = now;
    this.store.setState({
      state,
      steps: x,
      highlight: stopped || !unitView ? null : highlight,
      ...(charts ? { energy, hammingTrace: ham, overlaps: overlaps(learned.x, state) } : {}),
      ...(stopped
        ? {
            phase: 'done' as const,
            capped: stepper.status === 'running',
            verdict: classify(learned.x, state, target, stepper.status === 'cycle'),
          }
        : {}),
    });
    if (stopped) this.loop.pause();
    return !stopped;
  }

  private sweeps(stepper: Stepper, d: number): number {
    return this.store.getState().dynamics === 'sync' ? stepper.steps : stepper.unitsUpdated / d;
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
