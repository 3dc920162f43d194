/** Step 5's vector arithmetic and boundary extension. */
import { runCommand } from '../../engine/commands';
import { Help } from '../../ui/Help';
import { LineChart } from '../../ui/LineChart';
import { TeX } from '../../ui/Math';
import { COMMANDS } from './commands';
import { DigitImage } from './DigitImage';
import { BOUNDARY_DIGITS } from './generative';
import { LabButton } from './LabControls';
import { PAGE } from './params';
import { useLab, useLabContext, useLabFields } from './useLab';

const DIGITS = Array.from({ length: 10 }, (_, c) => c);

export function ArithmeticView() {
  const ctx = useLabContext();
  const { arithmeticPicks: picks, arithmetic: result } = useLabFields(
    'arithmeticPicks',
    'arithmetic',
  );
  const latent = useLab((s) => s.map?.latentSize ?? 2);
  const pick = (slot: number, digit: number) =>
    runCommand(COMMANDS.setArithmeticPick, ctx, { slot, digit });
  const names = ['a', 'b', 'c'];
  return (
    <div className="cl-arith" data-testid="arithmetic">
      <p className="small">
        <strong>Vector arithmetic</strong> on the class means of the held-out digits' latents:
      </p>
      <div className="cl-buttons">
        {[0, 1, 2].map((k) => (
          <label key={k} className="small">
            {k === 0 ? 'digit a' : k === 1 ? '− digit b' : '+ digit c'}{' '}
            <select
              value={picks[k]}
              onChange={(e) => pick(k, Number(e.target.value))}
              data-testid={`arith-${names[k]}`}
            >
              {DIGITS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <LabButton command={COMMANDS.arithmetic} testId="arith-run" />
      </div>
      <Help title="How is it computed?">
        <p className="small">
          <TeX
            display
            tex={String.raw`z = \bar z_a - \bar z_b + \bar z_c,\qquad \bar z_k = \frac{1}{|C_k|}\sum_{x \in C_k} \mu(x)`}
          />
          C<sub>k</sub> is the held-out digits of class k ({PAGE.heldOut.toLocaleString('en')} in
          all), μ(x) the encoder's mean ({latent} latents). The pictures are the decoded class means
          and the decoded z. The class under the result comes from a linear read-out (logistic
          regression) fitted on the latent means of {PAGE.labelled} labelled held-out digits:{' '}
          <TeX tex={String.raw`p(k \mid z) = \mathrm{softmax}(zW + b)_k`} />.
        </p>
      </Help>
      {result && (
        <div className="cl-strip cl-arith-row" data-testid="arith-result">
          {result.images.map((img, k) => (
            <figure key={k}>
              <DigitImage
                values={img}
                size={56}
                label={k < 3 ? `decoded mean of class ${result.picks[k]}` : 'decoded a − b + c'}
              />
              <figcaption className="small">
                {k === 0 && `mean ${result.picks[0]}`}
                {k === 1 && `− mean ${result.picks[1]}`}
                {k === 2 && `+ mean ${result.picks[2]}`}
                {k === 3 && `= read out as ${result.nearest}`}
              </figcaption>
            </figure>
          ))}
          <p className="small" data-testid="arith-readout">
            {result.picks[0]} − {result.picks[1]} + {result.picks[2]}: the read-out's nearest class
            is <strong>{result.nearest}</strong> (p = {(100 * result.confidence).toFixed(0)} %).
          </p>
        </div>
      )}
    </div>
  );
}

export function BoundaryView() {
  const b = useLab((s) => s.boundary);
  if (!b) return null;
  const typical = b.find((p) => p.zoom === 1)?.input ?? NaN;
  const out = b[0];
  const inn = b[b.length - 1];
  const pulled = out.recall > out.input && inn.recall < inn.input;
  const f = (v: number) => v.toFixed(1);
  return (
    <div className="cl-boundary" data-testid="boundary">
      <p className="small">
        <strong>Boundary extension</strong>: {BOUNDARY_DIGITS} held-out digits zoomed out (×
        {out.zoom}, shrunk and padded) and in (×{inn.zoom}, cropped and enlarged), then recalled by
        the VAE. Extent R of the ink: zoomed out, input {f(out.input)} px, recall {f(out.recall)}{' '}
        px; zoomed in, input {f(inn.input)} px, recall {f(inn.recall)} px; unzoomed digits{' '}
        {f(typical)} px.{' '}
        {pulled
          ? 'Both are recalled closer to the typical view: the close-up wider, the wide view closer.'
          : 'Here the recalls are not pulled toward the typical view from both sides.'}
      </p>
      <LineChart
        height={190}
        series={[
          { name: 'input', values: b.map((p) => ({ x: p.zoom, y: p.input })) },
          { name: 'recall', values: b.map((p) => ({ x: p.zoom, y: p.recall })) },
          {
            name: 'typical (unzoomed)',
            values: b.map((p) => ({ x: p.zoom, y: typical })),
            dashed: true,
          },
        ]}
        xLabel="zoom factor s"
        yLabel="ink extent R (px)"
        testId="boundary-chart"
      />
      <div className="cl-strip">
        {b.map((p) => (
          <figure key={p.zoom} className="cl-replay">
            <DigitImage values={p.example.input} size={36} label={`zoom ${p.zoom}: input`} />
            <DigitImage values={p.example.recall} size={36} label={`zoom ${p.zoom}: recall`} />
            <figcaption>×{p.zoom}</figcaption>
          </figure>
        ))}
      </div>
      <Help title="How is the extent measured?">
        <p className="small">
          A zoom by s takes each output pixel p from the input at <TeX tex="c + (p - c)/s" /> (c the
          image centre, bilinear, paper outside). The extent is the ink's radius of gyration,{' '}
          <TeX
            tex={String.raw`R = \sqrt{\textstyle\sum_j w_j \lVert p_j - m\rVert^2 / \sum_j w_j}`}
          />
          , with w<sub>j</sub> the ink of pixel j and m the ink's centre; R grows by s under a zoom.
          Each strip pair: the first digit's zoomed input over its recall.
        </p>
      </Help>
    </div>
  );
}
