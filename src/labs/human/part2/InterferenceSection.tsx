/** Part 2, section 3, "Interference": A-B then A'-C in an attention memory, against cue similarity. */
import { useMemo } from 'react';
import { INTERFERENCE_DEFAULTS } from '../../../models/human/interference';
import { CommandButton } from '../../../ui/CommandButton';
import type { ChartMarker } from '../../../ui/chartMath';
import { LineChart, type LineSeries } from '../../../ui/LineChart';
import { TeX } from '../../../ui/Math';
import { ProgressBar } from '../../../ui/ProgressBar';
import { INTERFERENCE_COMMANDS } from './commands';
import { weightRows } from './interferenceView';
import { SettingNumber, SettingSelect, SettingSlider } from './Part2Controls';
import { WeightBars } from './WeightBars';
import { LazyHelp } from './LazyHelp';
import { usePart2, usePart2Context, usePart2Fields } from './useLab';

/** One [0, 1] for the charts' y axis (a new array each render would redraw the axes). */
const Y01 = [0, 1] as const;

const f = (x: number, digits = 3) => x.toFixed(digits);

function SweepChart() {
  const { interferenceSweep: sweep, similarity } = usePart2Fields(
    'interferenceSweep',
    'similarity',
  );
  const series = useMemo<LineSeries[]>(
    () => [
      {
        name: 'retroactive: B lost after learning C',
        values: sweep.rows.map((r) => ({ x: r.similarity, y: r.retroactive })),
        color: '#b2182b',
      },
      {
        name: 'proactive: C slowed by B',
        values: sweep.rows.map((r) => ({ x: r.similarity, y: r.proactive })),
        color: '#2457c5',
      },
      {
        name: 'recall of B after both lists',
        values: sweep.rows.map((r) => ({ x: r.similarity, y: r.recallB })),
        color: '#5d6472',
        dashed: true,
      },
    ],
    [sweep.rows],
  );
  const markers = useMemo<ChartMarker[]>(() => [{ x: similarity, label: 'chosen' }], [similarity]);
  return (
    <div>
      {sweep.status === 'running' && (
        <ProgressBar
          value={sweep.rows.length / Math.max(1, sweep.total)}
          label="Sweeping similarity"
        />
      )}
      <LineChart
        series={series}
        markers={markers}
        xLabel="cue similarity cos(A, A′)"
        yLabel="probability"
        yDomain={Y01}
        height={260}
        title="Interference against the similarity of the cues"
        testId="interference-sweep"
      />
    </div>
  );
}

function LearningCurves() {
  const at = usePart2((s) => s.interferenceAt);
  const series = useMemo<LineSeries[]>(() => {
    if (!at) return [];
    const trial = (ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));
    return [
      { name: "A'-C alone", values: trial(at.proactive.control), color: '#1a7f37' },
      { name: "A'-C after A-B", values: trial(at.proactive.experimental), color: '#2457c5' },
    ];
  }, [at]);
  return (
    <LineChart
      series={series}
      xLabel="A′–C study trial"
      yLabel="P(C | A′)"
      yDomain={Y01}
      height={260}
      title={`Learning A′–C at similarity ${at ? at.similarity.toFixed(2) : '…'}`}
      testId="learning-curves"
    />
  );
}

function Readout() {
  const at = usePart2((s) => s.interferenceAt);
  if (!at) return null;
  const r = at.retroactive;
  const p = at.proactive;
  return (
    <p data-testid="interference-readout">
      At similarity {at.similarity.toFixed(2)}: recall of B from A is{' '}
      <strong>{f(r.control)}</strong> after A–B alone and <strong>{f(r.experimental)}</strong> after
      A′–C too (retroactive interference {f(r.interference)}; C given instead of B:{' '}
      {f(r.intrusions)}). Learning A′–C after A–B is {f(p.interference)} slower per trial on average
      (proactive interference; B given instead of C after the last trial: {f(p.intrusions)}).
    </p>
  );
}

