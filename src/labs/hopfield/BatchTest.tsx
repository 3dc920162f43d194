import { useState } from 'react';
import { useStore } from 'zustand';
import { backendReady, backendStore } from '../../engine/backendStore';
import { Thumbnail } from '../../ui/Thumbnail';
import { testEveryPattern, type BatchResult } from './batchTest';
import { useLab, useLabContext, useLabFields } from './useLab';

/** Recalls every stored pattern from its own corrupted cue, in one tensor batch. */
export function BatchTest() {
  const ctx = useLabContext();
  const n = useLab((s) => s.patterns.length);
  const { noise, size } = useLabFields('noise', 'size');
  const names = useLab((s) => s.patterns.map((p) => p.name).join('\u0000'));
  const backend = useStore(backendStore, (s) => s.info?.name ?? null);
  const [result, setResult] = useState<(BatchResult & { key: string; size: number }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${names}|${noise}|${size}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await backendReady();
      const learned = ctx.runner.network();
      if (!learned) return;
      const s = ctx.store.getState();
      const r = await testEveryPattern(learned.net, learned.x, s.noise, s.seed);
      setResult({ ...r, key, size: s.size });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const nameList = names.split('\u0000');
  return (
    <details className="panel hf-batch" data-panel="batch">
      <summary>
        <h2>Test every stored pattern at this noise</h2>
      </summary>
      <p className="small">
        Each stored pattern gets its own cue with {Math.round(noise * 100)} % of its units flipped
        (seed from the recall panel); all {n} cues are recalled at once, synchronously, as one batch
        of matrix products on the {backend ?? 'tfjs'} backend.
      </p>
      <button type="button" onClick={run} disabled={busy || n === 0}>
        {busy ? 'Recalling…' : `Recall all ${n}`}
      </button>
      {error && <p className="error">{error}</p>}
      {result && (
        <div data-testid="batch-result">
          <p className={result.key === key ? undefined : 'muted'}>
            <strong>
              {result.recalled} of {result.rows.length}
            </strong>{' '}
            recalled exactly after {result.steps} synchronous step{result.steps === 1 ? '' : 's'} (
            {result.stopped === 'converged'
              ? 'all settled'
              : result.stopped === 'cycle'
                ? 'some rows in a 2-cycle'
                : 'step cap reached'}
            ; {result.ms.toFixed(0)} ms on {result.backend})
            {result.key !== key && ' — settings changed since; run again'}
          </p>
          <ul className="thumbs batch-rows">
            {result.rows.map((r, i) => (
              <li key={i} className={r.exact ? 'ok' : 'bad'}>
                <Thumbnail
                  width={result.size}
                  height={result.size}
                  cells={r.cue}
                  size={44}
                  label={`Cue for ${nameList[i]}`}
                />
                <span aria-hidden="true">→</span>
                <Thumbnail
                  width={result.size}
                  height={result.size}
                  cells={r.final}
                  size={44}
                  label={`Recalled from the cue for ${nameList[i]}: ${r.exact ? 'exact' : `${r.hamming} units wrong`}`}
                />
                <span className="small">{r.exact ? '✓' : `${r.hamming} wrong`}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
