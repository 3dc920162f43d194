import { afterEach, describe, expect, it } from 'vitest';
import { decodeParams } from '../../core/paramLink';
import { runCommand, runKey } from '../../engine/commands';
import { COMMANDS } from './commands';
import { makeLab, type ConsolidationLab } from './lab';
import { linkQuery, linkWhen, startFromLink } from './link';
import { CHOICES, PARAMS, parsePicks, STEPS, withCurrent } from './params';
import { initialState, type ConsolidationState } from './store';
import { timeLeft } from './Panels';

const view = (s: Partial<ConsolidationState>): ConsolidationState => ({ ...initialState(), ...s });

describe('the parameter table', () => {
  it("its defaults are the store's, so an empty link is the default state", () => {
    const { init, warnings } = startFromLink('');
    expect(warnings).toEqual([]);
    expect({ ...initialState(), ...init }).toEqual(initialState());
    expect(linkQuery(initialState())).toBe('');
  });

  it("the selects' usual choices all lie in the table's ranges", () => {
    const inRange = (key: 'episodes' | 'replays' | 'epochs' | 'latentSize', v: number) =>
      v >= PARAMS[key].min! && v <= PARAMS[key].max!;
    for (const v of CHOICES.episodes) expect(inRange('episodes', v)).toBe(true);
    for (const v of CHOICES.replays) expect(inRange('replays', v)).toBe(true);
    for (const v of CHOICES.epochs) expect(inRange('epochs', v)).toBe(true);
    for (const v of CHOICES.latentSize) expect(inRange('latentSize', v)).toBe(true);
    expect(CHOICES.episodes).toContain(PARAMS.episodes.default);
    expect(CHOICES.latentSize).toContain(PARAMS.latentSize.default);
  });

  it('bounds: the step runs 1..6 and the episode of step 6 stays among the traces', () => {
    expect(PARAMS.step.max).toBe(STEPS.length);
    expect(decodeParams(PARAMS, 'step=7').errors[0]).toMatch(/^step=7 is not a whole number/);
    expect(decodeParams(PARAMS, 'ep=500').values.extendedEpisode).toBe(0);
    expect(decodeParams(PARAMS, 'ep=499').values.extendedEpisode).toBe(499);
  });

  it('parsePicks reads three digits and nothing else', () => {
    expect(parsePicks('941')).toEqual([9, 4, 1]);
    expect(parsePicks('94')).toBeNull();
    expect(parsePicks('9a1')).toBeNull();
  });

  it('withCurrent adds a value a link set to the usual choices, in order', () => {
    expect(withCurrent([2, 8, 16], 8)).toEqual([2, 8, 16]);
    expect(withCurrent([2, 8, 16], 12)).toEqual([2, 8, 12, 16]);
  });
});

describe('the lab link', () => {
  it('round-trips every setting', () => {
    const settings: Partial<ConsolidationState> = {
      episodes: 1000,
      replays: 2000,
      latentSize: 16,
      epochs: 5,
      seed: 42,
      step: 6,
      extendedThreshold: 0.3,
      extendedEpisode: 17,
      arithmeticPicks: [9, 4, 1],
    };
    const s = view(settings);
    const q = linkQuery(s);
    expect(q).toBe(
      'episodes=1000&replays=2000&latent=16&epochs=5&seed=42&step=6&theta=0.3&ep=17&arith=941',
    );
    const back = startFromLink(q);
    expect(back.warnings).toEqual([]);
    expect(back.init).toEqual(settings);
  });

  it("keeps other layers' keys (backend=) and replaces its own", () => {
    expect(linkQuery(view({ seed: 3 }), 'backend=wasm&seed=9&episodes=500')).toBe(
      'backend=wasm&seed=3',
    );
  });

  it('writes the threshold rounded, so the slider does not leave long decimals', () => {
    expect(linkQuery(view({ extendedThreshold: 0.30000000000000004 }))).toBe('theta=0.3');
  });

  it('a bad link opens with defaults and one readable line per bad value', () => {
    const r = startFromLink(
      'episodes=50&replays=lots&latent=2.5&epochs=0&step=9&theta=-1&arith=7x',
    );
    const d = initialState();
    expect(r.init).toMatchObject({
      episodes: d.episodes,
      replays: d.replays,
      latentSize: d.latentSize,
      epochs: d.epochs,
      step: d.step,
      extendedThreshold: d.extendedThreshold,
      arithmeticPicks: d.arithmeticPicks,
    });
    expect(r.warnings).toEqual([
      'episodes=50 is not a whole number between 100 and 9000; using 3000.',
      'replays=lots is not a whole number between 100 and 20000; using 6000.',
      'latent=2.5 is not a whole number between 2 and 20; using 2.',
      'epochs=0 is not a whole number between 1 and 30; using 15.',
      'step=9 is not a whole number between 1 and 6; using 1.',
      'theta=-1 is not a number between 0 and 1; using 0.15.',
      'arith=7x is not three digits (a, b, c of a − b + c); using 710.',
    ]);
  });

  it('a garbled link keeps the good values and loses nothing else', () => {
    const r = startFromLink('%E0%A4%A=1&seed=12&&=&episodes=%ZZ');
    expect(r.init.seed).toBe(12);
    expect(r.init.episodes).toBe(initialState().episodes);
    expect(r.warnings.length).toBe(3);
    expect(r.warnings.join('\n')).toMatch(/episodes=%ZZ is not valid URL encoding/);
  });

  it('only a change of a setting rewrites the link', () => {
    const s = initialState();
    expect(linkWhen({ ...s, progress: 0.5, busy: 'Training…' }, s)).toBe(false);
    expect(linkWhen({ ...s, step: 3 }, s)).toBe(true);
    expect(linkWhen({ ...s, extendedThreshold: 0.2 }, s)).toBe(true);
    expect(linkWhen({ ...s, arithmeticPicks: [1, 2, 3] }, s)).toBe(true);
  });
});

describe('the stepper', () => {
  let lab: ConsolidationLab;
  afterEach(() => lab.dispose());

  it('keys move between steps 1 and 6 and no further', () => {
    lab = makeLab('');
    const { store } = lab;
    const stepperKey = (_: unknown, key: string) => runKey(COMMANDS, lab, key);
    const goToStep = (_: unknown, step: number) => runCommand(COMMANDS.goToStep, lab, step);
    expect(stepperKey(store, 'n')).toBe(true);
    expect(store.getState().step).toBe(2);
    stepperKey(store, 'ArrowRight');
    expect(store.getState().step).toBe(3);
    stepperKey(store, '6');
    stepperKey(store, 'n');
    expect(store.getState().step).toBe(6);
    stepperKey(store, 'p');
    expect(store.getState().step).toBe(5);
    goToStep(store, -3);
    expect(store.getState().step).toBe(1);
    expect(stepperKey(store, 'x')).toBe(false);
    expect(stepperKey(store, '7')).toBe(false);
  });
});

describe('the progress label', () => {
  it("says how long the rest of a live run takes, from the run's own pace", () => {
    expect(timeLeft(0.25, 10, 'running')).toBe(', about 30 s to go');
    expect(timeLeft(0.25, 10, 'paused')).toBe('');
    expect(timeLeft(0.01, 1, 'running')).toBe('');
    expect(timeLeft(1, 40, 'running')).toBe('');
    expect(timeLeft(0.95, 10, 'running')).toBe(', almost done');
  });
});
