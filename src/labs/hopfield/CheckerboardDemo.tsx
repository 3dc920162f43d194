import { useEffect, useRef, useState } from 'react';
import { LineChart } from '../../ui/LineChart';
import { ProgressBar } from '../../ui/ProgressBar';
import { PatternGrid } from '../../ui/PatternGrid';
import { runCommand } from '../../engine/commands';
import { lessonHash } from '../../engine/lessons';
import { say } from '../../engine/messages';
import { pagePace } from '../../engine/pace';
import type { Dynamics } from '../../models/classic/dynamics';
import { Select } from '../../ui/Controls';
import {
  DEMO_SETTINGS,
  demoSetup,
  runDemoPaced,
  type DemoRun,
  type DemoSetup,
} from './checkerboard';
import { COMMANDS } from './commands';
import { runDemoInWorker, type DemoTask } from './demoClient';
import { useLabContext, useLabFields } from './useLab';

const COLORS: Record<Dynamics, string> = { sync: '#b2182b', async: '#2166ac', stochastic: '#555' };
const label = (r: { rule: string; dynamics: string }) =>
  `${r.rule === 'hebbian' ? 'Hebbian' : 'Storkey'}, ${r.dynamics === 'sync' ? 'synchronous' : 'asynchronous'}`;

/** Hebbian vs Storkey, synchronous vs asynchronous, on one hard cue. */
export function CheckerboardDemo() {
  const ctx = useLabContext();
  const { demoOpen: open, seed, demoLoad: load } = useLabFields('demoOpen', 'seed', 'demoLoad');
  const DEMO = DEMO_SETTINGS[load];
  const d = DEMO.side * DEMO.side;
  const loadText = `α = ${DEMO.randoms + 1}/${d} = ${((DEMO.randoms + 1) / d).toFixed(3)}`;
  const mcText = `D/(2 ln D) = ${(1 / (2 * Math.log(d))).toFixed(3)} D`;
  const pctText = `${Math.round((100 * DEMO.flips) / d)} %`;
  const [runs, setRuns] = useState<DemoRun[]>([]);
  const [setup, setSetup] = useState<DemoSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const cancelled = useRef(false);
  const task = useRef<DemoTask | null>(null);
  useEffect(
    () => () => {
      cancelled.current = true;
      task.current?.cancel();
    },
    [],
  );

  // Learning and recall run in the learning worker (demoClient.ts); where
  // there is none, in chunks on the page's pace. Either way no long task:
  // the patterns for the cue are drawn in a task of their own.
  const start = async () => {
    setBusy(true);
    setRuns([]);
    setDone(0);
    await new Promise((res) => setTimeout(res, 0));
    const s = demoSetup(seed, DEMO);
    setSetup(s);
    const finished: DemoRun[] = [];
    const onRun = (run: DemoRun) => {
      finished.push(run);
      setRuns([...finished]);
    };
    task.current = runDemoInWorker(seed, load, onRun, setDone);
    try {
      if (task.current) await task.current.promise;
      else await runDemoPaced(s, seed, pagePace(), onRun, setDone, () => cancelled.current);
    } catch (e) {
      if (!cancelled.current) say(ctx.store, 'error', e instanceof Error ? e.message : String(e));
    }
    task.current = null;
    if (!cancelled.current) setBusy(false);
  };

  // A one-step lesson (lesson.ts): the demo's memory is scratch, and the visitor's comes back.
  const loadIntoLab = () => {
    window.location.hash = lessonHash(
      '/hopfield',
      'checkerboard',
      1,
      window.location.hash.split('?')[1],
    );
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <details
      className="panel hf-demo"
      data-panel="demo"
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        if (isOpen !== open) runCommand(COMMANDS.openDemo, ctx, isOpen);
      }}
    >
      <summary>
        <h2>Checkerboard demo: Hebbian vs Storkey, synchronous vs asynchronous</h2>
      </summary>
      <p className="small">
        {DEMO.side} × {DEMO.side} units store {DEMO.randoms} random patterns and a checkerboard of{' '}
        {DEMO.square} × {DEMO.square} squares. The cue is the checkerboard with {DEMO.flips}{' '}
        distinct units flipped ({Math.round((100 * DEMO.flips) / DEMO.side ** 2)} %). Each rule
        recalls it synchronously and asynchronously (seed {seed}). Energy scales differ between
        rules (Hebbian uses 1/N, Storkey 1/D), so each rule has its own chart.
      </p>
      <p className="small muted" data-testid="demo-setting-note">
        {load === 'seed'
          ? `The seed project's setting is light (load ${loadText}): recall has room to spare, so the four runs usually all reach the checkerboard and only the energy curves differ. Choose the loaded or the noisy setting to see the rules part.`
          : load === 'loaded'
            ? `Three times the seed's load (${loadText}, against Hebbian's ${mcText} for clean cues): Hebbian's basins have shrunk so much that a cue this far away usually falls into a spurious state instead (the verdicts below say what this seed gives), while Storkey's correction keeps the basin (it recalled the checkerboard both ways at every seed measured for docs/rules.md). Learning Storkey here takes a few seconds.`
            : `The seed's load (${loadText}) with a cue ${pctText} flipped, close to the 50 % where it is as near −ξ as ξ: Hebbian's basin no longer reaches it (it may end in a spurious state, or in the inverted checkerboard), while Storkey's wider basin still does (both ways at every seed measured for docs/rules.md).`}
      </p>
      <div className="row">
        <Select
          label="Setting"
          value={load}
          options={[
            { value: 'seed', label: "The seed's: 50 random patterns" },
            { value: 'loaded', label: 'Loaded: 150 random patterns' },
            { value: 'noisy', label: 'Noisy: 1150 units flipped' },
          ]}
          onChange={(v) => {
            setRuns([]);
            setSetup(null);
            runCommand(COMMANDS.setDemoLoad, ctx, v);
          }}
          disabled={busy}
        />
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={start} disabled={busy}>
          {busy ? 'Running…' : runs.length ? 'Run again' : 'Run the comparison'}
        </button>
        <button type="button" onClick={loadIntoLab} disabled={busy}>
          Load into the lab to animate
        </button>
      </div>
      {busy && <ProgressBar value={done} label="Learning, then the four recalls" />}
      {setup && (
        <div className="demo-body">
          <figure>
            <PatternGrid
              width={DEMO.side}
              height={DEMO.side}
              cells={setup.cue}
              label="The corrupted checkerboard cue"
              size={160}
            />
            <figcaption className="small">the cue</figcaption>
          </figure>
          {(['hebbian', 'storkey'] as const).map((rule) => (
            <LineChart
              key={rule}
              title={`Energy, ${rule === 'hebbian' ? 'Hebbian' : 'Storkey'}`}
              series={runs
                .filter((r) => r.rule === rule)
                .map((r) => ({ name: label(r), values: r.energy, color: COLORS[r.dynamics] }))}
              xLabel="steps (sync) / sweeps (async)"
              yLabel="energy"
              height={200}
            />
          ))}
          <LineChart
            title="Distance to the checkerboard"
            series={runs.map((r) => ({
              name: label(r),
              values: r.hamming,
              color: COLORS[r.dynamics],
              dashed: r.rule === 'storkey',
            }))}
            xLabel="steps (sync) / sweeps (async)"
            yLabel="units wrong"
            height={200}
          />
          <ul className="small demo-verdicts" data-testid="demo-verdicts">
            {runs.map((r) => (
              <li key={label(r)}>
                <strong>{label(r)}</strong>: {r.verdict.outcome.replace('-', ' ')},{' '}
                {r.verdict.hammingToTarget} units wrong after {r.steps}{' '}
                {r.dynamics === 'sync' ? 'steps' : 'sweeps'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
