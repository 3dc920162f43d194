/**
 * Every verb of the Human memory lab's second half, registered once
 * (engine/commands), one table per section so that each section's lifecycle
 * binds its own keys; PART2_COMMANDS holds all of them (tests, help).
 * Buttons, keys, the timeline's drags and the tests all run these.
 */
import { commandsFor } from '../../../engine/commands';
import { dismiss, say } from '../../../engine/messages';
import {
  OBJECTS,
  PLACES,
  TIMES_OF_DAY,
  type EpisodeEvent,
} from '../../../models/human/consolidatingMemory';
import { ROUTINES } from '../../../models/human/memorySchedule';
import type { SchedulePreset } from '../../../models/human/spacing';
import { applySetting } from '../../../engine/applySetting';
import { actrFitFor, MIN_FIT_POINTS } from './forgettingView';
import type { MemoryRunner } from './memoryRunner';
import { cueSettings } from './memoryView';
import {
  ANY,
  DELAY_KEYS,
  FORGETTING_PARAMS,
  MAX_SESSIONS,
  sectionOfKey,
  SPACING_PARAMS,
  settingProblem,
  type Part2Key,
  type Part2Settings,
} from './params';
import { addSession, moveSession, presetSessions } from './spacingView';
import type { Part2Store } from './store';

export interface Part2Ctx {
  store: Part2Store;
  memory: MemoryRunner;
}

/** A setting and its new value, for setSetting. */
export type SettingChange = { [K in Part2Key]: [K, Part2Settings[K]] }[Part2Key];

const state = (ctx: Part2Ctx) => ctx.store.getState();

/** A message from a section (source "<section>/<what>"), shown in that section. */
function tell(ctx: Part2Ctx, kind: 'info' | 'warn', text: string, source: string): void {
  say(ctx.store, kind, text, source);
}

export const SETTING_COMMANDS = commandsFor<Part2Ctx>()({
  setSetting: {
    id: 'setSetting',
    label: 'Set',
    help: 'Change one setting (checked against its range)',
    perform: (ctx, [key, value]: SettingChange) => {
      const source = `${sectionOfKey(key)}/setSetting:${key}`;
      applySetting(ctx.store, key, value, settingProblem(key, value), source);
    },
  },
  dismissPart2Message: {
    id: 'dismissPart2Message',
    label: 'Dismiss',
    help: 'Hide a message',
    perform: (ctx, id: number) => dismiss(ctx.store, id),
  },
});

const AXES = FORGETTING_PARAMS.forgettingAxes.values as readonly Part2Settings['forgettingAxes'][];
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const FORGETTING_COMMANDS = commandsFor<Part2Ctx>()({
  cycleAxes: {
    id: 'cycleAxes',
    label: 'Next axes',
    key: 'a',
    help: 'Forgetting curve: linear axes, then logarithmic time, then both logarithmic',
    perform: (ctx) => {
      const next = AXES[(AXES.indexOf(state(ctx).forgettingAxes) + 1) % AXES.length];
      ctx.store.setState({ forgettingAxes: next });
    },
  },
  togglePoint: {
    id: 'togglePoint',
    label: 'Use point',
    help: "Fit the curves with or without one of Ebbinghaus's delays",
    perform: (ctx, delay: string) => {
      const points = state(ctx).fitPoints;
      const on = points.includes(delay);
      const next = DELAY_KEYS.filter((k) => (k === delay ? !on : points.includes(k)));
      if (next.length < MIN_FIT_POINTS) {
        const text = `Keep at least ${MIN_FIT_POINTS} points: each curve has two parameters.`;
        tell(ctx, 'warn', text, 'forgetting/togglePoint');
        return;
      }
      ctx.store.setState({ fitPoints: next });
    },
  },
  fitActr: {
    id: 'fitActr',
    label: 'Fit τ and s',
    key: 'f',
    help: 'Set τ and s to the least-squares fit of 100·P to the savings, for the chosen decay d',
    enabled: (ctx) => state(ctx).fits !== null,
    perform: (ctx) => {
      const s = state(ctx);
      const fit = actrFitFor(s.actrDecay, s.fits!.actr);
      const { actrTau: t, actrNoise: n } = FORGETTING_PARAMS;
      const tau = clamp(fit.tau, t.min!, t.max!);
      const noise = clamp(fit.s, n.min!, n.max!);
      if (tau !== fit.tau || noise !== fit.s) {
        const text =
          'The fit lies outside the sliders’ range: τ and s are set to the nearest ends.';
        tell(ctx, 'info', text, 'forgetting/fitActr');
      }
      ctx.store.setState({ actrTau: tau, actrNoise: noise });
    },
  },
});

function preset(kind: SchedulePreset, id: string, label: string, key: string, help: string) {
  return {
    id,
    label,
    key,
    help,
    perform: (ctx: Part2Ctx) => {
      const s = state(ctx);
      const n = Math.max(2, s.sessions.length);
      const sessions = presetSessions(kind, n, s.studyPeriod);
      // The test keeps its distance from the last session.
      const retention = Math.max(s.testAt - s.sessions[s.sessions.length - 1], 0.001);
      const testAt = Number((sessions[sessions.length - 1] + retention).toFixed(6));
      ctx.store.setState({ sessions, testAt, selectedSession: -1 });
    },
  };
}

