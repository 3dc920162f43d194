/**
 * The Experiments lab's lesson (engine/lessons): small, fast sweeps of a
 * few hundred networks each, through the lab's commands (choose the
 * experiment, set its settings, run). Each step waits for its run to end;
 * lesson.test.ts runs every step in a worker core of its own and checks the
 * claims against the rows the sweep produced.
 */
import { runCommand } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson, type Claim, type Scratch } from '../../engine/lessons';
import { defaultTexts } from '../../models/experiments/params';
import { EXPERIMENT_TABLES, type ExperimentName } from '../../models/experiments/registry';
import { mcElieceCapacity, storkeyCapacity } from '../../models/experiments/theory';
import type { Row } from '../../models/experiments/types';
import { COMMANDS, type CapacityContext } from './commands';
import { noResults, type CapacityState, type RunResults } from './store';

type Ctx = Pick<CapacityContext, 'store' | 'runner'>;

/** D of every sweep in the lesson: small enough for a few seconds a sweep. */
export const LESSON_UNITS = 200;

/** Resolves when the store's run is no longer running. */
export function runEnded(ctx: Ctx): Promise<void> {
  return new Promise((resolve) => {
    if (ctx.store.getState().status !== 'running') return resolve();
    const off = ctx.store.subscribe((s) => {
      if (s.status === 'running') return;
      off();
      resolve();
    });
  });
}

/** Chooses `experiment` with its default settings but `texts`, runs it, and waits for the end. */
async function sweep(ctx: Ctx, experiment: ExperimentName, texts: Record<string, string>) {
  if (ctx.store.getState().status === 'running') {
    runCommand(COMMANDS.cancel, ctx);
    await runEnded(ctx);
  }
  runCommand(COMMANDS.chooseExperiment, ctx, experiment);
  const all = { ...defaultTexts(EXPERIMENT_TABLES[experiment]), ...texts };
  for (const [name, text] of Object.entries(all))
    runCommand(COMMANDS.setParam, ctx, { name, text });
  runCommand(COMMANDS.run, ctx);
  await runEnded(ctx);
}

const rows = (ctx: Ctx): Row[] => ctx.store.getState().tables.rows ?? [];
const num = (r: Row, k: string) => Number(r[k]);

/** A claim on the finished run's rows. */
function onRows(says: string, check: (rows: Row[]) => string | null): Claim<Ctx> {
  return {
    says,
    check(ctx) {
      const s = ctx.store.getState();
      if (s.status !== 'done') return `the run is ${s.status}${s.error ? `: ${s.error}` : ''}`;
      return check(rows(ctx));
    },
  };
}

const D = LESSON_UNITS;
const HEBB_EXACT = mcElieceCapacity(D) / D; // D/(2 ln D) as a load
const STORKEY_EXACT = storkeyCapacity(D) / D;
const small = { units: String(D), trials: '8', cues: '8', seed: '1' };
const CAPACITY_LOADS = '0.02,0.04,0.06,0.08,0.1,0.12,0.14,0.16,0.2';
const pct = (x: number) => `${Math.round(100 * x)} %`;

/** The exact-recall rate of `rule` at each load, in load order. */
function curve(rs: Row[], rule: string): { load: number; rate: number; overlap: number }[] {
  return rs
    .filter((r) => r.rule === rule)
    .map((r) => ({
      load: num(r, 'load'),
      rate: num(r, 'successRate'),
      overlap: num(r, 'meanOverlap'),
    }))
    .sort((a, b) => a.load - b.load);
}

const capacityRun = (ctx: Ctx) =>
  sweep(ctx, 'capacity', { ...small, rule: 'hebbian', loads: CAPACITY_LOADS });

interface Work {
  picked: Pick<CapacityState, 'experiment' | 'engine' | 'texts'>;
  results: RunResults | null;
}

/** The visitor's experiment, settings and finished results. */
const SCRATCH: Scratch<Ctx, Work> = {
  save(ctx) {
    const s = ctx.store.getState();
    const { experiment, engine, texts, status, ran, tables, notes, progress, error } = s;
    // A run of the visitor's still going is cancelled by the lesson's first sweep; it keeps its rows.
    return {
      picked: { experiment, engine, texts },
      results: status === 'idle' ? null : { status, ran, tables, notes, progress, error },
    };
  },
  async restore(ctx, w) {
    if (ctx.store.getState().status === 'running') {
      runCommand(COMMANDS.cancel, ctx);
      await runEnded(ctx);
    }
    runCommand(COMMANDS.chooseExperiment, ctx, w.picked.experiment);
    runCommand(COMMANDS.setEngine, ctx, w.picked.engine);
    // Results are not a setting: they go back as they were.
    ctx.store.setState({
      texts: w.picked.texts,
      ...(w.results ?? noResults()),
      ...(w.results?.status === 'running' ? { status: 'cancelled' as const } : {}),
    });
  },
};

