/**
 * What the Classic lab's lessons are made of: the moves their steps repeat
 * (start over, store presets, recall from a seeded cue), all through the
 * lab's commands (runCommand), the claims' checks, and the scratch state
 * that keeps the visitor's own patterns and settings out of a lesson.
 */
import { pick } from '../../core/params';
import { createRng } from '../../core/random';
import { runCommand } from '../../engine/commands';
import type { Claim, Scratch } from '../../engine/lessons';
import { flipFraction } from '../../models/classic/corrupt';
import type { Dynamics } from '../../models/classic/dynamics';
import type { Outcome } from '../../models/classic/classify';
import type { Rule } from '../../models/classic/hopfield';
import { randomPattern } from '../../data/presets';
import { COMMANDS, type LabContext, type NewPattern } from './commands';
import { PARAMS } from './params';
import type { Settings } from './store';

/** An empty memory of `size` x `size` units with the default settings, then `patterns`. */
export function startOver(
  ctx: LabContext,
  dynamics: Dynamics,
  patterns: NewPattern[] = [],
  size = 16,
) {
  runCommand(COMMANDS.loadMemory, ctx, { size, patterns });
  runCommand(COMMANDS.setRule, ctx, 'hebbian');
  runCommand(COMMANDS.setDynamics, ctx, dynamics);
  runCommand(COMMANDS.setView, ctx, 'sweep');
  runCommand(COMMANDS.setSpeed, ctx, 5);
  runCommand(COMMANDS.setSeed, ctx, 1);
}

/** Stores presets, as picking each and pressing Store does. */
export function storeAll(ctx: LabContext, names: string[]) {
  for (const n of names) {
    runCommand(COMMANDS.loadPreset, ctx, n);
    runCommand(COMMANDS.store, ctx);
  }
}

/** Puts pattern `index` on the grid with `fraction` of its units flipped (seeded). */
export function corruptedCue(ctx: LabContext, index: number, fraction: number, seed: number) {
  runCommand(COMMANDS.loadPattern, ctx, index);
  runCommand(COMMANDS.setNoise, ctx, fraction);
  const cue = flipFraction(ctx.store.getState().state, fraction, createRng(seed));
  runCommand(COMMANDS.editCells, ctx, cue);
}

/** The same cue, and recall started from it. */
export function recallFrom(ctx: LabContext, index: number, fraction: number, seed: number) {
  corruptedCue(ctx, index, fraction, seed);
  runCommand(COMMANDS.recall, ctx);
}

/** A recall step: what to store, how to update, and the cue to recall from. */
export interface RecallStep {
  dynamics: Dynamics;
  /** Preset letters stored one by one. */
  letters?: string[];
  /** Random patterns loaded at once: how many, and their seed (randoms). */
  randoms?: [n: number, seed: number];
  /** A rule other than the Hebbian one start over chooses. */
  rule?: Rule;
  /** Recall pattern `index` from a cue with `fraction` of its units flipped (recallFrom). */
  cue: [index: number, fraction: number, seed: number];
}

/** The set-up of a recall step: start over, store, choose the rule, recall from the cue. */
export function recallStep(step: RecallStep) {
  return (ctx: LabContext) => {
    startOver(ctx, step.dynamics, step.randoms ? randoms(...step.randoms) : []);
    storeAll(ctx, step.letters ?? []);
    if (step.rule) runCommand(COMMANDS.setRule, ctx, step.rule);
    recallFrom(ctx, ...step.cue);
  };
}

/** `n` random patterns of `d` units, seeded. */
export function randoms(n: number, seed: number, d = 256): NewPattern[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    name: `Random ${i + 1}`,
    cells: randomPattern(d, rng),
  }));
}

/** Recall has stopped in one of `outcomes` (and, when given, at pattern `other`). */
export function endsIn(says: string, outcomes: Outcome[], other?: string): Claim<LabContext> {
  return {
    says,
    check(ctx) {
      const s = ctx.store.getState();
      if (s.phase !== 'done') return `recall is ${s.phase}, not done`;
      const v = s.verdict;
      if (!v || !outcomes.includes(v.outcome)) return `recall ended in ${v?.outcome ?? 'nothing'}`;
      if (other !== undefined) {
        const name = v.index === undefined ? undefined : s.patterns[v.index]?.name;
        if (name !== other) return `recall ended at ${name ?? 'no stored pattern'}, not ${other}`;
      }
      return null;
    },
  };
}

/** The energy never rose from one recorded point to the next. */
export function energyNeverRises(ctx: LabContext): string | null {
  const e = ctx.store.getState().energy;
  for (let i = 1; i < e.length; i++)
    if (e[i].y > e[i - 1].y + 1e-9) return `the energy rose at point ${i}`;
  return e.length > 1 ? null : 'no energy was recorded';
}

/** Both checks. */
export function all(...checks: ((ctx: LabContext) => string | null)[]) {
  return (ctx: LabContext) => {
    for (const c of checks) {
      const why = c(ctx);
      if (why) return why;
    }
    return null;
  };
}

interface Work {
  settings: Settings;
  size: number;
  patterns: NewPattern[];
  state: Int8Array;
  target: number | null;
}

/** The visitor's patterns, grid and settings, taken before a lesson and put back after it. */
export const CLASSIC_SCRATCH: Scratch<LabContext, Work> = {
  save(ctx) {
    const s = ctx.store.getState();
    return {
      settings: pick(PARAMS, s) as Settings,
      size: s.size,
      patterns: s.patterns.map((p) => ({ name: p.name, cells: p.cells.slice() })),
      state: (s.phase === 'idle' ? s.state : (s.cue ?? s.state)).slice(),
      target: s.target,
    };
  },
  restore(ctx, w) {
    const s = ctx.store.getState();
    if (s.phase === 'running') runCommand(COMMANDS.recall, ctx); // pause it first
    runCommand(COMMANDS.loadMemory, ctx, {
      size: w.size,
      patterns: w.patterns,
      state: w.state,
      target: w.target,
    });
    // Every setting of the table at once, so settings added to it later come back too.
    ctx.store.setState(w.settings);
  },
};
