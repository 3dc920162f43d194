/** Section 5, "Emotion": eCMR's list-composition effect. */
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import type { EmotionResult } from '../../models/human/freeRecall';
import { BarChart } from './BarChart';
import { f2 } from './curves';
import { ParamSlider } from './ParamControls';
import { SimProgress } from './SerialSection';
import { useLabFields } from './useLab';

function Bars({
  r,
  title,
  testId,
}: {
  r: EmotionResult | undefined;
  title: string;
  testId: string;
}) {
  return (
    <BarChart
      bars={
        r
          ? [
              { label: 'emotional', value: r.emotional, highlight: true },
              { label: 'neutral', value: r.neutral },
            ]
          : []
      }
      max={1}
      yLabel="P(recall)"
      title={title}
      format={(v) => v.toFixed(2)}
      height={190}
      testId={testId}
    />
  );
}

export function EmotionSection() {
  const { emotion: sim, theta } = useLabFields('emotion', 'theta');
  const { mixed, pure } = sim.result ?? {};
  return (
    <>
      <p>
        Emotional words are remembered better than neutral ones when the two are mixed in one list,
        and the advantage shrinks or vanishes when each list is all emotional or all neutral (the
        list-composition effect; Talmi, Lohnas &amp; Daw 2019). eCMR explains it by competition at
        retrieval: an emotional item carries an extra emotion unit in its context and is learned
        more strongly (<TeX tex="\Phi_{\mathrm{emot}}" /> times), so in a mixed list it wins the
        competition against neutral items; in a pure list it competes only with its own kind.
      </p>
      <div className="ui-two">
        <div className="hm-controls">
          <ParamSlider name="emotionalShare" step={0.05} />
          <ParamSlider name="phi_emot" />
          <ParamSlider name="w_emotion" />
          <p className="small muted">
            Pure lists alternate between all-emotional and all-neutral lists. Lists as set in Serial
            position.
          </p>
        </div>
        <div className="ui-views">
          <SimProgress sim={sim} label="Simulating mixed and pure lists" />
          <div className="ui-pair">
            <Bars r={mixed} title="Mixed lists" testId="emotion-mixed" />
            <Bars r={pure} title="Pure lists" testId="emotion-pure" />
          </div>
          {mixed && pure && (
            <p data-testid="emotion-readout">
              Emotional advantage: {f2(mixed.advantage)} in mixed lists, {f2(pure.advantage)} in
              pure lists.
            </p>
          )}
        </div>
      </div>
      <Help title="What the model leaves out">
        <p>
          With <TeX tex="\theta = 0" /> (now {theta}) every list yields the same number of recalls,
          so in pure lists the advantage is zero up to sampling noise: the whole effect is retrieval
          competition. With <TeX tex="\theta > 0" /> (under Retrieval in Serial position) a stronger
          pure list is also recalled more, as in part of the human data. The model has no arousal,
          no attention at study and no consolidation: emotional items are simply learned{' '}
          <TeX tex="\Phi_{\mathrm{emot}}" /> times more strongly,{' '}
          <TeX tex="M^{CF} \mathrel{+}= \gamma_{CF}\,\phi_i\,\Phi_{\mathrm{emot}}\, f_i t^\top" />.
        </p>
      </Help>
    </>
  );
}
