import { describe, expect, it } from 'vitest';
import { checkCommands, runCommand, runKey } from '../../engine/commands';
import { STORAGE_PREFIX } from '../../engine/persist';
import { COMMANDS } from './commands';
import type { GameClock } from './gameRunner';
import { createRoundStorage, DAMAGED_KEY, memoryStorage, ROUNDS_KEY } from './gameStorage';
import { makeLab } from './lab';
import { inProcessWorker } from './simClient';

/** A clock the test moves by hand. */
function manualClock(): GameClock & { tick(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    set(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clear(id) {
      timers = timers.filter((t) => t.id !== (id as unknown as number));
    },
    now: () => new Date(Date.UTC(2025, 0, 1) + now).toISOString(),
    tick(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = t.at;
        t.fn();
      }
      now = end;
    },
  };
}

function testLab(query = '', storage = memoryStorage()) {
  const clock = manualClock();
  const files: { name: string; text: string; type: string }[] = [];
  const lab = makeLab(query, {
    storage: createRoundStorage(storage),
    makeWorker: inProcessWorker,
    clock,
    debounceMs: 0,
    loop: { schedule: () => 0, cancel: () => {} },
    download: (name, text, type) => files.push({ name, text, type }),
  });
  lab.start!();
  return { lab, clock, files, storage, state: () => lab.store.getState() };
}

/** Plays one round: studies every word, then types `typed` and finishes. */
function playRound(t: ReturnType<typeof testLab>, typed: (words: string[]) => string[]) {
  expect(runCommand(COMMANDS.startRound, t.lab)).toBe(true);
  const g = t.state().game;
  expect(g.phase).toBe('study');
  const shown: string[] = [];
  for (let i = 0; i < g.words.length; i++) {
    shown.push(t.state().game.words[t.state().game.shown]);
    t.clock.tick(g.settings.rate * 1000);
  }
  expect(shown).toEqual(g.words);
  expect(t.state().game.phase).toBe('recall');
  for (const w of typed(g.words)) runCommand(COMMANDS.submitWord, t.lab, w);
  runCommand(COMMANDS.finishRecall, t.lab);
  return g.words;
}

