/** Section 4, "Context-dependent recall": study in place A or B, test in the same or the other. */
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { BarChart } from './BarChart';
import { f2 } from './curves';
import { ParamSlider } from './ParamControls';
import { SimProgress } from './SerialSection';
import { useLabFields } from './useLab';

export function ContextSection() {
  const { context: sim, listLength: n } = useLabFields('context', 'listLength');
  const conditions = sim.result?.conditions ?? [];
  const mean = (same: boolean) => {
    const c = conditions.filter((x) => (x.study === x.test) === same);
    return c.reduce((s, x) => s + x.recall, 0) / Math.max(1, c.length);
  };
  const same = mean(true);
  const other = mean(false);
  return (
    <>
      <p>
        Divers who learned words under water recalled them better under water, and words learned on
        land better on land: roughly a third fewer words came back in the other place (Godden &amp;
        Baddeley 1975). In CMR the place is one more part of the context: a unit for place A or B
        that joins every context input with weight <TeX tex="w_{\mathrm{place}}" />. Testing in the
        study place reinstates it, and the items' support grows.
      </p>
      <div className="ui-two">
        <div className="hm-controls">
          <ParamSlider name="w_place" />
          <ParamSlider name="contextTheta" step={0.01} />
          <p className="small muted">
            Lists of {n} items as set in Serial position (length, distractor, lists, seed, the other
            parameters).
          </p>
        </div>
        <div className="ui-views">
          <SimProgress sim={sim} label="Simulating the four places" />
          <BarChart
            bars={conditions.map((c) => ({
              label: `${c.study} → ${c.test}`,
              value: c.recall,
              highlight: c.study === c.test,
              title: `studied in ${c.study}, tested in ${c.test}: ${c.recall.toFixed(3)} of the list (${c.meanRecalled.toFixed(2)} items)`,
            }))}
            max={1}
            yLabel="share recalled"
            title="Recall by study place → test place (same place dark)"
            format={(v) => v.toFixed(2)}
            testId="context-bars"
          />
          {conditions.length > 0 && (
            <p data-testid="context-readout">
              Same place {f2(same)}, other place {f2(other)}:{' '}
              {same > 0
                ? `${((1 - other / same) * 100).toFixed(0)} % fewer in the other place.`
                : ''}
            </p>
          )}
        </div>
      </div>
      <Help title="How the place enters, and why θ matters here">
        <p>
          Every context input gets the place: at study{' '}
          <TeX tex="t^{\mathrm{IN}} \propto M^{FC} f_i + w_{\mathrm{place}}\, e_{\mathrm{study\,place}}" />
          , and from the start of recall on the same with the test place. In the other place the cue
          lacks the part of the context the items were bound to.
        </p>
        <p>
          With <TeX tex="\theta = 0" /> the number of items recalled is set by the stop rule alone,
          so a better cue changes <em>which</em> items come back but not <em>how many</em>, and the
          four bars would be equal. The threshold <TeX tex="\theta" /> adds a “nothing comes to
          mind” option of support θ to the competition; choosing it ends recall, so a weak cue ends
          it sooner. This section uses its own θ (default 0.1, the model author's choice); the other
          sections use the one under Retrieval.
        </p>
      </Help>
    </>
  );
}