function Attention() {
  const ctx = usePart2Context();
  const { interferenceAt: at, attentionView: view } = usePart2Fields(
    'interferenceAt',
    'attentionView',
  );
  if (!at) return null;
  const retro = view === 'retroactive';
  const rows = retro
    ? weightRows(at.retroactive.memory, at.retroactive.example)
    : weightRows(at.proactive.exampleMemory, at.proactive.example);
  const target = retro ? 'A1-B1' : "A'1-C1";
  const rival = retro ? "A'1-C1" : 'A1-B1';
  return (
    <div>
      <div className="hm-row">
        <SettingSelect
          name="attentionView"
          labels={{
            retroactive: 'Cue A1 after both lists (retroactive)',
            proactive: "Cue A'1 after one A'-C trial (proactive)",
          }}
        />
        <CommandButton command={INTERFERENCE_COMMANDS.toggleAttentionView} ctx={ctx} />
      </div>
      <WeightBars
        testId="interference-attention"
        caption={
          <>
            Attention weights <TeX tex="w = \mathrm{softmax}(\beta\, k_j \cdot q + \ln n_j)" /> for
            cue {retro ? 'A1' : 'A′1'} (n = study trials of the slot)
          </>
        }
        rows={rows.map((row) => ({
          key: row.label,
          label: row.strength === null ? row.label : `${row.label} ×${row.strength}`,
          weight: row.weight,
          tone: row.label === target ? 'target' : row.label === rival ? 'rival' : undefined,
        }))}
      />
    </div>
  );
}

export function InterferenceSection() {
  return (
    <>
      <p>
        Learn pairs A–B (cue a word, answer another), then pairs A′–C whose cues A′ resemble the
        first cues. Learning the second list makes the first harder to recall (
        <strong>retroactive</strong> interference) and the first list slows the learning of the
        second (<strong>proactive</strong> interference), the more so the more alike the cues. Here
        the pairs are stored in an attention memory, the modern Hopfield network of the Modern lab:
        each pair is a slot, and a cue recalls the answers of the slots whose keys it resembles.
      </p>
      <div className="ui-two h2-views-first">
        <div className="hm-controls">
          <SettingSlider name="similarity" step={0.01} />
          <SettingSlider name="interferenceBeta" step={0.5} />
          <SettingSlider name="firstTrials" />
          <SettingSlider name="secondTrials" />
          <SettingNumber name="interferenceSeed" />
        </div>
        <div className="ui-views">
          <div className="ui-pair">
            <SweepChart />
            <LearningCurves />
          </div>
          <Readout />
          <Attention />
        </div>
      </div>
      <LazyHelp title="The model, and where it departs from the data">
        {() => (
          <>
            <ul>
              <li>
                {INTERFERENCE_DEFAULTS.pairs} pairs per list; cues are seeded random unit vectors in{' '}
                {INTERFERENCE_DEFAULTS.dim} dimensions and{' '}
                <TeX tex="A' = S A + \sqrt{1 - S^2}\, U" /> with U orthogonal to A, so cos(A, A′) =
                S exactly. Answers are one-hot. The same A and U serve every S, so the curves are
                smooth.
              </li>
              <li>
                Each slot&apos;s logit is β <i>k</i>
                <sub>j</sub>·<i>q</i> + ln <i>n</i>
                <sub>j</sub>: a slot studied n times counts as n copies of it in the softmax. A
                &ldquo;no recall&rdquo; option with logit βθ (θ = {INTERFERENCE_DEFAULTS.theta}) is
                ACT-R&apos;s retrieval threshold inside the softmax.
              </li>
              <li>
                Retroactive interference is recall of B after A–B alone minus after A′–C too;
                proactive is the mean, over the A′–C trials, of learning without A–B minus with it.
              </li>
              <li>
                Nothing is unlearned here: the A–B slots stay as they were and lose recall only
                because the A′–C slots compete for the attention. At S = 1 (A–B then A–C) recall of
                B settles at its share of the strengths, not at zero; people can also unlearn or
                suppress the first answers (Barnes &amp; Underwood 1959), which this memory does not
                do.
              </li>
            </ul>
          </>
        )}
      </LazyHelp>
    </>
  );
}
