import { useState } from 'react';
import { GLYPH_NAMES } from '../../data/presets';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { Select } from '../../ui/Controls';
import { PatternGrid } from '../../ui/PatternGrid';
import { COMMANDS } from './commands';
import { MessagesFrom } from './MessagesFrom';
import { useLab, useLabContext, useLabFields } from './useLab';

const PRESETS = [
  { value: '', label: 'Put a preset on the grid…' },
  ...GLYPH_NAMES.map((g) => ({ value: g, label: /\d/.test(g) ? `Digit ${g}` : `Letter ${g}` })),
  { value: 'checkerboard', label: 'Checkerboard' },
  { value: 'random', label: 'Random (50 % on)' },
  { value: 'sparse', label: 'Sparse (10 % on)' },
];

const SIZES = [8, 12, 16, 20, 24, 28, 32, 40, 48, 50, 56, 64];

/** The network's units as a grid the visitor draws on and watches recall in. */
export function NetworkPanel() {
  const ctx = useLabContext();
  const size = useLab((s) => s.size);
  const hasCue = useLab((s) => s.cue !== null);
  const [tool, setTool] = useState<'paint' | 'erase'>('paint');

  return (
    <section className="panel hf-network" data-panel="network" aria-labelledby="hf-network-title">
      <h2 id="hf-network-title">Network state</h2>
      <p className="muted small">
        {size} × {size} = {size * size} units. Draw with mouse, finger or pen (Shift or right button
        erases); arrows and Space draw from the keyboard.
      </p>
      <NetworkGrid tool={tool} />
      {hasCue && (
        <p className="small muted grid-legend">
          <span className="diff-swatch" aria-hidden="true" /> units that differ from the cue recall
          started from
        </p>
      )}
      <div className="row">
        <div role="radiogroup" aria-label="Drawing tool" className="segmented">
          {(['paint', 'erase'] as const).map((t) => (
            <label key={t}>
              <input type="radio" name="hf-tool" checked={tool === t} onChange={() => setTool(t)} />
              {t === 'paint' ? 'Paint' : 'Erase'}
            </label>
          ))}
        </div>
        <CommandButton command={COMMANDS.clear} ctx={ctx} />
      </div>
      <div className="row">
        <Select
          label={COMMANDS.resize.label}
          value={String(size)}
          options={[...new Set([...SIZES, size])]
            .sort((a, b) => a - b)
            .map((n) => ({ value: String(n), label: `${n} × ${n} = ${n * n} units` }))}
          onChange={(v) => runCommand(COMMANDS.resize, ctx, Number(v))}
          help="Changing the size resamples the grid and every stored pattern to the new size."
        />
      </div>
      <div className="row">
        <Select
          label="Preset"
          value=""
          options={PRESETS}
          onChange={(v) => v && runCommand(COMMANDS.loadPreset, ctx, v)}
        />
        <CommandButton command={COMMANDS.store} ctx={ctx} variant="primary" label="Store pattern" />
      </div>
      <MessagesFrom source={COMMANDS.store.id} />
    </section>
  );
}

/**
 * The grid alone subscribes to the per-frame state, so an animation frame
 * repaints the canvas without re-rendering the panel's controls.
 */
function NetworkGrid({ tool }: { tool: 'paint' | 'erase' }) {
  const ctx = useLabContext();
  const { size, state, highlight } = useLabFields('size', 'state', 'highlight');
  const running = useLab((s) => s.phase === 'running');
  const cue = useLab((s) => s.cue);
  const onDraw = (next: Int8Array) => runCommand(COMMANDS.editCells, ctx, next);
  return (
    <PatternGrid
      width={size}
      height={size}
      cells={state}
      onChange={running ? undefined : onDraw}
      label={`Network state, ${size} by ${size} units${running ? ' (recalling)' : ', editable'}`}
      highlight={highlight}
      diff={cue}
      tool={tool}
      size={400}
      testId="network-grid"
    />
  );
}
