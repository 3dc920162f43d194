/** Part 2, section 2, "Spacing": a schedule the visitor builds, and the best gap between two sessions. */
import { useMemo } from 'react';
import { runCommand } from '../../../engine/commands';
import { PAVLIK_ANDERSON_2005, SPACING_DEFAULTS } from '../../../models/human/spacing';
import { CommandButton } from '../../../ui/CommandButton';
import type { ChartMarker } from '../../../ui/chartMath';
import { LineChart, type LineSeries } from '../../../ui/LineChart';
import { TeX } from '../../../ui/Math';
import { ProgressBar } from '../../../ui/ProgressBar';
import { PART2_COMMANDS, SPACING_COMMANDS } from './commands';
import { CheckChips, SettingSlider } from './Part2Controls';
import { RETENTION_NAMES, type RetentionName } from './params';
import {
  CEPEDA_2008,
  formatDays,
  presetSessions,
  RETENTION_LABELS,
  scheduleRecall,
  SWEEP_GAPS_DAYS,
} from './spacingView';
import { Timeline } from './Timeline';
import { LazyHelp } from './LazyHelp';
import { usePart2, usePart2Context, usePart2Fields } from './useLab';

/** One [0, 1] for the charts' y axis (a new array each render would redraw the axes). */
const Y01 = [0, 1] as const;

const COLORS: Record<RetentionName, string> = {
  '10min': '#6a3d9a',
  '1h': '#ff7f00',
  '1d': '#1a7f37',
  '1w': '#2457c5',
  '1m': '#b2182b',
  '1y': '#222222',
};
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

function ScheduleControls() {
  const ctx = usePart2Context();
  return (
    <div className="hm-controls">
      <div className="hm-buttons" role="group" aria-label="Presets">
        <CommandButton command={SPACING_COMMANDS.presetMassed} ctx={ctx} testId="preset-massed" />
        <CommandButton command={SPACING_COMMANDS.presetEven} ctx={ctx} testId="preset-even" />
        <CommandButton
          command={SPACING_COMMANDS.presetExpanding}
          ctx={ctx}
          testId="preset-expanding"
        />
      </div>
      <SettingSlider name="studyPeriod" step={0.5} log format={(v) => `${v} d`} />
      <div className="hm-buttons">
        <CommandButton command={SPACING_COMMANDS.addSession} ctx={ctx} testId="add-session" />
        <CommandButton command={SPACING_COMMANDS.removeSession} ctx={ctx} testId="remove-session" />
      </div>
      <p className="small muted">
        Drag a session (circle) or the test (flag) along the timeline, or focus one with Tab and
        move it with ← →; Shift moves it ten times further, Delete removes a session.
      </p>
    </div>
  );
}

