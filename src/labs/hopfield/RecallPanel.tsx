import { useState } from 'react';
import { runCommand, type Command } from '../../engine/commands';
import type { Dynamics } from '../../models/classic/dynamics';
import { CommandButton } from '../../ui/CommandButton';
import { Select, Slider } from '../../ui/Controls';
import { Help } from '../../ui/Help';
import { ProgressBar } from '../../ui/ProgressBar';
import { Math as Tex } from '../../ui/Math';
import {
  COMMANDS,
  MASK_REGIONS,
  type LabContext,
  type MaskFill,
  type MaskRegion,
} from './commands';
import { MessagesFrom } from './MessagesFrom';
import { PARAMS } from './params';
import { SWEEPS_PER_FRAME, UNITS_PER_FRAME } from './runner';
import type { Settings } from './store';
import { useLab, useLabContext, useLabFields, useLabShallow } from './useLab';

type View = Settings['view'];

const DYNAMICS: { value: Dynamics; label: string }[] = [
  { value: 'async', label: 'Asynchronous (one unit at a time)' },
  { value: 'sync', label: 'Synchronous (all units at once)' },
  { value: 'stochastic', label: 'Stochastic (Glauber, temperature T)' },
];

const VIEW_OPTIONS: { value: View; label: string }[] = [
  { value: 'sweep', label: 'sweep by sweep' },
  { value: 'unit', label: 'unit by unit' },
];

const FILLS: { value: MaskFill; label: string }[] = [
  { value: 'off', label: 'off (−1)' },
  { value: 'random', label: 'random ±1' },
];

type NumberSetting = 'noise' | 'temperature' | 'speed' | 'seed';
const SET: Record<NumberSetting, Command<LabContext, number>> = {
  noise: COMMANDS.setNoise,
  temperature: COMMANDS.setTemperature,
  speed: COMMANDS.setSpeed,
  seed: COMMANDS.setSeed,
};

/** A slider for one numeric setting: label and range from the table, changes through its command. */
function SettingSlider({
  field,
  step,
  max = PARAMS[field].max!,
  format,
  help,
}: {
  field: NumberSetting;
  step: number;
  /** The slider's end where it is narrower than the link accepts. */
  max?: number;
  format: (v: number) => string;
  help?: string;
}) {
  const ctx = useLabContext();
  const value = useLab((s) => s[field]);
  return (
    <Slider
      label={PARAMS[field].label!}
      value={value}
      min={PARAMS[field].min!}
      max={max}
      step={step}
      onChange={(v) => runCommand(SET[field], ctx, v)}
      format={format}
      help={help}
    />
  );
}

