import { describe, expect, it } from 'vitest';
import { checkCommands, runCommand, runKey, shortcutRows } from '../../../engine/commands';
import { manualFrames } from '../../../testing/frames';
import { EBBINGHAUS_1885 } from '../../../data/ebbinghaus';
import { PART2_COMMANDS, SECTION_COMMANDS, SPACING_COMMANDS } from './commands';
import { makePart2Core, sectionLab } from './lab';
import { DELAY_KEYS } from './params';
import { scheduleRecall, SWEEP_GAPS_DAYS } from './spacingView';

/** A core whose chunks and frames the test runs by hand. */
function testCore(query = '') {
  const turns: (() => void)[] = [];
  const frames = manualFrames();
  const core = makePart2Core(query, {
    loop: frames.loop,
    chunks: { schedule: (cb) => turns.push(cb) },
  });
  const flushChunks = () => {
    for (let i = 0; i < 10_000 && turns.length; i++) turns.shift()!();
  };
  return { core, frames, flushChunks, state: () => core.store.getState() };
}

describe('Human memory lab, part 2: commands, store, runners', () => {
  it('has one id and one key per command, over all four sections', () => {
    expect(() => checkCommands(PART2_COMMANDS)).not.toThrow();
    const keys = shortcutRows(PART2_COMMANDS).flatMap((r) => r.keys);
    expect(new Set(keys).size).toBe(keys.length);
    // Part 1's keys (play, step, back, reset, start a round) stay free for it.
    for (const k of ['p', 'n', 'b', 'z', 'g']) expect(keys).not.toContain(k);
  });

  it('reads the link per section and reports a bad value in its section', () => {
    const { state } = testCore('isim=0.3&mdays=99&study=0,2,5&test=9&faxes=log&n=30');
    expect(state().similarity).toBe(0.3);
    expect(state().sessions).toEqual([0, 2, 5]);
    expect(state().testAt).toBe(9);
    expect(state().forgettingAxes).toBe('log');
    expect(state().memoryDays).toBe(21);
    const bad = state().messages.filter((m) => m.source === 'memory/link');
    expect(bad).toHaveLength(1);
    expect(bad[0].text).toContain('mdays=99');
    // Part 1's keys (n=30) are not ours and say nothing here.
    expect(state().messages).toHaveLength(1);
  });

  it('writes only its own section keys into the link, keeping the rest', () => {
    const { core } = testCore();
    const spacing = sectionLab(core, 'spacing');
    core.store.setState({ testAt: 30, similarity: 0.2 });
    const q = spacing.linkQuery!(core.store.getState(), 'n=30&backend=cpu');
    expect(q).toBe('n=30&backend=cpu&test=30');
  });

  it('fits the curves on start and again when a point is left out', () => {
    const { core, state, flushChunks } = testCore();
    core.hold();
    expect(state().fits).toBeNull();
    flushChunks();
    const all = state().fits!;
    expect(all.used).toHaveLength(EBBINGHAUS_1885.length);
    expect(all.power.rmse).toBeLessThan(all.exponential.rmse);
    runCommand(PART2_COMMANDS.togglePoint, core, DELAY_KEYS[0]);
    expect(state().fitPoints).toEqual(DELAY_KEYS.slice(1));
    expect(state().fits!.used).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state().fits!.power.params.b).not.toBe(all.power.params.b);
    // Four more would leave two: refused, with a message beside the points.
    for (const k of DELAY_KEYS.slice(1, 5)) runCommand(PART2_COMMANDS.togglePoint, core, k);
    expect(state().fitPoints).toHaveLength(3);
    expect(state().messages.some((m) => m.source === 'forgetting/togglePoint')).toBe(true);
    core.release();
  });

  it('fits tau and s for any decay with the same error (only tau/d and s/d matter)', () => {
    const { core, state, flushChunks } = testCore();
    core.hold();
    flushChunks();
    runCommand(PART2_COMMANDS.setSetting, core, ['actrDecay', 0.25]);
    expect(runKey(SECTION_COMMANDS.forgetting, core, 'f')).toBe(true);
    const fit = state().fits!.actr;
    expect(state().actrTau).toBeCloseTo(fit.params.tau / 2, 12);
    expect(state().actrNoise).toBeCloseTo(fit.params.s / 2, 12);
    core.release();
  });

  it('refuses a bad setting with the table’s own message, beside its control', () => {
    const { core, state } = testCore();
    runCommand(PART2_COMMANDS.setSetting, core, ['similarity', 1.5]);
    expect(state().similarity).toBe(0.75);
    const m = state().messages.find((x) => x.source === 'interference/setSetting:similarity');
    expect(m?.text).toBe('Cue similarity: 1.5 is not a number between 0 and 1.');
  });

  it('moves, adds and removes study sessions; the recall at test follows', () => {
    const { core, state } = testCore('study=0,7,14&test=44');
    const p0 = scheduleRecall(state().sessions, state().testAt).probability;
    runCommand(SPACING_COMMANDS.moveSession, core, [1, 12]);
    expect(state().sessions).toEqual([0, 12, 14]);
    expect(state().selectedSession).toBe(1);
    // A session cannot pass its neighbour: it stops 10 s short of it.
    runCommand(SPACING_COMMANDS.moveSession, core, [1, 20]);
    expect(state().sessions[1]).toBeLessThan(14);
    expect(state().sessions[1]).toBeGreaterThan(13.999);
    expect(scheduleRecall(state().sessions, state().testAt).probability).not.toBe(p0);
    expect(runKey(SECTION_COMMANDS.spacing, core, '+')).toBe(true);
    expect(state().sessions).toHaveLength(4);
    expect(state().sessions[state().selectedSession]).toBe(22 + 7); // the widest gap: 14 to 44
    runKey(SECTION_COMMANDS.spacing, core, '-');
    expect(state().sessions).toHaveLength(3);
  });

  it('presets keep the number of sessions and the retention interval', () => {
    const { core, state } = testCore('study=0,7,14&test=44');
    runKey(SECTION_COMMANDS.spacing, core, 'm');
    const massed = state().sessions;
    expect(massed).toHaveLength(3);
    expect(massed[2]).toBeLessThan(0.001);
    expect(state().testAt - massed[2]).toBeCloseTo(30, 5);
    const pMassed = scheduleRecall(massed, state().testAt).probability;
    runKey(SECTION_COMMANDS.spacing, core, 'e');
    expect(state().sessions).toEqual([0, 7, 14]);
    const pEven = scheduleRecall(state().sessions, state().testAt).probability;
    runKey(SECTION_COMMANDS.spacing, core, 'x');
    expect(state().sessions[1] - state().sessions[0]).toBeCloseTo(14 / 3, 5);
    expect(pEven).toBeGreaterThan(pMassed);
  });

  it('runs the gap sweep in chunks, the best gap growing with the interval', () => {
    const { core, state, flushChunks } = testCore();
    core.hold();
    expect(state().gapSweep.status).toBe('running');
    flushChunks();
    const sweep = state().gapSweep;
    expect(sweep.status).toBe('done');
    expect(sweep.rows.map((r) => r.retention)).toEqual(['10min', '1d', '1w', '1m', '1y']);
    const gaps = sweep.rows.map((r) => r.bestGap);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    // The crossover: massed study beats a one-day gap 10 minutes after, loses to it a year after.
    const day = SWEEP_GAPS_DAYS.findIndex((g) => g >= 1);
    const [short, long] = [sweep.rows[0], sweep.rows[4]];
    expect(short.massed).toBeGreaterThan(short.recall[day]);
    expect(long.massed).toBeLessThan(long.recall[day]);
    const { days, curve } = state().crossover!;
    expect(days).toBeGreaterThan(600 / 86_400);
    expect(days).toBeLessThan(1);
    expect(curve[0].y).toBeLessThan(0);
    expect(curve[curve.length - 1].y).toBeGreaterThan(0);
    runCommand(PART2_COMMANDS.setSetting, core, ['retentions', ['1w']]);
    flushChunks();
    expect(state().gapSweep.rows.map((r) => r.retention)).toEqual(['1w']);
    core.release();
  });

  it('sweeps interference over similarity: both kinds grow with it', () => {
    const { core, state, flushChunks } = testCore();
    core.hold();
    flushChunks();
    const rows = state().interferenceSweep.rows;
    expect(rows).toHaveLength(21);
    expect(rows[20].retroactive).toBeGreaterThan(rows[0].retroactive + 0.1);
    expect(rows[20].proactive).toBeGreaterThan(rows[0].proactive + 0.1);
    const at = state().interferenceAt!;
    expect(at.similarity).toBe(0.75);
    runCommand(PART2_COMMANDS.setSetting, core, ['similarity', 1]);
    expect(state().interferenceAt!.retroactive.interference).toBeGreaterThan(
      at.retroactive.interference,
    );
    runKey(SECTION_COMMANDS.interference, core, 'i');
    expect(state().attentionView).toBe('proactive');
    core.release();
  });

  it('steps the days to the end, plays, resets, and starts over for a new seed', () => {
    const { core, state, frames } = testCore('mdays=4&mspeed=10');
    core.hold();
    runKey(SECTION_COMMANDS.memory, core, 'd');
    expect(state().memory.step).toBe(0);
    expect(state().memory.frames.map((f) => f.phase)).toEqual(['study', 'sleep', 'test']);
    runKey(SECTION_COMMANDS.memory, core, 'k');
    expect(state().memory.playing).toBe(true);
    frames.flush();
    expect(state().memory.step).toBe(11);
    expect(state().memory.playing).toBe(false);
    expect(runCommand(PART2_COMMANDS.stepMemory, core)).toBe(false);
    const last = state().memory.frames[11];
    expect(last.phase).toBe('test');
    expect(last.report!.day).toBe(3);
    runKey(SECTION_COMMANDS.memory, core, 'r');
    expect(state().memory.step).toBe(-1);
    runCommand(PART2_COMMANDS.setSetting, core, ['memoryDays', 6]);
    expect(state().memory.total).toBe(18);
    expect(state().memory.frames).toHaveLength(12);
    runCommand(PART2_COMMANDS.setSetting, core, ['memorySeed', 2]);
    expect(state().memory.frames).toHaveLength(0);
    core.release();
    expect(core.disposed).toBe(true);
  });

  it('asks with an episode’s cue or between a routine’s episodes', () => {
    const { core, state } = testCore();
    core.hold();
    for (let i = 0; i < 12; i++) runCommand(PART2_COMMANDS.stepMemory, core);
    const episode = state().memory.frames[0].events[0];
    runCommand(PART2_COMMANDS.askEpisode, core, episode);
    expect(state().queryObject).toBe('any');
    runCommand(PART2_COMMANDS.askRoutine, core, 0);
    expect([state().queryPlace, state().queryObject, state().queryTime]).toEqual([
      'kitchen',
      'coffee',
      'morning',
    ]);
    expect(state().queryPeople).toEqual([]);
    core.release();
  });
});
