/** Section 2, "Watch one list": context drifting at study, then recall item by item. */
import { useMemo } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { BarChart } from './BarChart';
import { COMMANDS } from './commands';
import { HeatStrip } from './HeatStrip';
import { ParamSlider } from './ParamControls';
import { useLab, useLabContext, useLabFields } from './useLab';
import { describeFrame, firstRecallFrame, recallsUpTo, stripRows } from './watchView';

function Transport() {
  const ctx = useLabContext();
  const { playing, frame } = useLabFields('playing', 'frame');
  const last = useLab((s) => (s.trace?.frames.length ?? 1) - 1);
  return (
    <div className="hm-transport">
      <div className="hm-buttons" role="group" aria-label="Watch one list">
        <CommandButton
          command={COMMANDS.togglePlay}
          ctx={ctx}
          label={playing ? 'Pause' : 'Play'}
          variant="primary"
          testId="watch-play"
        />
        <CommandButton command={COMMANDS.stepBack} ctx={ctx} />
        <CommandButton command={COMMANDS.stepWatch} ctx={ctx} testId="watch-step" />
        <CommandButton command={COMMANDS.resetWatch} ctx={ctx} />
      </div>
      <div className="ui-field">
        <div className="ui-field-head">
          <label htmlFor="hm-frame">Step</label>
          <output htmlFor="hm-frame" aria-hidden="true" data-testid="watch-frame">
            {frame + 1} of {last + 1}
          </output>
        </div>
        <input
          id="hm-frame"
          type="range"
          min={0}
          max={last}
          step={1}
          value={frame}
          aria-valuetext={`step ${frame + 1} of ${last + 1}`}
          onChange={(e) => runCommand(COMMANDS.seekFrame, ctx, Number(e.currentTarget.value))}
        />
      </div>
      <ParamSlider name="speed" step={0.5} />
    </div>
  );
}

export function WatchSection() {
  const ctx = useLabContext();
  const { trace, frame, itemWords: words } = useLabFields('trace', 'frame', 'itemWords');
  const rows = useMemo(() => (trace ? stripRows(trace) : []), [trace]);
  const columns = useMemo(() => trace?.frames.map((f) => f.context) ?? [], [trace]);
  if (!trace) return null;
  const f = trace.frames[frame];
  const recalled = recallsUpTo(trace, frame - 1);
  const bars =
    f?.kind === 'recall'
      ? Array.from(f.support, (a, j) => ({
          label: String(j + 1),
          value: a,
          highlight: j === f.chosen,
          muted: recalled.includes(j),
          title: `item ${j + 1} (“${words[j]}”): a = ${a.toFixed(4)}${recalled.includes(j) ? ', already recalled' : ''}${j === f.chosen ? ', chosen' : ''}`,
        }))
      : null;
  const order = recallsUpTo(trace, frame);
  return (
    <div className="ui-two">
      <div className="hm-controls">
        <Transport />
        <p className="small muted">
          One list of {trace.layout.listLength} items with the settings and seed above. The words
          are only labels: the model sees item 1, item 2, …
        </p>
      </div>
      <div className="ui-views">
        <p className="hm-status" aria-live="polite" data-testid="watch-status">
          {describeFrame(trace, frame, words)}
        </p>
        <HeatStrip
          columns={columns}
          rows={rows}
          current={frame}
          firstRecall={firstRecallFrame(trace)}
          onSelect={(c) => runCommand(COMMANDS.seekFrame, ctx, c)}
          label={`Context t over the list: one column per step, one row per context unit; step ${frame + 1} of ${columns.length} shown`}
        />
        <p className="small muted">
          Context <TeX tex="t" /> after each step (columns, left to right; the red line is where
          recall starts), one row per unit: the items, the start-of-list unit and any distractor
          units. Darker is larger.
        </p>
        {bars ? (
          <BarChart
            bars={bars}
            yLabel="support a"
            title="Support a = Mᶜᶠ t for every item (chosen item dark, recalled items pale)"
            testId="support-bars"
          />
        ) : (
          <p className="small muted">The support for every item appears when recall starts.</p>
        )}
        <p data-testid="recall-order">
          Recalled so far:{' '}
          {order.length ? order.map((j) => `${j + 1} ${words[j]}`).join(', ') : 'nothing yet'}
        </p>
        <Help title="How one list runs (formulas)">
          <p>
            Study of item <TeX tex="i" />:{' '}
            <TeX tex="t_i = \rho_i t_{i-1} + \beta_{\mathrm{enc}} t^{\mathrm{IN}}_i" /> with{' '}
            <TeX tex="t^{\mathrm{IN}}_i = M^{FC} f_i / \lVert M^{FC} f_i \rVert" /> and{' '}
            <TeX tex="\rho_i = \sqrt{1 + \beta^2[(t_{i-1}\cdot t^{\mathrm{IN}}_i)^2 - 1]} - \beta\,(t_{i-1}\cdot t^{\mathrm{IN}}_i)" />
            , which keeps <TeX tex="\lVert t \rVert = 1" />. Then{' '}
            <TeX tex="M^{FC} \mathrel{+}= \gamma_{FC}\, t_{i-1} f_i^\top" /> and{' '}
            <TeX tex="M^{CF} \mathrel{+}= \gamma_{CF}\,\phi_i\, f_i t_{i-1}^\top" />,{' '}
            <TeX tex="\phi_i = \phi_s e^{-\phi_d (i-1)} + 1" />.
          </p>
          <p>
            Recall: the start context is reinstated with <TeX tex="\beta_{\mathrm{start}}" />; the
            support is <TeX tex="a = M^{CF} t" />; recall stops with{' '}
            <TeX tex="P_{\mathrm{stop}}(k) = X_1 e^{X_2 k}" /> after <TeX tex="k" /> recalls, else
            item <TeX tex="j" /> wins with <TeX tex="P(j) \propto e^{2 a_j/\tau}" /> among the items
            not yet recalled, and its context <TeX tex="M^{FC} f_j" /> is reinstated with{' '}
            <TeX tex="\beta_{\mathrm{rec}}" />. A recalled item's context is close to its
            neighbours', so the next winner is often a neighbour: the lag-CRP.
          </p>
        </Help>
      </div>
    </div>
  );
}
