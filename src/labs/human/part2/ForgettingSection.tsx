/** Part 2, section 1, "Forgetting": Ebbinghaus's savings, two fitted laws, and ACT-R's activation. */
import { useMemo, type ReactNode } from 'react';
import { runCommand } from '../../../engine/commands';
import { EBBINGHAUS_1885, EBBINGHAUS_CITATION } from '../../../data/ebbinghaus';
import type { ForgettingFit } from '../../../models/human/actr';
import { CommandButton } from '../../../ui/CommandButton';
import type { ChartMarker } from '../../../ui/chartMath';
import { LineChart, type LineSeries } from '../../../ui/LineChart';
import { TeX } from '../../../ui/Math';
import { FORGETTING_COMMANDS } from './commands';
import { actrCurves, actrError, curvePoints, drop, type ForgettingFits } from './forgettingView';
import { CheckChips, SettingSelect, SettingSlider } from './Part2Controls';
import { DELAY_KEYS } from './params';
import { LazyHelp } from './LazyHelp';
import { usePart2Context, usePart2Fields } from './useLab';

/** One [0, 1] for the charts' y axis (a new array each render would redraw the axes). */
const Y01 = [0, 1] as const;
const Y0100 = [0, 100] as const;

const COLORS = { power: '#2457c5', exponential: '#b2182b', actr: '#1a7f37' };
const f = (x: number, digits = 2) => x.toFixed(digits);

/** Ebbinghaus's points as labelled markers; on linear time the crowded early labels are left off. */
function savingsMarkers(used: readonly number[], crowded: boolean, scale = 1): ChartMarker[] {
  return EBBINGHAUS_1885.map((p, i) => ({
    x: p.delayHours,
    y: p.savingsPercent * scale,
    label:
      crowded && p.delayHours < 100 ? '' : used.includes(i) ? p.label : `${p.label} (left out)`,
  }));
}

function FitCard({
  fit,
  title,
  formula,
  params,
}: {
  fit: ForgettingFit;
  title: string;
  formula: ReactNode;
  params: string;
}) {
  return (
    <div className={`h2-fit h2-fit--${fit.model}`} data-testid={`fit-${fit.model}`}>
      <h4>{title}</h4>
      <p className="h2-formula">{formula}</p>
      <p>{params}</p>
      <p>
        RMSE <strong>{f(fit.rmse)}</strong> points of savings
      </p>
    </div>
  );
}

function FitCards({ fits }: { fits: ForgettingFits }) {
  const { power, exponential, actr } = fits;
  return (
    <div className="h2-three">
      <FitCard
        fit={power}
        title="Power law"
        formula={
          <>
            <i>S</i>(<i>t</i>) = <i>b</i> <i>t</i>
            <sup>−d</sup> = <i>b</i> <i>e</i>
            <sup>A(t)</sup>
          </>
        }
        params={`b = ${f(power.params.b, 1)} % (at 1 h), d = ${f(power.params.d, 3)}`}
      />
      <FitCard
        fit={exponential}
        title="Exponential decay"
        formula={
          <>
            <i>S</i>(<i>t</i>) = <i>b</i> <i>e</i>
            <sup>−t/T</sup>
          </>
        }
        params={`b = ${f(exponential.params.b, 1)} %, T = ${f(exponential.params.T, 0)} h (${f(exponential.params.T / 24, 1)} days)`}
      />
      <FitCard
        fit={actr}
        title="ACT-R logistic, d = 0.5"
        formula={
          <>
            <i>S</i>(<i>t</i>) = 100 / (1 + <i>e</i>
            <sup>−(A(t) − τ)/s</sup>)
          </>
        }
        params={`τ = ${f(actr.params.tau, 3)}, s = ${f(actr.params.s, 2)}`}
      />
    </div>
  );
}

