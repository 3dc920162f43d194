/** Retrieval: cue, retrieved state and truth side by side; beta, the scaling, the steps and the regime. */
import { useMemo } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { Toggle } from '../../ui/Controls';
import { signedImage } from '../../data/mnist';
import { effectiveBeta } from '../../models/modern/modernHopfield';
import { COMMANDS, PRESETS } from './commands';
import { GrayImage } from '../../ui/GrayImage';
import { MiddleNote } from './MiddleNote';
import { digitName, regimeText } from './words';
import { MAX_STEPS } from './runner';
import { fmt, SettingSlider } from './SettingControls';
import { useLab, useLabContext, useLabShallow } from './useLab';

export function RetrievalPanel() {
  const ctx = useLabContext();
  const s = useLabShallow((s) => ({
    beta: s.beta,
    scale: s.scale,
    cue: s.cue,
    item: s.item,
    source: s.source,
    truthPos: s.truthPos,
    n: s.stored.length,
    busy: s.busy,
  }));
  const r = useLab((s) => s.retrieval);
  const set = ctx.runner.pool;
  const truth = useMemo(
    () =>
      set && s.item >= 0 && s.item < set.count && s.source !== 'drawn'
        ? signedImage(set, s.item)
        : null,
    [set, s.item, s.source],
  );
  const b = effectiveBeta(s.beta, 784, s.scale);
  const own = r && s.truthPos !== null && r.nearest.pos === s.truthPos;
  return (
    <section className="panel mh-retrieval" data-panel="retrieval" aria-labelledby="mh-ret-h">
      <h2 id="mh-ret-h">3 · Retrieve</h2>
      <div className="mh-triple">
        <figure>
          <GrayImage values={s.cue} label="The cue" testId="cue-image" />
          <figcaption>Cue ξ₀ (grey: hidden, 0)</figcaption>
        </figure>
        <figure>
          <GrayImage
            values={r?.state ?? null}
            label="The retrieved state"
            testId="retrieved-image"
          />
          <figcaption>
            Retrieved ξ after {r?.steps ?? 0} step{r?.steps === 1 ? '' : 's'}
          </figcaption>
        </figure>
        <figure>
          {truth ? (
            <GrayImage
              values={truth}
              label="The digit the cue was made from"
              testId="truth-image"
            />
          ) : (
            <div className="mh-image mh-empty" style={{ width: 112, height: 112 }}>
              your drawing has no truth
            </div>
          )}
          <figcaption>
            Truth{' '}
            {truth && set
              ? `(${digitName(set.labels[s.item])}, ${s.truthPos !== null ? 'stored' : 'not stored'})`
              : ''}
          </figcaption>
        </figure>
      </div>
      {r && (
        <div
          className={`mh-regime mh-regime--${r.regime}`}
          data-testid="regime"
          data-regime={r.regime}
        >
          {regimeText(r, s.n)}
        </div>
      )}
      {r && (
        <p className="small" data-testid="match">
          Nearest stored digit to ξ: #{r.nearest.pos} ({digitName(r.nearest.label)})
          {s.truthPos !== null
            ? own
              ? ' — the cue’s own digit ✓'
              : ' — not the cue’s own digit ✗'
            : ''}
          {r.cosineTruth !== null && <> · cosine with the truth {r.cosineTruth.toFixed(3)}</>}
          {r.ownWeight !== null && <> · weight on the own digit {fmt(r.ownWeight)}</>}
        </p>
      )}
      <MiddleNote />
      {r && s.truthPos !== null && !own && r.regime !== 'single' && r.steps > 1 && (
        <p className="small muted" data-testid="drift-note">
          The state slid away from the cue, downhill in energy, into a blend that many digits share.
          Press “Back to the cue”, then “Step”, to watch it go one update at a time.
        </p>
      )}
      <div className="mh-row mh-buttons">
        <CommandButton command={COMMANDS.step} ctx={ctx} />
        <CommandButton command={COMMANDS.settle} ctx={ctx} variant="primary" />
        <CommandButton command={COMMANDS.reset} ctx={ctx} />
      </div>
      <p className="small muted" data-testid="step-status">
        {r
          ? r.steps === 0
            ? 'At the cue: no update yet.'
            : r.settled
              ? `Settled: the last update moved no pixel by more than 0.001 (${r.steps} updates, the last one confirming).`
              : `Last update moved a pixel by up to ${r.change.toFixed(3)}${r.steps >= MAX_STEPS ? ` — stopped at ${MAX_STEPS} updates` : ''}.`
          : 'Loading…'}
        {r && r.stepMs > 0 && ` One update took ${r.stepMs.toFixed(1)} ms.`}
        {s.busy && ' Working…'}
      </p>
      <SettingSlider
        name="beta"
        onChange={(v) => runCommand(COMMANDS.setBeta, ctx, Number(v.toPrecision(3)))}
        help={`Logits use β′ = ${s.scale === 'sqrt' ? 'β/√784' : 'β'} = ${fmt(b)}.`}
      />
      <Toggle
        label="Scale the logits by 1/√d (Spens & Burgess)"
        checked={s.scale === 'sqrt'}
        onChange={(on) => runCommand(COMMANDS.setScale, ctx, on ? 'sqrt' : 'none')}
      />
      <div className="mh-presets" role="group" aria-label="Regime presets">
        {PRESETS.map((p) => (
          <CommandButton
            key={p.id}
            command={COMMANDS.applyPreset}
            ctx={ctx}
            arg={p.id}
            label={p.beta === null ? p.label : `${p.label} (β = ${p.beta})`}
            testId={`preset-${p.id}`}
          />
        ))}
      </div>
    </section>
  );
}
