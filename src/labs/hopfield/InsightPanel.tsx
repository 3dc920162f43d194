import { memo } from 'react';
import { LineChart } from '../../ui/LineChart';
import { Math as Tex } from '../../ui/Math';
import { describeVerdict } from './verdict';
import { useLab, useLabFields, useLabShallow } from './useLab';

/** What is happening: the verdict, the energy and Hamming curves, the overlaps. */
export function InsightPanel() {
  const s = useLabShallow((st) => ({
    verdict: st.verdict,
    // Steps change every frame; the verdict only needs them once recall is done.
    doneSteps: st.phase === 'done' ? st.steps : 0,
    patterns: st.patterns,
    target: st.target,
    targetReason: st.targetReason,
    dynamics: st.dynamics,
    capped: st.capped,
    size: st.size,
  }));
  const unit = s.dynamics === 'sync' ? 'steps' : 'sweeps';
  const names = s.patterns.map((p) => p.name);
  const text =
    s.verdict && s.target !== null
      ? describeVerdict(s.verdict, names, s.target, {
          steps: s.doneSteps,
          unit,
          capped: s.capped,
          targetReason: s.targetReason,
        })
      : null;
  return (
    <section className="panel hf-insight" data-panel="insight" aria-labelledby="hf-insight-title">
      <h2 id="hf-insight-title">What is happening</h2>
      <StatusLine unit={unit} target={s.target !== null ? s.patterns[s.target]?.name : undefined} />
      {text && (
        <div className={`verdict verdict-${text.tone}`} data-testid="verdict" role="status">
          <strong>{text.title}</strong>
          <p>{text.detail}</p>
        </div>
      )}
      <Charts unit={unit} d={s.size * s.size} />
      <Overlaps names={names} target={s.target} />
    </section>
  );
}

/** The phase and step count: the one line that changes every frame. */
function StatusLine({ unit, target }: { unit: string; target?: string }) {
  const phase = useLab((s) => s.phase);
  const steps = useLab((s) => +s.steps.toFixed(2));
  return (
    <div className="status-line" data-testid="recall-status" aria-live="polite">
      {phase === 'running'
        ? `Recalling… ${steps} ${unit}`
        : phase === 'paused'
          ? `Paused at ${steps} ${unit}`
          : phase === 'done'
            ? `Stopped after ${steps} ${unit}`
            : phase === 'learning'
              ? 'Learning the weights…'
              : 'Ready: corrupt the cue, then press Recall.'}
      {target !== undefined && <span className="muted"> · target: {target}</span>}
    </div>
  );
}

const Charts = memo(function Charts({ unit, d }: { unit: string; d: number }) {
  const { energy, hammingTrace: ham } = useLabFields('energy', 'hammingTrace');
  if (energy.length === 0) {
    return (
      <p className="muted small chart-hint">
        The energy curve and the distance to the target appear here as recall runs.
      </p>
    );
  }
  return (
    <div className="charts">
      <LineChart
        title="Energy"
        series={[{ name: 'E(s) = −½ sᵀWs', values: energy }]}
        xLabel={unit}
        yLabel="energy"
        height={200}
      />
      <LineChart
        title="Distance to the target"
        series={[{ name: 'Hamming distance', values: ham, color: 'var(--pos, #b2182b)' }]}
        xLabel={unit}
        yLabel="units wrong"
        height={170}
        yDomain={[0, Math.max(d / 2, ...ham.map((p) => p.y)) * 1.25]}
        markers={[{ y: d / 2, label: 'D/2: closer to −ξ above this' }]}
      />
    </div>
  );
});

const Overlaps = memo(function Overlaps({
  names,
  target,
}: {
  names: string[];
  target: number | null;
}) {
  const m = useLab((s) => s.overlaps);
  if (m.length === 0) return null;
  return (
    <div className="overlaps">
      <h3 className="small-heading">
        Overlap with each stored pattern <Tex tex="m_\mu = \tfrac{1}{D}\,\xi^\mu \cdot s" />
      </h3>
      <ul aria-label="Overlaps" data-testid="overlaps">
        {Array.from(m, (v, i) => (
          <li key={i} className={i === target ? 'is-target' : undefined}>
            <span className="ov-name">{names[i]}</span>
            <span className="ov-bar" aria-hidden="true">
              <span
                className={v >= 0 ? 'ov-fill pos' : 'ov-fill neg'}
                style={{ width: `${Math.abs(v) * 50}%`, [v >= 0 ? 'left' : 'right']: '50%' }}
              />
            </span>
            <span className="ov-value">{v.toFixed(2)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
