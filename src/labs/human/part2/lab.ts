/**
 * Making the second half of the Human memory lab. The page (part 1's
 * HumanLab) draws each section by itself, so the part's store and runners
 * (its "core") are shared by its four sections: each section runs the kit's
 * lifecycle (engine/lab: useLabLifecycle) over the same core, mirroring only
 * its own table into the link and binding only its own keys. The core starts
 * with the first section that mounts and stops with the last one that
 * leaves. Nothing here needs React, so tests make the same lab.
 */
import { pick } from '../../../core/params';
import { decodeParams } from '../../../core/paramLink';
import { tableLinkAndKeys } from '../../../engine/labLink';
import type { LabLifecycle } from '../../../engine/lab';
import { say } from '../../../engine/messages';
import type { RunLoopOptions } from '../../../engine/runLoop';
import type { ChunkOptions } from './chunks';
import { SECTION_COMMANDS, type Part2Ctx } from './commands';
import { MIN_FIT_POINTS } from './forgettingView';
import { MemoryRunner } from './memoryRunner';
import { PART2_PARAMS, SECTION_TABLES, type SectionName } from './params';
import { computingRunners } from './runners';
import { createPart2Store, type Part2State } from './store';

export interface Part2Options {
  loop?: Omit<RunLoopOptions, 'onChange' | 'speed'>;
  chunks?: ChunkOptions;
}

/** The shared part: store and runners, started by its first holder, stopped by its last. */
export interface Part2Core extends Part2Ctx {
  hold(): void;
  release(): void;
  readonly holders: number;
  readonly disposed: boolean;
}

/**
 * The store from the link, one table per section (so a bad value is
 * reported in its own section), with the cross-checks the tables cannot
 * make; then the runners.
 */
export function makePart2Core(query: string, options: Part2Options = {}): Part2Core {
  const values: Partial<Part2State> = {};
  const problems: [SectionName, string][] = [];
  for (const [name, table] of Object.entries(SECTION_TABLES) as [SectionName, object][]) {
    const decoded = decodeParams(table as typeof PART2_PARAMS, query);
    Object.assign(values, pick(table as typeof PART2_PARAMS, decoded.values));
    // Malformed pieces ("Ignored ... it is not a setting") are reported by part 1 already.
    for (const e of decoded.errors) if (!e.startsWith('Ignored')) problems.push([name, e]);
  }
  const defaultPoints = PART2_PARAMS.fitPoints.default;
  if ((values.fitPoints ?? defaultPoints).length < MIN_FIT_POINTS) {
    problems.push([
      'forgetting',
      `fpts names fewer than ${MIN_FIT_POINTS} delays; fitting all seven.`,
    ]);
    values.fitPoints = [...defaultPoints];
  }
  const store = createPart2Store(values);
  for (const [name, text] of problems) say(store, 'warn', text, `${name}/link`);

  const memory = new MemoryRunner(store, options.loop);
  const runners = [...computingRunners(store, options.chunks), memory];
  let holders = 0;
  let disposed = false;
  return {
    store,
    memory,
    get holders() {
      return holders;
    },
    get disposed() {
      return disposed;
    },
    hold() {
      if (disposed) throw new Error('this part of the lab was disposed');
      if (holders++ === 0) for (const r of runners) r.start();
    },
    release() {
      if (holders === 0 || --holders > 0) return;
      for (const r of runners) r.dispose();
      disposed = true;
    },
  };
}

export type Part2SectionLab = Part2Ctx & LabLifecycle<Part2State>;

/** One section's lifecycle over the shared core: its own link keys and its own keys. */
export function sectionLab(core: Part2Core, section: SectionName): Part2SectionLab {
  const table = SECTION_TABLES[section] as typeof PART2_PARAMS;
  const commands = SECTION_COMMANDS[section];
  const ctx: Part2Ctx = { store: core.store, memory: core.memory };
  return {
    ...ctx,
    path: '/human',
    ...tableLinkAndKeys(table, commands, ctx),
    start: () => core.hold(),
    dispose: () => core.release(),
  };
}
