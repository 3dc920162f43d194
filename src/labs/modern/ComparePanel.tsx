/**
 * Classic vs modern side by side on the same binarised digits and the same
 * cue, and the sweep of accuracy against the number stored.
 */
import { useMemo, useState } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { Button } from '../../ui/Controls';
import { LineChart } from '../../ui/LineChart';
import { ProgressBar } from '../../ui/ProgressBar';
import { Thumbnail } from '../../ui/Thumbnail';
import { createRng } from '../../core/random';
import {
  binaryCue,
  buildNetworks,
  compareOnce,
  METHOD_LABEL,
  METHODS,
  type Method,
} from '../../models/modern/classicVsModern';
import { row } from '../../core/pattern';
import { COMMANDS, type CompareChange } from './commands';
import { binaryDigits } from './compare';
import { SettingSelect, SettingSlider } from './SettingControls';
import { GrayImage } from '../../ui/GrayImage';
import { useLab, useLabContext, useLabShallow } from './useLab';

export function ComparePanel() {
  const ctx = useLabContext();
  const s = useLabShallow((s) => ({
    k: s.compareK,
    cue: s.compareCue,
    amount: s.compareAmount,
    classes: s.classes,
    seed: s.seed,
    beta: s.beta,
    scale: s.scale,
    ready: s.status === 'ready',
  }));
  const [target, setTarget] = useState(0);
  const setCompare = (change: CompareChange) => runCommand(COMMANDS.setCompare, ctx, change);
  const set = ctx.runner.set;
  const digits = useMemo(
    () => (set && s.ready ? binaryDigits(set, s.k, s.classes, s.seed) : null),
    [set, s.ready, s.k, s.classes, s.seed],
  );
  const nets = useMemo(() => (digits ? buildNetworks(digits.x) : null), [digits]);
  const t = digits ? target % digits.x.n : 0;
  const result = useMemo(() => {
    if (!digits || !nets) return null;
    const rng = createRng(s.seed * 977 + t);
    const cue = binaryCue(row(digits.x, t), 28, s.cue, s.amount, rng);
    return { cue, r: compareOnce(nets, t, cue, { beta: s.beta, scale: s.scale }, rng) };
  }, [digits, nets, t, s.cue, s.amount, s.beta, s.scale, s.seed]);

  return (
    <section className="panel mh-compare" data-panel="compare" aria-labelledby="mh-cmp-h">
      <h2 id="mh-cmp-h">Classic vs modern, on the same binarised digits and cue</h2>
      <p className="small muted">
        Both networks store the same {digits?.x.n ?? s.k} digits binarised to ±1 (ink ≥ half → +1).
        A ±1 network has no “unknown” value, so here a hidden pixel is set to −1 (off) for both. The
        classic networks recall with asynchronous updates until nothing flips; the modern one uses
        the β above.
      </p>
      <div className="mh-cmp-controls">
        <SettingSlider name="compareK" onChange={(v) => setCompare({ compareK: Math.round(v) })} />
        <SettingSelect name="compareCue" onChange={(v) => setCompare({ compareCue: v })} />
        <SettingSlider name="compareAmount" onChange={(v) => setCompare({ compareAmount: v })} />
        <Button onClick={() => setTarget((x) => x + 1)}>Next digit</Button>
      </div>
      {result && digits && (
        <div className="mh-cmp-row" data-testid="compare-row">
          <figure>
            <Thumbnail
              width={28}
              height={28}
              cells={row(digits.x, t)}
              size={96}
              label="Stored digit"
            />
            <figcaption>Stored #{t}</figcaption>
          </figure>
          <figure>
            <Thumbnail
              width={28}
              height={28}
              cells={result.cue}
              size={96}
              label="The ±1 cue both networks get"
            />
            <figcaption>Cue</figcaption>
          </figure>
          {METHODS.map((m) => (
            <Outcome key={m} method={m} res={result.r[m]} />
          ))}
        </div>
      )}
      <Sweep />
    </section>
  );
}

function Outcome({ method, res }: { method: Method; res: ReturnType<typeof compareOnce>[Method] }) {
  if (!res) {
    return (
      <figure>
        <div className="mh-image mh-empty" style={{ width: 96, height: 96 }}>
          cannot store these (linearly dependent)
        </div>
        <figcaption>{METHOD_LABEL[method]}</figcaption>
      </figure>
    );
  }
  const verdict = res.exact
    ? 'exact ✓'
    : res.correct
      ? 'nearest is the right digit'
      : `wrong: nearest is #${res.nearest}`;
  return (
    <figure data-testid={`compare-${method}`} data-correct={res.correct}>
      {method === 'modern' ? (
        <GrayImage values={res.state} size={96} label={`${METHOD_LABEL[method]} result`} />
      ) : (
        <Thumbnail
          width={28}
          height={28}
          cells={res.state as Int8Array}
          size={96}
          label={`${METHOD_LABEL[method]} result`}
        />
      )}
      <figcaption>
        {METHOD_LABEL[method]}
        <br />
        <span className={res.correct ? 'mh-ok' : 'mh-bad'}>{verdict}</span>
      </figcaption>
    </figure>
  );
}

function Sweep() {
  const ctx = useLabContext();
  const sw = useLab((s) => s.sweep);
  const series = useMemo(
    () =>
      (['modern', 'hebbian', 'pseudoinverse'] as const).map((m) => ({
        name: METHOD_LABEL[m],
        values: (sw?.points ?? []).flatMap((p) =>
          p.accuracy[m] === null ? [] : [{ x: p.stored, y: p.accuracy[m]! }],
        ),
        dashed: m === 'pseudoinverse',
      })),
    [sw],
  );
  return (
    <div className="mh-sweep">
      <h3 className="small-heading">Accuracy against the number stored</h3>
      <div className="mh-row">
        <CommandButton command={COMMANDS.runSweep} ctx={ctx} testId="sweep-run" />
        {sw?.running && <CommandButton command={COMMANDS.cancelSweep} ctx={ctx} />}
      </div>
      {sw && (
        <>
          {sw.running && <ProgressBar value={sw.done / sw.total} label="Sweep" />}
          <LineChart
            series={series}
            xLabel="digits stored (K)"
            yLabel="share retrieved"
            logX
            yDomain={[0, 1]}
            height={220}
            testId="sweep-chart"
          />
          <p className="small muted">
            Retrieved = the stored digit nearest to the final state is the cue’s own. {sw.caption}.
            {!sw.running && sw.done < sw.total && ' Cancelled before the end.'}
          </p>
        </>
      )}
    </div>
  );
}
