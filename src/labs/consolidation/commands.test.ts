import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommands, isEnabled, runCommand, runKey, shortcutRows } from '../../engine/commands';
import { COMMANDS } from './commands';
import { makeLab, type ConsolidationLab } from './lab';
import { STEPS } from './params';
import { sayFailed } from './store';

const opened: ConsolidationLab[] = [];
/** A lab as the page makes it (store from the link, runner, explorer), freed after each test. */
function open(query = ''): ConsolidationLab {
  const lab = makeLab(query);
  opened.push(lab);
  return lab;
}
afterEach(() => opened.splice(0).forEach((lab) => lab.dispose()));

describe('the command table', () => {
  it('has one id and one key per command, and the help lists the stepper’s keys', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
    const keys = shortcutRows(COMMANDS).flatMap((r) => r.keys);
    for (const s of STEPS) expect(keys).toContain(String(s.n));
    expect(keys).toEqual(expect.arrayContaining(['n', 'p', 'arrowright', 'arrowleft']));
  });

  it('refuses the pipeline’s steps until their inputs exist, and settings while training', () => {
    const lab = open();
    const { store } = lab;
    // Still loading: nothing to store yet.
    expect(isEnabled(COMMANDS.encode, lab)).toBe(false);
    store.setState({ status: 'ready' });
    expect(isEnabled(COMMANDS.encode, lab)).toBe(true);
    expect(isEnabled(COMMANDS.replay, lab)).toBe(false);
    expect(isEnabled(COMMANDS.train, lab)).toBe(false);
    store.setState({ training: 'running', busy: 'Training…' });
    expect(runCommand(COMMANDS.setEpochs, lab, 5)).toBe(false);
    expect(store.getState().epochs).not.toBe(5);
    expect(isEnabled(COMMANDS.pause, lab)).toBe(true);
    store.setState({ training: 'paused', busy: null });
    expect(runCommand(COMMANDS.setEpochs, lab, 5)).toBe(true);
    expect(store.getState().epochs).toBe(5);
    expect(runCommand(COMMANDS.setLatentSize, lab, 16)).toBe(true);
    expect(store.getState().latentSize).toBe(16);
  });

  it('step 6’s settings and the arithmetic’s digits go through the store to the explorer', () => {
    const lab = open();
    const extended = vi.spyOn(lab.explorer, 'extended').mockResolvedValue();
    const arithmetic = vi.spyOn(lab.explorer, 'arithmetic').mockResolvedValue();
    runCommand(COMMANDS.setThreshold, lab, 0.4);
    expect(lab.store.getState().extendedThreshold).toBe(0.4);
    expect(extended).toHaveBeenCalledTimes(1);
    runCommand(COMMANDS.setArithmeticPick, lab, { slot: 1, digit: 4 });
    expect(lab.store.getState().arithmeticPicks).toEqual([7, 4, 0]);
    expect(arithmetic).toHaveBeenCalledTimes(1);
  });

  it('moves step 6’s episode around the traces, both ways', () => {
    const lab = open();
    vi.spyOn(lab.explorer, 'extended').mockResolvedValue();
    expect(runCommand(COMMANDS.previousEpisode, lab)).toBe(false); // nothing on screen yet
    const view = { index: 0, traces: 500 } as NonNullable<
      ReturnType<typeof lab.store.getState>['extended']
    >;
    lab.store.setState({ extended: view });
    runCommand(COMMANDS.previousEpisode, lab);
    expect(lab.store.getState().extendedEpisode).toBe(499);
    lab.store.setState({ extended: { ...view, index: 499 } });
    runCommand(COMMANDS.nextEpisode, lab);
    expect(lab.store.getState().extendedEpisode).toBe(0);
  });

  it('a key of a disabled verb is taken but does nothing; a failure is said once, by its step', () => {
    const lab = open('step=6');
    expect(runKey(COMMANDS, lab, 'n')).toBe(true);
    expect(lab.store.getState().step).toBe(6);
    for (let k = 0; k < 3; k++) sayFailed(lab.store, 'Replay', new Error('lost'), 'replay');
    const [m] = lab.store.getState().messages;
    expect(lab.store.getState().messages).toHaveLength(1);
    expect(m).toMatchObject({ kind: 'error', source: 'replay', count: 3 });
    runCommand(COMMANDS.dismiss, lab, m.id);
    expect(lab.store.getState().messages).toEqual([]);
  });
});
