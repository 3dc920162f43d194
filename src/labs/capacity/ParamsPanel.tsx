/**
 * The chosen experiment's settings, one control per parameter of its table
 * (the same names as the command-line flags), the engine, and Run / Cancel
 * with the progress bar.
 */
import { useId } from 'react';
import type { ParamSpec } from '../../core/params';
import { isEnabled, runCommand } from '../../engine/commands';
import { parseParam } from '../../models/experiments/params';
import { experimentDef } from '../../models/experiments/registry';
import { CommandButton } from '../../ui/CommandButton';
import { Select } from '../../ui/Controls';
import { InlineMessages } from '../../ui/LabMessages';
import { ProgressBar } from '../../ui/ProgressBar';
import { COMMANDS, settingsValid } from './commands';
import { ENGINE_LABELS } from './params';
import { ENGINE_CHOICES } from './protocol';
import { etaSeconds } from './store';
import {
  useCapacity,
  useCapacityContext,
  useCapacityFields,
  useCapacityShallow,
} from './useCapacity';

const ENGINE_OPTIONS = ENGINE_CHOICES.map((value) => ({
  value,
  label: ENGINE_LABELS[value],
}));

export function ParamsPanel() {
  const ctx = useCapacityContext();
  const experiment = useCapacity((s) => s.experiment);
  const texts = useCapacity((s) => s.texts[s.experiment]);
  const { engine, status } = useCapacityFields('engine', 'status');
  const valid = useCapacity(settingsValid);
  const messages = useCapacity((s) => s.messages);
  const def = experimentDef(experiment)!;
  const run = COMMANDS.run;

  return (
    <section className="panel cap-settings" data-panel="params" aria-labelledby="cap-settings-h">
      <h2 id="cap-settings-h">Settings</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          runCommand(run, ctx);
        }}
      >
        <fieldset disabled={status === 'running'} className="cap-fields">
          {Object.entries(def.params).map(([name, p]) => (
            <ParamField
              key={name}
              name={name}
              def={p}
              text={texts[name] ?? ''}
              onChange={(text) => runCommand(COMMANDS.setParam, ctx, { name, text })}
            />
          ))}
          <Select
            label="Engine"
            value={engine}
            options={ENGINE_OPTIONS}
            onChange={(v) => runCommand(COMMANDS.setEngine, ctx, v)}
            help="All run in a Web Worker, so the page stays responsive. WebAssembly SIMD and typed arrays give the same Hebbian states exactly (integer sums); for an explicit W (Storkey, covariance) SIMD sums in float32 and typed arrays in float64, so a field within rounding of 0 can rarely break a tie the other way."
          />
        </fieldset>
        <div className="cap-actions">
          {/* A submit button, so Enter in a field runs too (the form calls the command). */}
          <button
            type="submit"
            className="ui-button ui-button--primary"
            disabled={!isEnabled(run, ctx) || !valid}
            title={`${run.help} · Shortcut: ${run.key!.toUpperCase()}`}
            aria-keyshortcuts={run.key!.toUpperCase()}
            data-testid="run"
          >
            {run.label}
            <kbd aria-hidden="true">{run.key!.toUpperCase()}</kbd>
          </button>
          <CommandButton command={COMMANDS.cancel} ctx={ctx} testId="cancel" />
        </div>
        <InlineMessages messages={messages} source="run" />
      </form>
      <RunStatus />
    </section>
  );
}

function ParamField({
  name,
  def,
  text,
  onChange,
}: {
  name: string;
  def: ParamSpec<unknown>;
  text: string;
  onChange: (t: string) => void;
}) {
  const id = useId();
  const parsed = parseParam(name, def, text);
  const help = `${id}-help`;
  const label = def.label ?? name;
  if (def.kind === 'enum') {
    return (
      <Select
        label={label}
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
        <legend>{label}</legend>
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
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
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