function SavingsChart() {
  const { fits, forgettingAxes: axes } = usePart2Fields('fits', 'forgettingAxes');
  const series = useMemo<LineSeries[]>(
    () =>
      fits
        ? [
            { name: 'power law', values: curvePoints(fits.power), color: COLORS.power },
            {
              name: 'exponential',
              values: curvePoints(fits.exponential),
              color: COLORS.exponential,
            },
            {
              name: 'ACT-R logistic',
              values: curvePoints(fits.actr),
              color: COLORS.actr,
              dashed: true,
            },
          ]
        : [],
    [fits],
  );
  const markers = useMemo(() => savingsMarkers(fits?.used ?? [], axes === 'linear'), [fits, axes]);
  return (
    <LineChart
      series={series}
      markers={markers}
      xLabel="delay (hours)"
      yLabel="savings (%)"
      logX={axes !== 'linear'}
      logY={axes === 'loglog'}
      yDomain={axes === 'loglog' ? undefined : Y0100}
      height={300}
      title="Ebbinghaus (1885): savings in relearning (circles) and the fitted curves"
      testId="savings-chart"
    />
  );
}

function WhyPower({ fits }: { fits: ForgettingFits }) {
  const e = fits.exponential;
  const p = fits.power;
  const expEarly = e.params.b * (Math.exp(-(20 / 60) / e.params.T) - Math.exp(-1 / e.params.T));
  return (
    <div data-testid="why-power">
      <p>
        <strong>Why the power law fits better.</strong> Between 20 minutes and 1 hour the savings
        fell by {f(drop(0, 1), 1)} points; between 1 and 31 days, in 720 times as long, by{' '}
        {f(drop(3, 6), 1)}. An exponential loses the same <em>fraction per hour</em>, at every age,
        so one time constant cannot give both: the fitted one (T = {f(e.params.T, 0)} h) predicts a
        fall of only {f(expEarly, 2)} points in those first 40 minutes and misses both ends (RMSE{' '}
        {f(e.rmse, 1)} against {f(p.rmse, 1)}). A power law loses the same fraction each time the
        delay is <em>multiplied</em> by the same factor: S(3t)/S(t) = 3<sup>−d</sup> ={' '}
        {f(Math.pow(3, -p.params.d), 2)} whether t is minutes or days. That is a straight line on
        log–log axes: switch the axes and see the points line up (Wixted &amp; Ebbesen 1991 found
        power laws across many data sets). A sum of exponentials with widely spread time constants
        (traces of many ages and strengths) also looks like a power law.
      </p>
      <p className="small muted">
        Fitted by least squares in the page, Nelder–Mead from a regression start:{' '}
        {p.evaluations + e.evaluations + fits.actr.evaluations} evaluations, {f(fits.ms, 1)} ms for
        the three fits to {fits.used.length} points.
      </p>
    </div>
  );
}

function ActrPanel() {
  const ctx = usePart2Context();
  const {
    actrDecay: d,
    actrTau: tau,
    actrNoise: noise,
    fits,
  } = usePart2Fields('actrDecay', 'actrTau', 'actrNoise', 'fits');
  const curves = useMemo(() => actrCurves(d, tau, noise), [d, tau, noise]);
  const used = useMemo(() => fits?.used ?? [], [fits]);
  const error = fits ? actrError(d, tau, noise, used) : null;
  const activation = useMemo<LineSeries[]>(
    () => [{ name: `A(t), d = ${f(d)}`, values: curves.activation, color: COLORS.actr }],
    [curves, d],
  );
  const probability = useMemo<LineSeries[]>(
    () => [{ name: 'P(recall)', values: curves.probability, color: COLORS.actr }],
    [curves],
  );
  const markers = useMemo(() => savingsMarkers(used, false, 1 / 100), [used]);
  return (
    <div className="ui-two">
      <div className="hm-controls">
        <SettingSlider name="actrDecay" step={0.01} />
        <SettingSlider name="actrTau" step={0.01} format={(v) => f(v)} />
        <SettingSlider name="actrNoise" step={0.01} format={(v) => f(v)} />
        <CommandButton command={FORGETTING_COMMANDS.fitActr} ctx={ctx} testId="fit-actr" />
        {error !== null && (
          <p data-testid="actr-error">
            100·P against the savings: RMSE <strong>{f(error)}</strong> points.
          </p>
        )}
      </div>
      <div className="ui-pair">
        <LineChart
          series={activation}
          xLabel="hours since the study"
          yLabel="activation A"
          logX
          height={230}
          title="Activation of one study"
          testId="actr-activation"
        />
        <LineChart
          series={probability}
          markers={markers}
          xLabel="hours since the study"
          yLabel="P(recall)"
          logX
          yDomain={Y01}
          height={230}
          title="Recall probability (circles: savings / 100)"
          testId="actr-probability"
        />
      </div>
    </div>
  );
}