export const SPACING_COMMANDS = commandsFor<Part2Ctx>()({
  presetMassed: preset(
    'massed',
    'presetMassed',
    'Massed',
    'm',
    'All sessions back to back, 10 s apart; the test as far after the last as before',
  ),
  presetEven: preset(
    'even',
    'presetEven',
    'Evenly spaced',
    'e',
    'The sessions at equal gaps over the study period',
  ),
  presetExpanding: preset(
    'expanding',
    'presetExpanding',
    'Expanding',
    'x',
    'Each gap twice the one before, over the study period',
  ),
  addSession: {
    id: 'addSession',
    label: 'Add a session',
    key: '+',
    keys: ['='],
    help: 'One more study session, in the middle of the widest gap',
    enabled: (ctx) => state(ctx).sessions.length < MAX_SESSIONS,
    perform: (ctx) => {
      const s = state(ctx);
      const added = addSession(s.sessions, s.testAt);
      ctx.store.setState({ sessions: added.sessions, selectedSession: added.index });
    },
  },
  removeSession: {
    id: 'removeSession',
    label: 'Remove the session',
    key: '-',
    help: 'Remove the selected study session (the last one when none is selected)',
    enabled: (ctx) => state(ctx).sessions.length > 1,
    perform: (ctx) => {
      const s = state(ctx);
      const i = s.selectedSession >= 0 ? s.selectedSession : s.sessions.length - 1;
      const sessions = s.sessions.filter((_, k) => k !== i);
      ctx.store.setState({ sessions, selectedSession: Math.min(i, sessions.length - 1) });
    },
  },
  selectSession: {
    id: 'selectSession',
    label: 'Select',
    help: 'Select a study session (the keyboard moves it, Remove removes it)',
    perform: (ctx, index: number) => {
      const n = state(ctx).sessions.length;
      ctx.store.setState({ selectedSession: index >= 0 && index < n ? index : -1 });
    },
  },
  moveSession: {
    id: 'moveSession',
    label: 'Move session',
    help: 'Move a study session on the timeline (it stays between its neighbours)',
    perform: (ctx, [index, days]: [number, number]) => {
      const s = state(ctx);
      const sessions = moveSession(s.sessions, index, days, SPACING_PARAMS.sessions.max!);
      ctx.store.setState({ sessions, selectedSession: index });
    },
  },
  moveTest: {
    id: 'moveTest',
    label: 'Move the test',
    help: 'Move the test on the timeline',
    perform: (ctx, days: number) => {
      const { min, max } = SPACING_PARAMS.testAt;
      const testAt = Number(clamp(days, min!, max!).toFixed(6));
      ctx.store.setState({ testAt });
    },
  },
});

export const INTERFERENCE_COMMANDS = commandsFor<Part2Ctx>()({
  toggleAttentionView: {
    id: 'toggleAttentionView',
    label: 'Other experiment',
    key: 'i',
    help: "Attention panel: cue A1 after both lists (retroactive) or cue A'1 after one A'-C trial (proactive)",
    perform: (ctx) =>
      ctx.store.setState({
        attentionView: state(ctx).attentionView === 'retroactive' ? 'proactive' : 'retroactive',
      }),
  },
});

export const MEMORY_COMMANDS = commandsFor<Part2Ctx>()({
  playMemory: {
    id: 'playMemory',
    label: 'Play / pause',
    key: 'k',
    help: 'Play the days step by step (study, sleep, test), or pause',
    perform: (ctx) => ctx.memory.toggle(),
  },
  stepMemory: {
    id: 'stepMemory',
    label: 'Step',
    key: 'd',
    help: 'One step: the next study, sleep or test',
    enabled: (ctx) => !ctx.memory.atEnd,
    perform: (ctx) => ctx.memory.step(),
  },
  resetMemory: {
    id: 'resetMemory',
    label: 'Reset',
    key: 'r',
    help: 'Back to an empty memory before day 1',
    enabled: (ctx) => state(ctx).memory.step >= 0,
    perform: (ctx) => ctx.memory.reset(),
  },
  askEpisode: {
    id: 'askEpisode',
    label: 'Ask',
    help: "Query the memory with an episode's own cue: its place, people and time, object unknown",
    perform: (ctx, e: EpisodeEvent) => ctx.store.setState({ ...cueSettings(e) }),
  },
  askRoutine: {
    id: 'askRoutine',
    label: 'Ask',
    help: "Query between a routine's episodes: its place, object and time, people unknown",
    perform: (ctx, routine: number) => {
      const r = ROUTINES[routine];
      if (!r) return;
      ctx.store.setState({
        queryPlace: PLACES[r.place],
        queryPeople: [],
        queryObject: OBJECTS[r.object],
        queryTime: TIMES_OF_DAY[r.time],
      });
    },
  },
  clearQuery: {
    id: 'clearQuery',
    label: 'Clear the query',
    help: 'Every feature of the query unknown',
    perform: (ctx) =>
      ctx.store.setState({ queryPlace: ANY, queryPeople: [], queryObject: ANY, queryTime: ANY }),
  },
});

export const SECTION_COMMANDS = {
  forgetting: FORGETTING_COMMANDS,
  spacing: SPACING_COMMANDS,
  interference: INTERFERENCE_COMMANDS,
  memory: MEMORY_COMMANDS,
};

export const PART2_COMMANDS = {
  ...SETTING_COMMANDS,
  ...FORGETTING_COMMANDS,
  ...SPACING_COMMANDS,
  ...INTERFERENCE_COMMANDS,
  ...MEMORY_COMMANDS,
};
