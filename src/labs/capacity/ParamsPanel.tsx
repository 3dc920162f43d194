/**
 * The chosen experiment's settings, one control per parameter of its table
 * (the same names as the command-line flags), the engine, and Run / Cancel
 * with the progress bar.
 */
import { useId } from 'react';
import { experimentDef } from '../../models/experiments/registry';
import { parseParam, type ParamDef } from '../../models/experiments/params';
import { Button, Select } from '../../ui/Controls';
import { ProgressBar } from '../../ui/ProgressBar';
import { etaSeconds } from './store';
import { useCapacity, useCapacityContext, useCapacityShallow } from './useCapacity';

export function ParamsPanel() {
  const { store, runner } = useCapacityContext();
  const experiment = useCapacity((s) => s.experiment);
  const texts = useCapacity((s) => s.texts[s.experiment]);
  const engine = useCapacity((s) => s.engine);
  const status = useCapacity((s) => s.status);
  const def = experimentDef(experiment)!;
  const running = status === 'running';
  const setText = (name: string, text: string) =>
    store.setState((s) => ({
      texts: { ...s.texts, [experiment]: { ...s.texts[experiment], [name]: text } },
    }));
  const bad = def.params.some((p) => !parseParam(p, texts[p.name] ?? '').ok);

  return (
    <section className="panel cap-settings" aria-labelledby="cap-settings-h">
      <h2 id="cap-settings-h">Settings</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) runner.run();
        }}
      >
        <fieldset disabled={running} className="cap-fields">
          {def.params.map((p) => (
            <ParamField
              key={p.name}
              def={p}
              text={texts[p.name] ?? ''}
              onChange={(t) => setText(p.name, t)}
            />
          ))}
          <Select
            label="Engine"
            value={engine}
            options={[
              { value: 'wasm-simd', label: 'WebAssembly SIMD (fastest)' },
              { value: 'typed-array', label: 'Typed arrays (exact, bit-packed)' },
              { value: 'tfjs', label: 'TensorFlow.js (WASM) in the worker' },
            ]}
            onChange={(v) => store.setState({ engine: v })}
            help="All run in a Web Worker, so the page stays responsive. WebAssembly SIMD and typed arrays give the same Hebbian states exactly (integer sums); for an explicit W (Storkey, covariance) SIMD sums in float32 and typed arrays in float64, so a field within rounding of 0 can rarely break a tie the other way."
          />
        </fieldset>
        <div className="cap-actions">
          <button
            type="submit"
            className="ui-button ui-button--primary"
            disabled={running || bad}
            data-testid="run"
          >
            Run
          </button>
          <Button onClick={() => runner.cancel()} disabled={!running} testId="cancel">
            Cancel
          </Button>
        </div>
      </form>
      <RunStatus />
    </section>
  );
}

function ParamField({
  def,
  text,
  onChange,
}: {
  def: ParamDef;
  text: string;
  onChange: (t: string) => void;
}) {
  const id = useId();
  const parsed = parseParam(def, text);
  const help = `${id}-help`;
  if (def.kind === 'enum') {
    return (
      <Select
        label={def.label}
        value={text}
        options={def.values!.map((c) => ({ value: c, label: c }))}
        onChange={onChange}
        help={def.describe}
      />
    );
  }
  if (def.kind === 'subset') {
    const on = new Set(text.split(',').map((t) => t.trim()));
    return (
      <fieldset className="cap-subset" aria-describedby={help}>
        <legend>{def.label}</legend>
        {def.values!.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={on.has(c)}
              onChange={(e) => {
                const next = def.values!.filter((x) =>
                  x === c ? e.currentTarget.checked : on.has(x),
                );
                onChange(next.join(','));
              }}
            />{' '}
            {c}
          </label>
        ))}
        <div id={help} className={parsed.ok ? 'ui-field-help' : 'ui-field-help error'}>
          {parsed.ok ? def.describe : parsed.error}
        </div>
      </fieldset>
    );
  }
  const numeric = def.kind === 'int' || def.kind === 'float';
  return (
    <div className="ui-field">
      <label htmlFor={id}>{def.label}</label>
      <input
        id={id}
        name={def.name}
        className={numeric ? 'cap-number' : 'cap-list'}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        value={text}
        aria-invalid={!parsed.ok}
        aria-describedby={help}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <div id={help} className={parsed.ok ? 'ui-field-help' : 'ui-field-help error'}>
        {parsed.ok ? def.describe : parsed.error}
      </div>
    </div>
  );
}

function RunStatus() {
  const { status, progress, error, ran, notes } = useCapacityShallow((s) => ({
    status: s.status,
    progress: s.progress,
    error: s.error,
    ran: s.ran,
    notes: s.notes,
  }));
  const frac = progress && progress.total > 0 ? progress.done / progress.total : NaN;
  const engine = ran?.engine;
  return (
    <div className="cap-status" data-testid="run-status" data-status={status}>
      {status === 'running' && (
        <ProgressBar
          value={frac}
          label="Running in a Web Worker"
          etaSeconds={etaSeconds(progress)}
        />
      )}
      {status === 'done' && progress && (
        <p className="small">Done in {(progress.elapsedMs / 1000).toFixed(1)} s.</p>
      )}
      {status === 'cancelled' && (
        <p className="small">Cancelled. The rows that finished are kept.</p>
      )}
      {status === 'error' && error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {engine && (
        <p className="small muted" data-testid="engine-used">
          Engine:{' '}
          {engine === 'wasm-simd'
            ? 'WebAssembly SIMD kernels (exact integers for Hebbian, float32 for W)'
            : engine === 'typed-array'
              ? 'typed arrays (exact integers for Hebbian)'
              : `TensorFlow.js, ${engine.replace('tfjs-', '')} backend`}
          , in a Web Worker.
        </p>
      )}
      {notes.map((n, k) => (
        <p key={k} className="small muted">
          {n}
        </p>
      ))}
    </div>
  );
}
