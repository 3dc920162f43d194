import { useEffect, useMemo, useRef, useState } from 'react';
import { runCommand } from '../../engine/commands';
import { Heatmap } from '../../ui/Heatmap';
import {
  colorLut,
  cssVars,
  divergingColors,
  divergingInterpolator,
  valuesToRgba,
} from '../../ui/scales';
import { COMMANDS } from './commands';
import { useLab, useLabContext, useLabFields } from './useLab';

/**
 * The weight matrix as a heatmap (hover shows w_ij; clicking row i shows unit
 * i's incoming weights laid out on the grid). W is only built while this
 * panel is open: for Hebbian recall it is never needed.
 */
export function WeightsPanel() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="panel hf-weights"
      data-panel="weights"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h2>Weight matrix W</h2>
      </summary>
      {open && <Weights />}
    </details>
  );
}

function Weights() {
  const ctx = useLabContext();
  const { patterns, rule, size } = useLabFields('patterns', 'rule', 'size');
  const selected = useLab((s) => s.selectedUnit);
  const [hover, setHover] = useState<{ i: number; j: number; w: number } | null>(null);
  const d = size * size;
  const { w, error } = useMemo(() => {
    void rule;
    void patterns;
    try {
      const learned = ctx.runner.network();
      return { w: learned ? learned.net.weights() : null, error: null };
    } catch (e) {
      return { w: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ctx, rule, patterns]);
  if (error) return <p className="error">{error}</p>;
  if (!w) return <p className="muted">Store a pattern to see its weights.</p>;
  return (
    <div className="weights">
      <div>
        <Heatmap
          size={d}
          data={w}
          label={`Weight matrix, ${d} by ${d}`}
          pixelSize={360}
          onHover={setHover}
          onSelect={(i) => runCommand(COMMANDS.selectUnit, ctx, i)}
        />
        <p className="small" aria-live="polite" data-testid="weight-hover">
          {hover
            ? `w[${hover.i}, ${hover.j}] = ${hover.w.toFixed(4)}  (unit ${hover.i} is row ${Math.floor(hover.i / size)}, column ${hover.i % size})`
            : 'Hover to read a weight; click a row to see that unit’s incoming weights.'}
        </p>
      </div>
      {selected !== null && selected < d && <IncomingWeights w={w} unit={selected} size={size} />}
    </div>
  );
}

/** Row `unit` of W drawn on the grid: which units push it on (red) or off (blue). */
function IncomingWeights({ w, unit, size }: { w: Float32Array; unit: number; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const d = size * size;
  useEffect(() => {
    const canvas = ref.current;
    const g = canvas?.getContext('2d');
    if (!canvas || !g) return;
    const rowW = w.subarray(unit * d, (unit + 1) * d);
    let max = 0;
    for (let j = 0; j < d; j++) max = Math.max(max, Math.abs(rowW[j]));
    const lut = colorLut(divergingInterpolator(divergingColors(cssVars(canvas))));
    const img = g.createImageData(size, size);
    valuesToRgba(rowW, max, lut, img.data);
    g.putImageData(img, 0, 0);
    // Mark the unit itself.
    g.strokeStyle = '#000';
    g.lineWidth = 0.3;
    g.strokeRect((unit % size) + 0.15, Math.floor(unit / size) + 0.15, 0.7, 0.7);
  }, [w, unit, size, d]);
  return (
    <figure className="incoming">
      <canvas
        ref={ref}
        width={size}
        height={size}
        style={{ width: 200, height: 200, imageRendering: 'pixelated' }}
        role="img"
        aria-label={`Incoming weights of unit ${unit}`}
      />
      <figcaption className="small">
        Incoming weights of unit {unit} (row {Math.floor(unit / size)}, column {unit % size}). Red
        pushes it on, blue pushes it off.
      </figcaption>
    </figure>
  );
}
