/** Section 1, "Serial position": CMR's curves over many simulated lists. */
import { useEffect, useMemo, useState } from 'react';
import type { DistractorProtocol } from '../../models/human/cmr';
import { CommandButton } from '../../ui/CommandButton';
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { ProgressBar } from '../../ui/ProgressBar';
import { COMMANDS } from './commands';
import { curveShape, f2 } from './curves';
import { RecallChart, type CurveLine } from './RecallChart';
import { CmrSliders, DistractorSelect, ParamSlider, SeedField } from './ParamControls';
import type { SimState } from './store';
import { useLab, useLabContext, useLabFields } from './useLab';

const NAMES: Record<DistractorProtocol, string> = {
  none: 'immediate',
  delayed: 'delayed',
  continuous: 'continuous distractor',
};
const COLORS: Record<DistractorProtocol, string> = {
  none: '#2457c5',
  delayed: '#b2182b',
  continuous: '#1a7f37',
};

/** A progress bar for a job that has been running for more than a quarter second. */
export function SimProgress({ sim, label }: { sim: SimState<unknown>; label: string }) {
  const running = sim.status === 'running';
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => setLate(true), 250);
    return () => {
      clearTimeout(t);
      setLate(false);
    };
  }, [running]);
  if (sim.status === 'error') return <p className="error">{sim.error}</p>;
  if (!running || !late) return null;
  return <ProgressBar value={sim.progress} label={label} />;
}

function SerialControls() {
  const ctx = useLabContext();
  return (
    <div className="hm-controls">
      <ParamSlider name="listLength" />
      <DistractorSelect />
      <ParamSlider
        name="rate"
        step={0.1}
        help="The memory game's pace. CMR has no clock, so the model's curves do not change with it (see below)."
      />
      <ParamSlider name="lists" step={100} />
      <div className="hm-row">
        <SeedField />
        <CommandButton command={COMMANDS.newSeed} ctx={ctx} />
      </div>
    </div>
  );
}

/** Every CMR parameter as a slider, by group, named and typeset as in the paper. */
function ModelParameters() {
  const ctx = useLabContext();
  return (
    <div className="hm-cmr">
      <div className="hm-row hm-cmr-head">
        <h3>CMR's parameters</h3>
        <CommandButton command={COMMANDS.resetModel} ctx={ctx} />
      </div>
      <p className="small muted">
        Defaults: cymr's example parameters (not a fit to data). Every picture on this page follows
        them; the place and emotion parameters are in their sections.
      </p>
      <div className="hm-cmr-grid">
        <CmrSliders groups={['drift', 'learning', 'retrieval']} />
      </div>
    </div>
  );
}

function SerialCharts() {
  const { serial: sim, distractor } = useLabFields('serial', 'distractor');
  const result = sim.result;
  const all = useMemo<CurveLine[]>(() => {
    if (!result) return [];
    const order: DistractorProtocol[] = [
      distractor,
      ...(['none', 'delayed', 'continuous'] as const).filter((d) => d !== distractor),
    ];
    return order.map((d) => ({
      name: NAMES[d],
      summary: result.protocols[d],
      color: COLORS[d],
      dashed: d !== distractor,
    }));
  }, [result, distractor]);
  const chosen = result?.protocols[distractor];
  const one = useMemo<CurveLine[]>(() => all.slice(0, 1), [all]);
  const shape = chosen ? curveShape(chosen) : null;
  return (
    <div className="ui-views">
      <SimProgress sim={sim} label="Simulating lists" />
      <RecallChart
        kind="spc"
        lines={all}
        height={260}
        title="Serial position curve (chosen distractor solid, the other two dashed)"
        testId="spc-chart"
      />
      <div className="ui-pair">
        <RecallChart
          kind="pfr"
          lines={one}
          title="Probability of first recall"
          testId="pfr-chart"
        />
        <RecallChart
          kind="crp"
          lines={one}
          title="Lag-CRP: P(next recall is at this lag)"
          testId="crp-chart"
        />
      </div>
      {shape && chosen && (
        <p data-testid="serial-readout">
          {NAMES[distractor]}: P(recall) {f2(shape.first)} at position 1, {f2(shape.middle)} in the
          middle third, {f2(shape.last)} at the last position; recall most often starts at position{' '}
          {shape.firstRecallPeak}; lag-CRP {f2(shape.crpPlus1)} at +1 and {f2(shape.crpMinus1)} at
          −1; {chosen.meanRecalled.toFixed(1)} items recalled per list
          {sim.ms !== null && ` (${sim.ms.toFixed(0)} ms for the three protocols in a worker)`}.
        </p>
      )}
    </div>
  );
}

export function SerialSection() {
  const length = useLab((s) => s.listLength);
  const mean = useLab((s) => s.serial.result?.protocols.none.meanRecalled);
  return (
    <>
      <p>
        Study a list, then recall it in any order. People remember the first few words (
        <strong>primacy</strong>) and the last few (<strong>recency</strong>) better than the middle
        (Murdock 1962: primacy over the first 3–4 positions, a flat middle, recency over the last
        ~8). In immediate recall they usually start with the last words, and each recall tends to be
        followed by a neighbour of it, more often forward than backward (the lag-CRP, Kahana 1996).
        A distractor before recall removes the recency; a distractor after every word brings it back
        (long-term recency). Below, CMR predicts all of this from one mechanism: a slowly drifting
        context that each word is bound to.
      </p>
      <div className="ui-two">
        <SerialControls />
        <SerialCharts />
      </div>
      <ModelParameters />
      <Help title="Where this model departs from the data">
        <ul>
          <li>
            With <TeX tex="\theta = 0" /> the number of items recalled per list is set by the stop
            rule alone (<TeX tex="X_1, X_2" />
            ): {mean !== undefined ? mean.toFixed(1) : '…'} items from a list of {length}, whatever
            its length. People recall more words from a longer list, but a smaller share of them.
            Raise <TeX tex="\theta" /> to let a weak cue end recall sooner.
          </li>
          <li>
            After a delay people lose the recency and recall fewer words overall; with{' '}
            <TeX tex="\theta = 0" /> the model recalls as many words as before, only earlier ones.
          </li>
          <li>
            With the example parameters, under a continuous distractor the model more often starts
            with the first item than the last one; people mostly start with the last items.
          </li>
          <li>
            CMR has no clock: the presentation rate changes nothing here, while people recall more
            of the early and middle words at a slower rate (Murdock 1962, 2 s against 1 s per word).
          </li>
        </ul>
      </Help>
    </>
  );
}
