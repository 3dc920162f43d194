import { useState } from 'react';
import { Button, Select, Slider } from '../../ui/Controls';
import { Help } from '../../ui/Help';
import { Math as Tex } from '../../ui/Math';
import type { Dynamics } from '../../models/classic/dynamics';
import { CommandButton } from './CommandButton';
import { mask, MASK_REGIONS, type MaskRegion } from './commands';
import { SWEEPS_PER_FRAME, UNITS_PER_FRAME } from './runner';
import { useLabContext, useLabShallow } from './useLab';

const DYNAMICS: { value: Dynamics; label: string }[] = [
  { value: 'async', label: 'Asynchronous (one unit at a time)' },
  { value: 'sync', label: 'Synchronous (all units at once)' },
  { value: 'stochastic', label: 'Stochastic (Glauber, temperature T)' },
];

/** Corrupt the cue, pick the dynamics, and run recall. */
export function RecallPanel() {
  const ctx = useLabContext();
  const s = useLabShallow((st) => ({
    noise: st.noise,
    dynamics: st.dynamics,
    temperature: st.temperature,
    view: st.view,
    speed: st.speed,
    phase: st.phase,
    seed: st.seed,
    size: st.size,
  }));
  const [region, setRegion] = useState<MaskRegion>('bottom');
  const [fill, setFill] = useState<'off' | 'random'>('off');
  const set = (patch: Partial<typeof s>) => {
    if (patch.dynamics !== undefined || patch.temperature !== undefined || patch.seed !== undefined)
      ctx.runner.invalidate();
    ctx.store.setState(patch);
  };
  const d = s.size * s.size;
  const unitView = s.view === 'unit' && s.dynamics !== 'sync';
  const rate = unitView
    ? `${UNITS_PER_FRAME[s.speed - 1] * 60} unit updates/s`
    : `${+(SWEEPS_PER_FRAME[s.speed - 1] * 60).toPrecision(2)} ${s.dynamics === 'sync' ? 'steps' : 'sweeps'}/s`;

  return (
    <section className="panel hf-recall" aria-labelledby="hf-recall-title">
      <h2 id="hf-recall-title">Cue and recall</h2>
      <fieldset>
        <legend>Corrupt the cue</legend>
        <Slider
          label="Noise (fraction of units to flip)"
          value={s.noise}
          min={0}
          max={1}
          step={0.01}
          onChange={(v) => set({ noise: v })}
          format={(v) => `${Math.round(v * 100)} % = ${Math.round(v * d)} units`}
          help="Flips that many distinct units (sampled without replacement). Above 50 % the cue is closer to −ξ than to ξ."
        />
        <div className="row">
          <CommandButton id="corrupt" />
          <CommandButton id="invert" />
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
          <Select
            label="Fill"
            value={fill}
            options={[
              { value: 'off', label: 'off (−1)' },
              { value: 'random', label: 'random ±1' },
            ]}
            onChange={setFill}
          />
          <Button onClick={() => mask(ctx, region, fill)} title="Overwrite the region of the grid">
            Mask
          </Button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Dynamics</legend>
        <Select
          label="Update rule"
          value={s.dynamics}
          options={DYNAMICS}
          onChange={(v) => set({ dynamics: v })}
        />
        {s.dynamics === 'stochastic' && (
          <Slider
            label="Temperature T"
            value={s.temperature}
            min={0}
            max={3}
            step={0.05}
            onChange={(v) => set({ temperature: v })}
            format={(v) => v.toFixed(2)}
          />
        )}
        {s.dynamics !== 'sync' && (
          <Select
            label="Animate"
            value={s.view}
            options={[
              { value: 'sweep', label: 'sweep by sweep' },
              { value: 'unit', label: 'unit by unit' },
            ]}
            onChange={(v) => set({ view: v })}
            help="Unit by unit outlines the unit just updated; the energy curve then moves in fractions of a sweep."
          />
        )}
        <Slider
          label="Speed"
          value={s.speed}
          min={1}
          max={10}
          step={1}
          onChange={(v) => set({ speed: v })}
          format={() => rate}
        />
        <Slider
          label="Seed"
          value={s.seed}
          min={0}
          max={999}
          step={1}
          onChange={(v) => set({ seed: v })}
          format={(v) => String(v)}
          help="Seeds the corruption, the update order and the Glauber noise, so a link replays the same run."
        />
        <DynamicsHelp />
      </fieldset>
      <div className="row recall-buttons">
        <CommandButton
          id="recall"
          variant="primary"
          label={s.phase === 'running' ? 'Pause' : 'Recall'}
        />
        <CommandButton id="step" />
        <CommandButton id="reset" />
      </div>
    </section>
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