describe('Human memory lab (store, commands, runners)', () => {
  it('has one id and one key per command', () => {
    expect(() => checkCommands(COMMANDS)).not.toThrow();
  });

  it('reads the link through the parameter table and reports a bad value', () => {
    const { state, lab } = testLab('n=30&dist=delayed&beta_enc=0.4&tau=7');
    expect(state().listLength).toBe(30);
    expect(state().distractor).toBe('delayed');
    expect(state().beta_enc).toBe(0.4);
    expect(state().tau).toBe(0.1);
    expect(
      state()
        .messages.map((m) => m.text)
        .join(),
    ).toMatch(/tau=7 is not a number/);
    expect(lab.linkQuery!(state(), 'backend=cpu')).toBe(
      'backend=cpu&n=30&dist=delayed&beta_enc=0.4',
    );
    lab.dispose();
  });

  it('sets a parameter through setParam, and refuses a value out of range with a message', async () => {
    const t = testLab('lists=100');
    await t.lab.models.idle();
    const before = t.state().serial.result!;
    runCommand(COMMANDS.setParam, t.lab, ['listLength', 12]);
    expect(t.state().listLength).toBe(12);
    runCommand(COMMANDS.setParam, t.lab, ['beta_enc', 3]);
    expect(t.state().beta_enc).toBe(0.6);
    const m = t.state().messages.at(-1)!;
    expect(m.source).toBe('setParam:beta_enc');
    expect(m.text).toMatch(/between 0 and 1/);
    // The runners follow the store: a new curve for 12 items, a new watched list.
    await t.lab.models.idle();
    const after = t.state().serial.result!;
    expect(before.protocols.none.serialPosition).toHaveLength(20);
    expect(after.protocols.none.serialPosition).toHaveLength(12);
    expect(t.state().trace!.layout.listLength).toBe(12);
    t.lab.dispose();
  });

  it('steps through the watched list, back, and resets', () => {
    const t = testLab('n=10');
    const frames = t.state().trace!.frames;
    expect(frames.filter((f) => f.kind === 'study')).toHaveLength(10);
    expect(runKey(COMMANDS, t.lab, 'n')).toBe(true);
    runCommand(COMMANDS.stepWatch, t.lab);
    expect(t.state().frame).toBe(2);
    runCommand(COMMANDS.stepBack, t.lab);
    expect(t.state().frame).toBe(1);
    runCommand(COMMANDS.seekFrame, t.lab, 999);
    expect(t.state().frame).toBe(frames.length - 1);
    expect(runCommand(COMMANDS.stepWatch, t.lab)).toBe(false);
    runCommand(COMMANDS.resetWatch, t.lab);
    expect(t.state().frame).toBe(0);
    t.lab.dispose();
  });

  it('plays a round of the game: scores it, keeps it on the device, compares it with CMR', async () => {
    const t = testLab('words=5&rate=0.5&lists=100');
    const words = playRound(t, (w) => [w[4], 'Zebra-ish', w[3].toUpperCase(), w[4]]);
    const [r] = t.state().rounds;
    expect(r.typed).toEqual([words[4], 'Zebra-ish', words[3].toUpperCase(), words[4]]);
    expect(t.state().game.phase).toBe('idle');
    await t.lab.models.idle();
    const model = t.state().gameModel.result!;
    expect(model.summary.serialPosition).toHaveLength(5);
    // Saved: a fresh lab on the same storage brings the round back.
    const again = testLab('', t.storage);
    expect(again.state().rounds).toEqual([r]);
    // The exports hold the round.
    runCommand(COMMANDS.exportCsv, t.lab);
    runCommand(COMMANDS.exportJson, t.lab);
    expect(t.files.map((f) => f.type)).toEqual(['text/csv', 'application/json']);
    expect(t.files[0].text.trim().split('\n')).toHaveLength(1 + 5 + 4);
    const doc = JSON.parse(t.files[1].text);
    expect(doc.rounds).toEqual([r]);
    expect(doc.you.intrusions).toBe(1);
    expect(doc.you.repetitions).toBe(1);
    expect(doc.you.firstRecall[4]).toBe(1);
    t.lab.dispose();
    again.lab.dispose();
  });

  it('asks before clearing the rounds, and keeps them when told to', () => {
    const t = testLab('words=3&rate=0.5');
    playRound(t, (w) => [w[0]]);
    runCommand(COMMANDS.askClear, t.lab);
    expect(t.state().confirmingClear).toBe(true);
    runCommand(COMMANDS.cancelClear, t.lab);
    expect(t.state().rounds).toHaveLength(1);
    runCommand(COMMANDS.askClear, t.lab);
    runCommand(COMMANDS.confirmClear, t.lab);
    expect(t.state().rounds).toHaveLength(0);
    expect(testLab('', t.storage).state().rounds).toHaveLength(0);
    t.lab.dispose();
  });

  it('imports an exported file back: checked first, then added or in place of the rounds here', () => {
    const t = testLab('words=3&rate=0.5');
    playRound(t, (w) => [w[0]]);
    playRound(t, (w) => [w[2], w[1]]);
    const exported = t.state().rounds;
    runCommand(COMMANDS.exportJson, t.lab);
    const text = t.files[0].text;
    const chosen = { name: 'mine.json', size: text.length, text };

    // A damaged file changes nothing and says why.
    runCommand(COMMANDS.importRounds, t.lab, { name: 'bad.json', size: 5, text: '{"a":' });
    expect(t.state().rounds).toEqual(exported);
    expect(t.state().pendingImport).toBeNull();
    expect(t.state().messages.at(-1)!.text).toMatch(/^bad\.json was not read.*not JSON/);

    // Cleared, then imported: the file's rounds come back, saved on the device.
    runCommand(COMMANDS.askClear, t.lab);
    runCommand(COMMANDS.confirmClear, t.lab);
    runCommand(COMMANDS.importRounds, t.lab, chosen);
    expect(t.state().rounds).toEqual([]); // nothing changes before the visitor says so
    expect(t.state().pendingImport?.rounds).toEqual(exported);
    expect(runCommand(COMMANDS.importReplace, t.lab)).toBe(false); // nothing here to replace
    runCommand(COMMANDS.importAdd, t.lab);
    expect(t.state().rounds).toEqual(exported);
    expect(t.state().pendingImport).toBeNull();
    expect(testLab('', t.storage).state().rounds).toEqual(exported);

    // The same file again adds nothing; cancel keeps the rounds as they are.
    runCommand(COMMANDS.importRounds, t.lab, chosen);
    runCommand(COMMANDS.importAdd, t.lab);
    expect(t.state().rounds).toEqual(exported);
    expect(t.state().messages.at(-1)!.text).toMatch(/Added 0 rounds.*2 rounds of it were already/);
    playRound(t, (w) => [w[1]]);
    runCommand(COMMANDS.importRounds, t.lab, chosen);
    runCommand(COMMANDS.cancelImport, t.lab);
    expect(t.state().rounds).toHaveLength(3);

    // Replace: only the file's rounds stay.
    runCommand(COMMANDS.importRounds, t.lab, chosen);
    runCommand(COMMANDS.importReplace, t.lab);
    expect(t.state().rounds).toEqual(exported);
    expect(t.state().messages.at(-1)!.text).toMatch(/Replaced your 3 rounds with the 2 rounds/);
    t.lab.dispose();
  });

  it('sets damaged storage aside with a message; a full storage keeps the round on the page', () => {
    const damaged = memoryStorage({ [STORAGE_PREFIX + ROUNDS_KEY]: '{"v":1,"data":[{"id":' });
    const t = testLab('words=3&rate=0.5', damaged);
    expect(t.state().rounds).toEqual([]);
    expect(t.state().messages.at(-1)!.text).toMatch(/damaged.*kept in this browser/);
    expect(damaged.data.get(DAMAGED_KEY)).toBe('{"v":1,"data":[{"id":');

    const full = memoryStorage();
    full.setItem = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    const f = testLab('words=3&rate=0.5', full);
    playRound(f, (w) => [w[1]]);
    expect(f.state().rounds).toHaveLength(1);
    const m = f.state().messages.at(-1)!;
    expect(m.text).toMatch(/storage is full/);
    expect(m.source).toBe('finish');
    t.lab.dispose();
    f.lab.dispose();
  });

  it('does the arithmetic before recall when asked to', () => {
    const t = testLab('words=3&rate=0.5&sums=2');
    runCommand(COMMANDS.startRound, t.lab);
    t.clock.tick(3 * 500);
    const g = t.state().game;
    expect(g.phase).toBe('sums');
    expect(runCommand(COMMANDS.submitWord, t.lab, 'x')).toBe(false);
    runCommand(COMMANDS.submitAnswer, t.lab, String(g.problems[0].answer));
    runCommand(COMMANDS.submitAnswer, t.lab, '-1');
    expect(t.state().game.phase).toBe('recall');
    expect(t.state().game.sumsCorrect).toBe(1);
    t.lab.dispose();
  });

  it('a dragged slider retraces the watched list once, after the last value', async () => {
    const lab = makeLab('n=10', {
      makeWorker: inProcessWorker,
      storage: createRoundStorage(memoryStorage()),
      debounceMs: 30,
      loop: { schedule: () => 0, cancel: () => {} },
    });
    lab.start!();
    const first = lab.store.getState().trace;
    for (const n of [11, 12, 13]) runCommand(COMMANDS.setParam, lab, ['listLength', n]);
    expect(lab.store.getState().trace).toBe(first);
    await new Promise((r) => setTimeout(r, 60));
    expect(lab.store.getState().trace!.layout.listLength).toBe(13);
    await lab.models.idle();
    expect(lab.store.getState().serial.result!.protocols.none.serialPosition).toHaveLength(13);
    lab.dispose();
  });
});
