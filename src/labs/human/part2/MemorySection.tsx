/** Part 2, section 4, "A memory that consolidates": a day-by-day stepper over an attention memory. */
import { useMemo } from 'react';
import {
  describe,
  MEMORY_DEFAULTS,
  type EpisodeEvent,
} from '../../../models/human/consolidatingMemory';
import { ROUTINES } from '../../../models/human/memorySchedule';
import { CommandButton } from '../../../ui/CommandButton';
import { LineChart, type LineSeries } from '../../../ui/LineChart';
import { TeX } from '../../../ui/Math';
import { MEMORY_COMMANDS } from './commands';
import { Fates, QueryAttention, QueryControls, SlotList } from './MemoryPanels';
import { dayCounts, type MemoryFrame } from './memoryView';
import { SettingNumber, SettingSlider } from './Part2Controls';
import { LazyHelp } from './LazyHelp';
import { usePart2, usePart2Context } from './useLab';

const PHASE_NAMES = { study: 'study', sleep: 'sleep and replay', test: 'test' };

function Transport() {
  const ctx = usePart2Context();
  const m = usePart2((s) => s.memory);
  const frame = m.step >= 0 ? m.frames[m.step] : null;
  return (
    <div className="hm-transport">
      <div className="hm-buttons">
        <CommandButton
          command={MEMORY_COMMANDS.playMemory}
          ctx={ctx}
          label={m.playing ? 'Pause' : 'Play'}
          variant="primary"
          testId="memory-play"
        />
        <CommandButton command={MEMORY_COMMANDS.stepMemory} ctx={ctx} testId="memory-step" />
        <CommandButton command={MEMORY_COMMANDS.resetMemory} ctx={ctx} testId="memory-reset" />
      </div>
      <p className="h2-big" data-testid="memory-status" aria-live="polite">
        {frame
          ? `Day ${frame.day + 1} of ${m.total / 3} · ${PHASE_NAMES[frame.phase]}`
          : `Before day 1 of ${m.total / 3}: nothing stored`}
        {m.step >= m.total - 1 && ' · the end'}
      </p>
    </div>
  );
}

/** What the frame on screen did, in words. */
function PhaseSummary({ frame }: { frame: MemoryFrame }) {
  if (frame.phase === 'study') {
    return (
      <div data-testid="memory-phase">
        <p>Studied today, each stored as a new episodic slot:</p>
        <ul className="h2-episodes">
          {frame.events.map((e) => (
            <li key={e.id}>
              {e.id}: {describe(e.episode)}{' '}
              {e.routine !== null
                ? `(${ROUTINES[e.routine].name}, a routine)`
                : e.rehearse
                  ? '(one-off, rehearsed at every test)'
                  : '(one-off, never rehearsed)'}
            </li>
          ))}
          {frame.events.length === 0 && <li>nothing today</li>}
        </ul>
      </div>
    );
  }
  if (frame.phase === 'sleep') {
    const s = frame.sleep!;
    return (
      <p data-testid="memory-phase">
        Replayed: {s.replayed.map((id) => `#${id}`).join(', ') || 'nothing'}.{' '}
        {s.merged.map((m) =>
          m.created
            ? `Slots ${m.slots.map((id) => `#${id}`).join(', ')} merged into a new prototype #${m.prototype}. `
            : `Slots ${m.slots.map((id) => `#${id}`).join(', ')} joined prototype #${m.prototype}. `,
        )}
        {s.forgotten.length > 0
          ? `Forgotten (activation below ${MEMORY_DEFAULTS.forgetThreshold}): ${s.forgotten.map((id) => `#${id}`).join(', ')}.`
          : 'Nothing forgotten tonight.'}
      </p>
    );
  }
  return null;
}

function CountsChart({ frames }: { frames: MemoryFrame[] }) {
  const series = useMemo<LineSeries[]>(() => {
    const c = dayCounts(frames);
    const pts = (k: 'studied' | 'episodic' | 'gist' | 'forgotten') =>
      c.map((d) => ({ x: d.day + 1, y: d[k] }));
    return [
      { name: 'studied', values: pts('studied'), color: '#5d6472', dashed: true },
      { name: 'held as episodes', values: pts('episodic'), color: '#2457c5' },
      { name: 'in gist', values: pts('gist'), color: '#1a7f37' },
      { name: 'forgotten', values: pts('forgotten'), color: '#b2182b' },
    ];
  }, [frames]);
  return (
    <LineChart
      series={series}
      xLabel="day"
      yLabel="episodes"
      height={220}
      title="Episodes by fate, at each day's test"
      testId="memory-counts"
    />
  );
}

