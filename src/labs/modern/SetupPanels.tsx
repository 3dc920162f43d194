/** The two setup panels: what is stored (Memory) and what the network is given (Cue). */
import { useEffect, useMemo, useState } from 'react';
import { runCommand } from '../../engine/commands';
import { BOX, FIELD, inkBox } from '../../models/modern/framing';
import { CommandButton } from '../../ui/CommandButton';
import { Toggle } from '../../ui/Controls';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS, type CueChange, type MemoryChange } from './commands';
import { DrawPad } from './DrawPad';
import { ALL_CLASSES } from './params';
import { SettingSelect, SettingSlider } from './SettingControls';
import { useLab, useLabContext, useLabFields, useLabShallow } from './useLab';

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
    stored: s.stored.length,
    ownStored: s.ownStored,
    storeMs: s.storeMs,
    engine: s.engine,
    loadInfo: s.loadInfo,
  }));
  const messages = useLab((st) => st.messages);
  const setMemory = (change: MemoryChange) => runCommand(COMMANDS.setMemory, ctx, change);
  const [k, setK] = useDebounced(s.k, (v) => setMemory({ k: v }));
  return (
    <section className="panel mh-memory" data-panel="memory" aria-labelledby="mh-memory-h">
      <h2 id="mh-memory-h">1 · Store digits</h2>
      <SettingSlider name="k" value={k} onChange={(v) => setK(Math.round(v))} />
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
        <SettingSlider name="seed" onChange={(v) => setMemory({ seed: v })} />
      </div>
      <InlineMessages messages={messages} source={COMMANDS.setMemory.id} />
      <p className="small muted" data-testid="memory-note">
        {(s.stored - s.ownStored).toLocaleString('en')} real MNIST digits
        {s.ownStored > 0 &&
          ` and ${s.ownStored} of your own image${s.ownStored === 1 ? '' : 's'} (after them)`}{' '}
        stored as the rows of X ({s.stored.toLocaleString('en')} × 784, scaled to [−1, 1])
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

/** The framing toggle and what it does to this drawing (numbers from models/modern/framing). */
function FramingNote() {
  const ctx = useLabContext();
  const { frame, drawing } = useLabFields('frame', 'drawing');
  const box = useMemo(() => inkBox(drawing, 28, 28), [drawing]);
  return (
    <div className="mh-framing">
      <Toggle
        label={COMMANDS.setFrame.label}
        checked={frame}
        onChange={(on) => runCommand(COMMANDS.setFrame, ctx, on)}
      />
      <p className="small muted" data-testid="framing-note">
        {frame
          ? `MNIST's digits were framed this way: the bounding box scaled, aspect kept, to fit ${BOX} × ${BOX} pixels (smoothly resampled), then placed so that the centre of mass is at the centre of the ${FIELD} × ${FIELD} field. Your drawing is framed the same way before it is a cue (the cue image shows what the network gets)`
          : 'Off: the drawing is the cue as drawn, wherever and however large it is on the pad; a dot product with the stored digits rewards ink in the same places, so a small or off-centre digit matches badly'}
        {frame && box
          ? `: its box is ${box.w} × ${box.h} pixels, scaled by ${(BOX / Math.max(box.w, box.h)).toFixed(2)}.`
          : '.'}
      </p>
    </div>
  );
}

export function CuePanel() {
  const ctx = useLabContext();
  const { source, region, drawing, messages } = useLabFields(
    'source',
    'region',
    'drawing',
    'messages',
  );
  const setCue = (change: CueChange) => runCommand(COMMANDS.setCue, ctx, change);
  return (
    <section className="panel mh-cue" data-panel="cue" aria-labelledby="mh-cue-h">
      <h2 id="mh-cue-h">2 · Make a cue</h2>
      <SettingSelect name="source" onChange={(v) => setCue({ source: v })} />
      <InlineMessages messages={messages} source={COMMANDS.setCue.id} />
      {source !== 'drawn' && <CommandButton command={COMMANDS.another} ctx={ctx} />}
      {source === 'drawn' && (
        <>
          <DrawPad
            drawing={drawing}
            onCommit={(ink) => runCommand(COMMANDS.setDrawing, ctx, ink)}
          />
          <FramingNote />
        </>
      )}
      <SettingSelect
        name="region"
        onChange={(v) => setCue({ region: v })}
        help="Hidden pixels are set to 0, unknown (grey), so only the visible pixels vote."
      />
      {region !== 'none' && <SettingSlider name="amount" onChange={(v) => setCue({ amount: v })} />}
      <SettingSlider name="noise" onChange={(v) => setCue({ noise: v })} />
    </section>
  );
}
