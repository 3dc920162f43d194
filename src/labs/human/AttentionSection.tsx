/** Section 6, "Attention view": CMR's choice as softmax attention over the items' support. */
import { CommandButton } from '../../ui/CommandButton';
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { BarChart } from './BarChart';
import { COMMANDS } from './commands';
import { ParamSlider } from './ParamControls';
import { useLab, useLabContext, useLabFields } from './useLab';
import { competition, recallFrameAt, recallsUpTo } from './watchView';

export function AttentionSection() {
  const ctx = useLabContext();
  const { trace, frame, tau } = useLabFields('trace', 'frame', 'tau');
  const words = useLab((s) => s.itemWords);
  if (!trace) return null;
  const f = recallFrameAt(trace, frame);
  const at = f ? trace.frames.indexOf(f) : -1;
  const recallFrames = trace.frames.flatMap((x, i) => (x.kind === 'recall' ? [i] : []));
  const k = recallFrames.indexOf(at);
  const c = f ? competition(f, tau, recallsUpTo(trace, at - 1)) : null;
  const gap = c ? Math.max(...c.weights.map((w, j) => Math.abs(w - c.cmrGivenGoOn[j]))) : NaN;
  const top = c ? Math.max(...c.weights) : NaN;
  return (
    <>
      <p>
        The Modern Hopfield lab retrieves by attention: every stored pattern is weighted by{' '}
        <TeX tex="\mathrm{softmax}(\beta X^\top \xi)" />, its similarity to the state, sharpened by{' '}
        <TeX tex="\beta" />. CMR's choice is the same operation. The stored patterns are the rows of{' '}
        <TeX tex="M^{CF}" /> (each item's learned context), the state is the context <TeX tex="t" />
        , the similarities are the supports <TeX tex="a = M^{CF} t" />, and{' '}
        <TeX tex="P(j) \propto e^{2 a_j / \tau}" /> is a softmax with <TeX tex="\beta = 2/\tau" />.
      </p>
      <div className="ui-two">
        <div className="hm-controls">
          <ParamSlider name="tau" />
          <div className="hm-buttons">
            <CommandButton
              command={COMMANDS.seekFrame}
              ctx={ctx}
              arg={recallFrames[Math.max(0, k - 1)]}
              label="Previous recall"
              disabled={k <= 0}
            />
            <CommandButton
              command={COMMANDS.seekFrame}
              ctx={ctx}
              arg={recallFrames[Math.min(recallFrames.length - 1, k + 1)]}
              label="Next recall"
              disabled={k < 0 || k >= recallFrames.length - 1}
            />
          </div>
          <p className="small muted">
            The recall step on screen in Watch one list (or its first recall): step through recall
            there or here.
          </p>
        </div>
        <div className="ui-views">
          {f && c ? (
            <>
              <p data-testid="attention-readout">
                Output {f.output + 1}: β = 2/τ = {c.beta.toFixed(1)}; top weight {top.toFixed(3)};
                effective number of competing items 1/Σp² ={' '}
                {Number.isFinite(c.effective) ? c.effective.toFixed(2) : '–'}. CMR's own P(j), given
                that recall goes on, differs from this softmax by at most {gap.toExponential(1)}.
              </p>
              <BarChart
                bars={c.weights.map((w, j) => ({
                  label: String(j + 1),
                  value: w,
                  highlight: j === f.chosen,
                  muted: c.recalled[j],
                  title: `item ${j + 1} (“${words[j]}”): weight ${w.toFixed(4)}, support ${f.support[j].toFixed(4)}${c.recalled[j] ? ', already recalled (out of the competition)' : ''}`,
                }))}
                max={1}
                yLabel="attention p"
                title="Attention over the items, softmax(β a): the winner dark; items already recalled take no part"
                testId="attention-bars"
              />
            </>
          ) : (
            <p>This list recalls nothing.</p>
          )}
        </div>
      </div>
      <Help title="How the two differ">
        <p>
          <TeX tex="p = \mathrm{softmax}(\beta a)" />, with{' '}
          <TeX tex="p_j = e^{\beta a_j} / \sum_k e^{\beta a_k}" /> over the items not yet recalled.
          A modern Hopfield network returns the weighted average{' '}
          <TeX tex="\xi^{\mathrm{new}} = X p" />, a blend when <TeX tex="\beta" /> is small. CMR
          instead draws one item from <TeX tex="p" />, takes already-recalled items out of the
          competition, may stop first (<TeX tex="P_{\mathrm{stop}} = X_1 e^{X_2 k}" />
          ), and then moves the state toward the winner's context (
          <TeX tex="\beta_{\mathrm{rec}}" />
          ), which sets up the next competition. A small τ is a large β: recall becomes nearly
          deterministic, always the item with the largest support.
        </p>
      </Help>
    </>
  );
}