export const CAPACITY_LESSON = defineLesson<Ctx>(
  courseLesson('/capacity', 'sweeps'),
  [
    {
      title: 'A capacity sweep',
      text: `For each load α = N/D from 0.02 to 0.2, 8 Hebbian networks of D = ${D} units store N random patterns and recall 8 cues each, with 10 % of their units flipped. At low loads every cue comes back exactly.`,
      panels: ['params', 'results'],
      setUp: capacityRun,
      claim: onRows('exact recall is (nearly) certain at α = 0.02 and 0.04', (rs) => {
        const low = curve(rs, 'hebbian').filter((p) => p.load <= 0.04);
        const bad = low.find((p) => p.rate < 0.95);
        return low.length < 2 ? 'no low loads' : bad ? `rate ${bad.rate} at ${bad.load}` : null;
      }),
    },
    {
      title: 'Exact recall ends near D/(2 ln D)',
      text: `The theory line D/(2 ln D) = ${mcElieceCapacity(D).toFixed(1)} patterns, a load of ${HEBB_EXACT.toFixed(3)} at D = ${D}, marks the end of exact recall. The measured rate per cue falls through one half a little past it (the theory asks for every pattern recalled with high probability, a stricter test than one cue), within a factor of two.`,
      panels: ['params', 'results'],
      setUp: capacityRun,
      claim: onRows('the rate crosses 1/2 between half and twice D/(2 ln D)', (rs) => {
        const c = curve(rs, 'hebbian');
        const cross = c.find((p) => p.rate < 0.5);
        if (!cross) return 'the rate never falls below one half';
        return cross.load > HEBB_EXACT / 2 && cross.load < 2 * HEBB_EXACT
          ? null
          : `it falls below one half at α = ${cross.load}`;
      }),
    },
    {
      title: 'Past 0.138 D even approximate recall fails',
      text: 'Below 0.138 D a cue ends a few units away from its pattern (the overlap stays near 1) even when recall is not exact; past it the network no longer holds the patterns at all and the mean overlap drops well below 1.',
      panels: ['params', 'results'],
      setUp: capacityRun,
      claim: onRows('the mean overlap is above 0.9 at α = 0.1 and below it at 0.2', (rs) => {
        const c = curve(rs, 'hebbian');
        const at = (a: number) => c.find((p) => Math.abs(p.load - a) < 1e-9)?.overlap ?? NaN;
        return at(0.1) > 0.9 && at(0.2) < 0.9 ? null : `m = ${at(0.1)} at 0.1, ${at(0.2)} at 0.2`;
      }),
    },
    {
      title: 'The noise sweep: a jump at one half',
      text: `Now the load is fixed (10 patterns in ${D} units) and the cue’s flipped fraction goes from 0 to 1. Up to 30 % every cue comes back. Past 50 % the cue is closer to −ξ, which is an attractor too: recall falls into the inverted pattern, and from 70 % on every cue ends in −ξ. The mean overlap jumps from positive to negative between 45 % and 55 %.`,
      panels: ['params', 'results'],
      setUp: (ctx) =>
        sweep(ctx, 'noise', {
          ...small,
          patterns: '10',
          'flip-fractions': '0,0.1,0.2,0.3,0.4,0.45,0.55,0.6,0.7,0.8,0.9,1',
        }),
      claim: onRows(
        'exact recall to 30 %, −ξ from 70 %, the overlap changing sign between 45 % and 55 %',
        (rs) => {
          const f = (r: Row) => num(r, 'flipFraction');
          const at = (x: number) => rs.find((r) => Math.abs(f(r) - x) < 1e-9);
          const b = rs.find((r) => f(r) <= 0.3 && num(r, 'successRate') < 0.95);
          const a = rs.find((r) => f(r) >= 0.7 && num(r, 'invertedRate') < 0.95);
          if (b) return `at f = ${f(b)} only ${pct(num(b, 'successRate'))} exact`;
          if (a) return `at f = ${f(a)} only ${pct(num(a, 'invertedRate'))} inverted`;
          const m45 = num(at(0.45) ?? {}, 'meanOverlap');
          const m55 = num(at(0.55) ?? {}, 'meanOverlap');
          return m45 > 0 && m55 < 0 ? null : `m = ${m45} at 45 %, ${m55} at 55 %`;
        },
      ),
    },
    {
      title: 'Storkey against Hebbian',
      text: `The capacity sweep again, with the Storkey rule beside the Hebbian one. Storkey subtracts each unit’s local field from the Hebbian increment, so correlations between patterns cost less: its exact recall holds to higher loads (theory: D/√(2 ln D) = ${storkeyCapacity(D).toFixed(0)} patterns, a load of ${STORKEY_EXACT.toFixed(2)}).`,
      panels: ['params', 'results'],
      setUp: (ctx) =>
        sweep(ctx, 'capacity', { ...small, rule: 'hebbian,storkey', loads: CAPACITY_LOADS }),
      claim: onRows('Storkey recalls exactly more often than Hebbian at α = 0.1 and 0.12', (rs) => {
        const h = curve(rs, 'hebbian');
        const s = curve(rs, 'storkey');
        for (const a of [0.1, 0.12]) {
          const hr = h.find((p) => Math.abs(p.load - a) < 1e-9)?.rate ?? NaN;
          const sr = s.find((p) => Math.abs(p.load - a) < 1e-9)?.rate ?? NaN;
          if (!(sr > hr)) return `at α = ${a}: Storkey ${sr}, Hebbian ${hr}`;
        }
        return null;
      }),
    },
    {
      title: 'Storkey’s own limit',
      text: `Storkey is better, not unlimited. The Storkey rule alone, at loads up to 0.6: its exact recall holds past its theory line and then falls too; by α = 0.6 fewer than half of the cues come back exactly.`,
      panels: ['params', 'results'],
      setUp: (ctx) =>
        sweep(ctx, 'capacity', { ...small, rule: 'storkey', loads: '0.1,0.2,0.3,0.4,0.5,0.6' }),
      claim: onRows('Storkey’s rate is 1 at α = 0.2 and below 1/2 at 0.6', (rs) => {
        const c = curve(rs, 'storkey');
        const at = (a: number) => c.find((p) => Math.abs(p.load - a) < 1e-9)?.rate ?? NaN;
        return at(0.2) === 1 && at(0.6) < 0.5 ? null : `rate ${at(0.2)} at 0.2, ${at(0.6)} at 0.6`;
      }),
    },
  ],
  SCRATCH,
);

export const CAPACITY_LESSONS = [CAPACITY_LESSON];