/** Corrupt the cue, pick the dynamics, and run recall. */
export function RecallPanel() {
  const ctx = useLabContext();
  const s = useLabShallow((st) => ({
    dynamics: st.dynamics,
    view: st.view,
    speed: st.speed,
    running: st.phase === 'running',
    learning: st.phase === 'learning',
    d: st.size * st.size,
  }));
  const [region, setRegion] = useState<MaskRegion>('bottom');
  const [fill, setFill] = useState<MaskFill>('off');
  const unitView = s.view === 'unit' && s.dynamics !== 'sync';
  const rate = unitView
    ? `${UNITS_PER_FRAME[s.speed - 1] * 60} unit updates/s`
    : `${+(SWEEPS_PER_FRAME[s.speed - 1] * 60).toPrecision(2)} ${s.dynamics === 'sync' ? 'steps' : 'sweeps'}/s`;

  return (
    <section className="panel hf-recall" data-panel="recall" aria-labelledby="hf-recall-title">
      <h2 id="hf-recall-title">Cue and recall</h2>
      <fieldset>
        <legend>Corrupt the cue</legend>
        <SettingSlider
          field="noise"
          step={0.01}
          format={(v) => `${Math.round(v * 100)} % = ${Math.round(v * s.d)} units`}
          help="Flips that many distinct units (sampled without replacement). Above 50 % the cue is closer to −ξ than to ξ."
        />
        <div className="row">
          <CommandButton command={COMMANDS.corrupt} ctx={ctx} />
          <CommandButton command={COMMANDS.invert} ctx={ctx} />
        </div>
        <div className="row">
          <Select
            label="Mask region"
            value={region}
            options={MASK_REGIONS.map((r) => ({
              value: r,
              label: r === 'centre' ? 'centre square' : `${r} half`,
            }))}
            onChange={setRegion}
          />
          <Select label="Fill" value={fill} options={FILLS} onChange={setFill} />
          <CommandButton command={COMMANDS.mask} ctx={ctx} arg={{ region, fill }} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Dynamics</legend>
        <Select
          label={PARAMS.dynamics.label!}
          value={s.dynamics}
          options={DYNAMICS}
          onChange={(v) => runCommand(COMMANDS.setDynamics, ctx, v)}
        />
        {s.dynamics === 'stochastic' && (
          <SettingSlider field="temperature" step={0.05} max={3} format={(v) => v.toFixed(2)} />
        )}
        {s.dynamics !== 'sync' && (
          <Select
            label={PARAMS.view.label!}
            value={s.view}
            options={VIEW_OPTIONS}
            onChange={(v) => runCommand(COMMANDS.setView, ctx, v)}
            help="Unit by unit outlines the unit just updated; the energy curve then moves in fractions of a sweep."
          />
        )}
        <SettingSlider field="speed" step={1} format={() => rate} />
        <SettingSlider
          field="seed"
          step={1}
          max={999}
          format={(v) => String(v)}
          help="Seeds the corruption, the update order and the Glauber noise, so a link replays the same run."
        />
        <DynamicsHelp />
      </fieldset>
      <div className="row recall-buttons">
        <CommandButton
          command={COMMANDS.recall}
          ctx={ctx}
          variant="primary"
          label={s.running ? 'Pause' : s.learning ? 'Stop learning' : 'Recall'}
        />
        <CommandButton command={COMMANDS.step} ctx={ctx} />
        <CommandButton command={COMMANDS.reset} ctx={ctx} />
      </div>
      {s.learning && <LearnProgress />}
      <MessagesFrom source={COMMANDS.recall.id} />
    </section>
  );
}

/** Learning the weights in the background (runner.ts, learnWorker.ts): recall starts when done. */
function LearnProgress() {
  const { learnProgress: value, rule } = useLabFields('learnProgress', 'rule');
  return (
    <div data-testid="learn-progress">
      <ProgressBar value={value} label={`Learning the ${rule} weights…`} />
      <p className="small muted">
        In the background: the page stays usable, and recall starts when the weights are learned.
        Changing the patterns or the rule drops this learning.
      </p>
    </div>
  );
}

function DynamicsHelp() {
  return (
    <Help title="How the units update">
      <p>
        Each unit looks at its local field <Tex tex="h_i = \sum_j w_{ij} s_j" /> and points along
        it: <Tex tex="s_i \leftarrow \operatorname{sgn}(h_i)" />. A zero field keeps the unit as it
        is (our tie rule).
      </p>
      <ul>
        <li>
          <strong>Synchronous</strong>: every unit at once. Fast, but the energy can rise and the
          state can flip between two states forever (a 2-cycle), which the lab detects.
        </li>
        <li>
          <strong>Asynchronous</strong>: one unit at a time in a fresh random order each sweep (a
          sweep is D updates). With symmetric weights and no self-connections the energy never
          rises, so recall always ends at a fixed point.
        </li>
        <li>
          <strong>Stochastic</strong> (Glauber): unit i turns on with probability{' '}
          <Tex tex="P(s_i = +1) = 1/(1 + e^{-2 h_i / T})" />. T → 0 is the deterministic rule; at T
          &gt; 0 recall stops after a sweep with no flips, or at the step cap.
        </li>
      </ul>
    </Help>
  );
}
