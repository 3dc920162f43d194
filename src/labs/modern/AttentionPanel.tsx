/** The attention p = softmax(beta' X^T xi): top matches, the largest weights, mass per class, energy per step. */
import { useMemo } from 'react';
import { LineChart } from '../../ui/LineChart';
import { signedImage } from '../../data/mnist';
import { GrayImage } from '../../ui/GrayImage';
import { YOURS } from './pool';
import { digitName } from './words';
import { useLabContext, useLabFields } from './useLab';

function Bars({
  values,
  labels,
  title,
  testId,
  height = 90,
}: {
  values: number[];
  labels?: string[];
  title: string;
  testId?: string;
  height?: number;
}) {
  const w = 100 / Math.max(1, values.length);
  return (
    <figure className="mh-bars" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" role="img" aria-label={title}>
        <line x1="0" x2="100" y1={height} y2={height} className="mh-axis" />
        {values.map((v, i) => (
          <rect
            key={i}
            x={i * w + w * 0.12}
            width={w * 0.76}
            y={height - v * height}
            height={Math.max(0, v * height)}
          >
            <title>{`${labels?.[i] ?? `#${i + 1}`}: ${v.toFixed(4)}`}</title>
          </rect>
        ))}
      </svg>
      {labels && (
        <div className="mh-bar-labels" aria-hidden="true">
          {labels.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
      )}
    </figure>
  );
}

export function AttentionPanel() {
  const ctx = useLabContext();
  const { retrieval: r, truthPos } = useLabFields('retrieval', 'truthPos');
  const set = ctx.runner.pool;
  const thumbs = useMemo(
    // While a new pool is being stored, the last retrieval may name an image no longer in it.
    () =>
      set && r ? r.top.map((m) => (m.item < set.count ? signedImage(set, m.item) : null)) : [],
    [set, r],
  );
  const energy = useMemo(
    () => [{ name: 'E(ξ)', values: r?.energy.map((y, x) => ({ x, y })) ?? [] }],
    [r],
  );
  if (!r)
    return (
      <section className="panel mh-attention" data-panel="attention">
        Waiting for the first retrieval…
      </section>
    );
  return (
    <section className="panel mh-attention" data-panel="attention" aria-labelledby="mh-att-h">
      <h2 id="mh-att-h">Attention of the current state</h2>
      <p className="small muted">
        p = softmax(β′ Xᵀξ): how much each stored digit counts in the next update. Effective number
        of digits 1/Σp² ={' '}
        <strong data-testid="neff">{r.nEff < 10 ? r.nEff.toFixed(2) : Math.round(r.nEff)}</strong>,
        top weight <strong data-testid="top-weight">{r.maxWeight.toFixed(3)}</strong>.
      </p>
      <ol className="mh-top" aria-label="Top matches">
        {r.top.map((m, i) => (
          <li key={m.pos} className={m.pos === truthPos ? 'mh-own' : undefined}>
            <GrayImage
              values={thumbs[i]}
              size={52}
              label={`Stored digit #${m.pos}, ${digitName(m.label)}`}
            />
            <span>
              #{m.pos} · {digitName(m.label)}
              <br />
              <strong>{m.weight < 0.001 ? m.weight.toExponential(1) : m.weight.toFixed(3)}</strong>
              {m.pos === truthPos && <span className="mh-tag"> own</span>}
            </span>
          </li>
        ))}
      </ol>
      <div className="mh-charts">
        <Bars
          values={r.sorted}
          title={`The ${r.sorted.length} largest weights, sorted`}
          testId="weights"
        />
        <Bars
          values={r.classMass}
          labels={r.classMass.map((_, c) => (c === YOURS ? 'yours' : String(c)))}
          title="Attention per class (sum of the weights)"
          testId="class-mass"
        />
      </div>
      <LineChart
        series={energy}
        xLabel="update"
        yLabel="energy E"
        height={180}
        title="Energy per step: E = −(1/β′) log Σ exp(β′ xᵢ·ξ) + ½ ξ·ξ"
        testId="energy-chart"
      />
    </section>
  );
}