function ScheduleView() {
  const {
    sessions,
    testAt,
    studyPeriod: period,
  } = usePart2Fields('sessions', 'testAt', 'studyPeriod');
  const recall = useMemo(() => scheduleRecall(sessions, testAt), [sessions, testAt]);
  const last = sessions[sessions.length - 1];
  const retention = testAt - last;
  const compare = useMemo(() => {
    const n = Math.max(2, sessions.length);
    return (['massed', 'even', 'expanding'] as const).map((kind) => {
      const times = presetSessions(kind, n, period);
      return {
        kind,
        p: scheduleRecall(times, times[times.length - 1] + Math.max(retention, 0.001)).probability,
      };
    });
  }, [sessions.length, period, retention]);
  return (
    <div className="ui-views">
      <Timeline probability={recall.probability} />
      <p className="h2-big" data-testid="spacing-recall" aria-live="polite">
        P(recall) at the test: <strong>{recall.probability.toFixed(3)}</strong>
        <span className="small muted">
          {' '}
          (activation {Number.isFinite(recall.activation)
            ? recall.activation.toFixed(3)
            : '−∞'}, {formatDays(Math.max(retention, 0))} after the last session
          {recall.ignored > 0 && `; ${recall.ignored} session(s) after the test do not count`})
        </span>
      </p>
      <table className="h2-table" data-testid="session-table">
        <thead>
          <tr>
            <th scope="col">session</th>
            <th scope="col">at</th>
            <th scope="col">
              activation just before, <i>m</i>
              <sub>j−1</sub>
            </th>
            <th scope="col">
              its decay, <i>d</i>
              <sub>j</sub>
            </th>
          </tr>
        </thead>
        <tbody>
          {recall.counted.map((p, j) => (
            <tr key={j}>
              <td>{j + 1}</td>
              <td>{formatDays(p.time)}</td>
              <td>{Number.isFinite(p.activationBefore) ? p.activationBefore.toFixed(3) : '−∞'}</td>
              <td>{p.decay.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small" data-testid="preset-compare">
        The same {Math.max(2, sessions.length)} sessions over {period} days, tested{' '}
        {formatDays(Math.max(retention, 0.001))} after the last:{' '}
        {compare.map((c, i) => (
          <span key={c.kind}>
            {i > 0 && ', '}
            {c.kind === 'even' ? 'evenly spaced' : c.kind} {c.p.toFixed(3)}
          </span>
        ))}
        .
      </p>
    </div>
  );
}

function GapSweepView() {
  const ctx = usePart2Context();
  const {
    gapSweep: sweep,
    retentions: chosen,
    crossover,
  } = usePart2Fields('gapSweep', 'retentions', 'crossover');
  const series = useMemo<LineSeries[]>(
    () =>
      sweep.rows.map((r) => ({
        name: `tested ${RETENTION_LABELS[r.retention]} later`,
        values: SWEEP_GAPS_DAYS.map((g, i) => ({ x: g, y: r.recall[i] })),
        color: COLORS[r.retention],
      })),
    [sweep.rows],
  );
  const markers = useMemo<ChartMarker[]>(
    () => sweep.rows.map((r) => ({ x: r.bestGap, y: r.bestRecall, label: formatDays(r.bestGap) })),
    [sweep.rows],
  );
  const crossSeries = useMemo<LineSeries[]>(
    () =>
      crossover
        ? [{ name: 'one-day gap minus massed', values: crossover.curve, color: '#1a7f37' }]
        : [],
    [crossover],
  );
  const crossMarkers = useMemo<ChartMarker[]>(
    () => [
      { y: 0, label: 'no difference' },
      ...(crossover?.days ? [{ x: crossover.days, label: formatDays(crossover.days) }] : []),
    ],
    [crossover],
  );
  const toggle = (r: string) => {
    const next = RETENTION_NAMES.filter((k) =>
      k === r ? !chosen.includes(k) : chosen.includes(k),
    );
    runCommand(PART2_COMMANDS.setSetting, ctx, ['retentions', next]);
  };
  return (
    <div className="ui-two">
      <div className="hm-controls">
        <CheckChips
          legend="Retention intervals"
          testId="retention-chips"
          choices={RETENTION_NAMES.map((r) => ({ value: r, label: RETENTION_LABELS[r] }))}
          chosen={chosen}
          onToggle={toggle}
        />
        {sweep.status === 'running' && (
          <ProgressBar value={sweep.rows.length / Math.max(1, sweep.total)} label="Sweeping gaps" />
        )}
        {crossover?.days && (
          <p data-testid="crossover">
            <strong>The crossover:</strong> massed study beats a one-day gap when the test comes
            less than {formatDays(crossover.days)} after the second session; after that the gap
            wins.
          </p>
        )}
      </div>
      <div className="ui-views">
        <LineChart
          series={series}
          markers={markers}
          xLabel="gap between the two sessions (days)"
          yLabel="P(recall) at test"
          logX
          yDomain={Y01}
          height={300}
          title="Two sessions: recall against the gap between them (circles: the best gap)"
          testId="gap-sweep"
        />
        <GapTable />
        <LineChart
          series={crossSeries}
          markers={crossMarkers}
          xLabel="retention interval (days)"
          yLabel="ΔP (percentage points)"
          logX
          height={200}
          title="Spaced (one day apart) minus massed, against the retention interval"
          testId="crossover-chart"
        />
      </div>
    </div>
  );
}

function GapTable() {
  const sweep = usePart2((s) => s.gapSweep);
  if (sweep.rows.length === 0) return null;
  return (
    <table className="h2-table" data-testid="gap-table">
      <thead>
        <tr>
          <th scope="col">tested after</th>
          <th scope="col">best gap</th>
          <th scope="col">gap / interval</th>
          <th scope="col">P, best gap</th>
          <th scope="col">P, massed</th>
          <th scope="col">Cepeda et al. 2008</th>
        </tr>
      </thead>
      <tbody>
        {sweep.rows.map((r) => {
          const ref = CEPEDA_2008[r.retention];
          return (
            <tr key={r.retention}>
              <td>{RETENTION_LABELS[r.retention]}</td>
              <td>{formatDays(r.bestGap)}</td>
              <td>{pct(r.ratio)}</td>
              <td>{r.bestRecall.toFixed(3)}</td>
              <td>{r.massed.toFixed(3)}</td>
              <td>{ref ? `${pct(ref[0])}–${pct(ref[1])}` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Whether each value is above (or below) the one before. */
const monotone = (xs: number[], up: boolean) =>
  xs.every((v, i) => i === 0 || (up ? v > xs[i - 1] : v < xs[i - 1]));

function Comparison() {
  const sweep = usePart2((s) => s.gapSweep);
  if (sweep.status !== 'done' || sweep.rows.length < 2) return null;
  const rows = sweep.rows;
  const grows = monotone(
    rows.map((r) => r.bestGap),
    true,
  );
  const shrinks = monotone(
    rows.map((r) => r.ratio),
    false,
  );
  const week = rows.find((r) => r.retention === '1w');
  const year = rows.find((r) => r.retention === '1y');
  const inRange = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  return (
    <p data-testid="cepeda-comparison">
      <strong>Against Cepeda et al. (2008).</strong> In their study more than 1,300 people learned
      facts in two sessions and were tested up to 350 days later; the best gap grew with the
      retention interval while its share of the interval shrank: about 20–40 % of a one-week
      interval, 5–10 % of a one-year one. Here, over the intervals chosen, the best gap{' '}
      {grows ? 'grows' : 'does not always grow'} with the interval and its share{' '}
      {shrinks ? 'shrinks' : 'does not always shrink'}
      {week &&
        `; the one-week share, ${pct(week.ratio)}, is ${inRange(week.ratio, CEPEDA_2008['1w']!) ? 'inside' : 'outside'} their range`}
      {year &&
        `; the one-year share, ${pct(year.ratio)} (a best gap of ${formatDays(year.bestGap)}), is ${inRange(year.ratio, CEPEDA_2008['1y']!) ? 'inside their range' : year.ratio > CEPEDA_2008['1y']![1] ? 'above their 5–10 %: the model spaces too widely for long intervals' : 'below their range'}`}
      .
    </p>
  );
}

export function SpacingSection() {
  return (
    <>
      <p>
        Study the same thing three times: all at once, or spread out? Pavlik &amp; Anderson (2005)
        made ACT-R&apos;s decay depend on the item&apos;s activation at the moment of study: a
        session made while the item is still strong fades fast, so cramming helps for a test soon
        after and spacing wins for a test long after. Place the sessions and the test yourself.
      </p>
      <div className="h2-formulas">
        <TeX tex="A(t) = \ln \sum_j (t - t_j)^{-d_j}" display />
        <TeX tex="d_j = c\, e^{m_{j-1}} + a" display />
      </div>
      <div className="ui-two h2-views-first">
        <ScheduleControls />
        <ScheduleView />
      </div>
      <h3>Two sessions: how far apart?</h3>
      <GapSweepView />
      <Comparison />
      <LazyHelp title="Conventions, and where the model departs from the data">
        {() => (
          <>
            <ul>
              <li>
                <i>m</i>
                <sub>j−1</sub> is the activation just before session j (from the sessions before it;{' '}
                <i>m</i>
                <sub>0</sub> = −∞, so <i>d</i>
                <sub>1</sub> = <i>a</i>
                ). <i>c</i> = {PAVLIK_ANDERSON_2005.c} and <i>a</i> = {PAVLIK_ANDERSON_2005.a}
                are Pavlik &amp; Anderson&apos;s fit, with ages in seconds, so the model runs in
                seconds and the page shows days.
              </li>
              <li>
                The threshold τ = {SPACING_DEFAULTS.tau.toFixed(3)} and noise <i>s</i> ={' '}
                {SPACING_DEFAULTS.s.toFixed(3)} are our calibration, not their fit: one study is
                recalled with P = 0.95 ten minutes later and 0.5 a day later. They move the recall
                levels, never which schedule is best. Pavlik &amp; Anderson&apos;s scaling of the
                time between sessions is not used: the timeline is clock time.
              </li>
              <li>
                &ldquo;Massed&rdquo; means back to back, 10 s apart. A session at or after the test
                does not count.
              </li>
              <li>
                Over the same study period, evenly spaced and expanding schedules come out close
                (the comparison under the timeline): the model does not favour expanding schedules,
                which study guides often recommend.
              </li>
              <li>
                At a very short retention interval the best gap is a few minutes and the differences
                are tiny, since recall is near 1 whatever the schedule.
              </li>
            </ul>
          </>
        )}
      </LazyHelp>
    </>
  );
}