export function MemorySection() {
  const m = usePart2((s) => s.memory);
  const frame = m.step >= 0 ? m.frames[m.step] : null;
  const shown = useMemo(() => m.frames.slice(0, m.step + 1), [m.frames, m.step]);
  const studied = useMemo<EpisodeEvent[]>(
    () => shown.filter((f) => f.phase === 'study').flatMap((f) => f.events),
    [shown],
  );
  return (
    <>
      <p>
        A memory of everyday episodes (a place, people, an object, a time of day) kept as key–value
        slots. A query is answered by attention over the slots, and each slot&apos;s strength is its
        ACT-R activation: it fades with time and grows each time the slot is used. Every night a few
        slots are replayed, and episodes that keep recurring in nearly the same form (breakfast in
        the kitchen with coffee; a work call in the office) are merged into one prototype slot, the
        gist, while their own slots are no longer replayed and fade. Step through the days and watch
        which episodes survive, which become gist, and which questions the prototype now answers in
        place of the episode.
      </p>
      <div className="ui-two">
        <div className="hm-controls">
          <Transport />
          <SettingSlider name="memoryDays" />
          <SettingNumber name="memorySeed" />
          <SettingSlider name="memorySpeed" step={0.5} />
          <QueryControls />
        </div>
        <div className="ui-views">
          {frame && <PhaseSummary frame={frame} />}
          {frame?.phase === 'test' && <Fates frame={frame} studied={studied} />}
          <QueryAttention frame={frame} />
          <SlotList frame={frame} />
          {shown.some((f) => f.report) && <CountsChart frames={shown} />}
        </div>
      </div>
      <LazyHelp title="How this relates to the Consolidation lab">
        {() => (
          <>
            <p>
              Both turn episodes into gist, by different means. In the Consolidation lab (Spens
              &amp; Burgess 2024) a hippocampus, a modern Hopfield network, stores each digit as an
              episode and replays them from noise, and a neocortex, a variational autoencoder, is
              trained on the replays: the gist is a new network&apos;s learned model of all the
              episodes, which then recalls, imagines and distorts toward the typical. Here there is
              only one store: similar slots are merged into a prototype slot that holds their
              average, so the gist is a stored item, not a trained network, and the episodes&apos;
              own slots fade because they are no longer replayed. The retrieval is the same
              operation as the Hopfield network&apos;s update, softmax(β <i>k</i>·<i>q</i>), with
              each slot&apos;s activation added as a prior.
            </p>
          </>
        )}
      </LazyHelp>
      <LazyHelp title="The model, and which parts are our choices">
        {() => (
          <>
            <ul>
              <li>
                Episodes are binary features (one of 5 places, a set of 4 people, one of 6 objects,
                one of 3 times of day); a slot&apos;s key is the normalised features, its value the
                features. Retrieval:{' '}
                <TeX tex="w_j = \mathrm{softmax}_j(\beta\, k_j \cdot q + m_j(t))" /> with β ={' '}
                {MEMORY_DEFAULTS.beta}, and the answer is Σ<sub>j</sub> <i>w</i>
                <sub>j</sub> <i>v</i>
                <sub>j</sub>.
              </li>
              <li>
                Strength: <TeX tex="m_j(t) = \ln \sum_u (t - t_u)^{-d}" /> over the slot&apos;s uses
                (studied, replayed, recalled), d = {MEMORY_DEFAULTS.decay}, t in days. A slot whose
                m falls below {MEMORY_DEFAULTS.forgetThreshold} is removed. The power law makes
                fading slow: a slot used once goes after{' '}
                {Math.exp(-MEMORY_DEFAULTS.forgetThreshold / MEMORY_DEFAULTS.decay).toFixed(1)}{' '}
                days.
              </li>
              <li>
                Each night {MEMORY_DEFAULTS.replays} slots are replayed, drawn with probability
                proportional to <i>e</i>
                <sup>m/T</sup> (T = {MEMORY_DEFAULTS.replayTemperature}). An episodic slot whose key
                has cosine ≥ {MEMORY_DEFAULTS.mergeSimilarity} with a prototype joins it;{' '}
                {MEMORY_DEFAULTS.minMembers} or more such slots form a new one. A test recalls every
                rehearsed one-off from its cue, which strengthens the slot that answers.
              </li>
              <li>
                The merge rule and its thresholds, replay by <i>e</i>
                <sup>m/T</sup>, the activation as a prior in the attention and rehearsal as recall
                are design choices of ours, not taken from a paper. The schedule of episodes is
                generated from the seed.
              </li>
            </ul>
          </>
        )}
      </LazyHelp>
    </>
  );
}