export function ForgettingSection() {
  const ctx = usePart2Context();
  const { fits, fitPoints: points } = usePart2Fields('fits', 'fitPoints');
  return (
    <>
      <p>
        In 1885 Hermann Ebbinghaus learned lists of nonsense syllables until he could recite them
        twice without error, and learned them again after a delay. The time he saved the second
        time, the <strong>savings</strong>, fell fast at first and then ever more slowly. Below, two
        laws with two parameters each are fitted to his seven points in your browser; leave points
        out and watch the fits change.
      </p>
      <div className="ui-two h2-views-first">
        <div className="hm-controls">
          <SettingSelect
            name="forgettingAxes"
            labels={{ linear: 'Linear', log: 'Logarithmic time', loglog: 'Both logarithmic' }}
          />
          <CommandButton command={FORGETTING_COMMANDS.cycleAxes} ctx={ctx} />
          <CheckChips
            legend="Points in the fit"
            testId="fit-points"
            choices={EBBINGHAUS_1885.map((p, i) => ({ value: DELAY_KEYS[i], label: p.label }))}
            chosen={points}
            onToggle={(k) => runCommand(FORGETTING_COMMANDS.togglePoint, ctx, k)}
          />
          <p className="small muted">{EBBINGHAUS_CITATION}.</p>
        </div>
        <div className="ui-views">
          <SavingsChart />
          {fits && <FitCards fits={fits} />}
          {fits && <WhyPower fits={fits} />}
        </div>
      </div>
      <h3>ACT-R: activation and recall probability</h3>
      <p>
        ACT-R gives every study a trace that fades as a power of its age; the item&apos;s activation
        is the log of their sum, and recall succeeds when the activation, with noise, beats a
        threshold:
      </p>
      <div className="h2-formulas">
        <TeX tex="A(t) = \ln \sum_j (t - t_j)^{-d}" display />
        <TeX tex="P(t) = \frac{1}{1 + e^{-(A(t) - \tau)/s}}" display />
      </div>
      <ActrPanel />
      <LazyHelp title="Conventions, and where the model departs from the data">
        {() => (
          <>
            <ul>
              <li>
                Time is in hours from the study; the savings are in percent and the fits minimise
                the squared error in percentage points. Only studies strictly before t count (an age
                of 0 would give an infinite activation).
              </li>
              <li>
                Savings are not a recall probability: a list with no savings may still be partly
                recalled. Each mapping is a choice, stated with its formula: the power law reads
                savings as proportional to the trace strength <i>e</i>
                <sup>A</sup>; the ACT-R logistic reads them as 100 P.
              </li>
              {fits && (
                <li>
                  The fitted decay of savings, d = {f(fits.power.params.d, 3)}, is far below
                  ACT-R&apos;s usual recall decay of 0.5, and the logistic needs a large noise (s ={' '}
                  {f(fits.actr.params.s, 2)}) to be as flat as the data: savings fall much more
                  slowly than recall does.
                </li>
              )}
              <li>
                With one study, only τ/<i>d</i> and <i>s</i>/<i>d</i> matter: scaling d, τ and s by
                the same factor leaves every P unchanged. &ldquo;Fit τ and s&rdquo; therefore fits
                at d = 0.5 and scales the result to your d, with the same error.
              </li>
            </ul>
          </>
        )}
      </LazyHelp>
    </>
  );
}
