/** The two setup panels: what is stored (Memory) and what the network is given (Cue). */
import { useEffect, useState } from 'react';
import { runCommand } from '../../engine/commands';
import type { CueRegion } from '../../models/modern/imageCue';
import { CommandButton } from '../../ui/CommandButton';
import { Select, Slider } from '../../ui/Controls';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS, type CueChange, type MemoryChange } from './commands';
import { DrawPad } from './DrawPad';
import { ALL_CLASSES, MAX_STORED, MIN_STORED, type CueSource } from './params';
import { useLab, useLabContext, useLabShallow } from './useLab';

/** A value edited live, committed after the visitor pauses (a slider drag stores once). */
function useDebounced(value: number, commit: (v: number) => void, ms = 300) {
  const [local, setLocal] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The store changed (a link, a preset): show its value.
    setSeen(value);
    setLocal(value);
  }
  useEffect(() => {
    if (local === value) return;
    const t = setTimeout(() => commit(local), ms);
    return () => clearTimeout(t);
  }, [local, value, commit, ms]);
  return [local, setLocal] as const;
}

export function MemoryPanel() {
  const ctx = useLabContext();
  const s = useLabShallow((s) => ({
    k: s.k,
    classes: s.classes,
    seed: s.seed,
    stored: s.stored.length,
    storeMs: s.storeMs,
    engine: s.engine,
    loadInfo: s.loadInfo,
  }));
  const messages = useLab((st) => st.messages);
  const setMemory = (change: MemoryChange) => runCommand(COMMANDS.setMemory, ctx, change);
  const [k, setK] = useDebounced(s.k, (v) => setMemory({ k: v }));
  return (
    <section className="panel mh-memory" aria-labelledby="mh-memory-h">
      <h2 id="mh-memory-h">1 · Store digits</h2>
      <Slider
        label="Digits stored (K)"
        value={k}
        min={MIN_STORED}
        max={MAX_STORED}
        step={1}
        log
        format={(v) => Math.round(v).toLocaleString('en')}
        onChange={(v) => setK(Math.round(v))}
      />
      <fieldset className="mh-classes">
        <legend>Classes</legend>
        {ALL_CLASSES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={s.classes.includes(c)}
              onChange={() => runCommand(COMMANDS.toggleClass, ctx, c)}
            />
            {c}
          </label>
        ))}
        <button
          type="button"
          className="mh-link"
          title={COMMANDS.allClasses.help}
          onClick={() => runCommand(COMMANDS.allClasses, ctx)}
        >
          {COMMANDS.allClasses.label}
        </button>
      </fieldset>
      <div className="row">
        <Slider
          label="Seed"
          value={s.seed}
          min={0}
          max={999}
          step={1}
          onChange={(v) => setMemory({ seed: v })}
        />
      </div>
      <InlineMessages messages={messages} source={COMMANDS.setMemory.id} />
      <p className="small muted" data-testid="memory-note">
        {s.stored.toLocaleString('en')} real MNIST digits stored as the rows of X (
        {s.stored.toLocaleString('en')} × 784, scaled to [−1, 1])
        {s.storeMs !== null && <>, stored in {Math.round(s.storeMs)} ms</>}.{' '}
        {s.engine === 'wasm-simd' &&
          'Steps run on WebAssembly SIMD kernels that skip the 8-pixel blocks of pure background: they add nothing to any sum, so the numbers are the same.'}
        {s.engine?.startsWith('tfjs-') &&
          `Steps run as TensorFlow.js matrix products on the ${s.engine.slice(5)} backend.`}
        {s.loadInfo && (
          <>
            {' '}
            The 10,000 digits ({(s.loadInfo.bytes / 1e6).toFixed(2)} MB) loaded in{' '}
            {Math.round(s.loadInfo.ms)} ms.
          </>
        )}
      </p>
    </section>
  );
}

const SOURCES: { value: CueSource; label: string }[] = [
  { value: 'stored', label: 'A stored digit' },
  { value: 'unstored', label: 'A digit NOT stored' },
  { value: 'drawn', label: 'My drawing' },
];
const REGIONS: { value: CueRegion; label: string }[] = [
  { value: 'none', label: 'Nothing hidden' },
  { value: 'bottom', label: 'Bottom rows' },
  { value: 'top', label: 'Top rows' },
  { value: 'square', label: 'A centred square' },
  { value: 'random', label: 'Random pixels' },
];

export function CuePanel() {
  const ctx = useLabContext();
  const s = useLabShallow((s) => ({
    source: s.source,
    region: s.region,
    amount: s.amount,
    noise: s.noise,
  }));
  const drawing = useLab((s) => s.drawing);
  const messages = useLab((s) => s.messages);
  const setCue = (change: CueChange) => runCommand(COMMANDS.setCue, ctx, change);
  return (
    <section className="panel mh-cue" aria-labelledby="mh-cue-h">
      <h2 id="mh-cue-h">2 · Make a cue</h2>
      <Select
        label="Cue from"
        value={s.source}
        options={SOURCES}
        onChange={(source) => setCue({ source })}
      />
      <InlineMessages messages={messages} source={COMMANDS.setCue.id} />
      {s.source !== 'drawn' && <CommandButton command={COMMANDS.another} ctx={ctx} />}
      {s.source === 'drawn' && (
        <DrawPad drawing={drawing} onCommit={(ink) => runCommand(COMMANDS.setDrawing, ctx, ink)} />
      )}
      <Select
        label="Hide"
        value={s.region}
        options={REGIONS}
        onChange={(region) => setCue({ region })}
        help="Hidden pixels are set to 0, unknown (grey), so only the visible pixels vote."
      />
      {s.region !== 'none' && (
        <Slider
          label="Share hidden"
          value={s.amount}
          min={0}
          max={1}
          step={0.05}
          format={(v) => `${Math.round(v * 100)} %`}
          onChange={(amount) => setCue({ amount })}
        />
      )}
      <Slider
        label="Noise σ on visible pixels"
        value={s.noise}
        min={0}
        max={2}
        step={0.05}
        onChange={(noise) => setCue({ noise })}
      />
    </section>
  );
}
