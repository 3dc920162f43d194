import { runCommand } from '../../engine/commands';
import type { Rule } from '../../models/classic/hopfield';
import { CommandButton } from '../../ui/CommandButton';
import { Select } from '../../ui/Controls';
import { FileButton } from '../../ui/FileButton';
import { Math as Tex } from '../../ui/Math';
import { Thumbnail } from '../../ui/Thumbnail';
import { COMMANDS } from './commands';
import { MessagesFrom } from './MessagesFrom';
import { PARAMS } from './params';
import { RuleHelp } from './RuleHelp';
import { RuleSettings } from './RuleSettings';
import { capacity } from './theory';
import { useLabContext, useLabFields } from './useLab';

const RULE_OPTIONS: { value: Rule; label: string }[] = [
  { value: 'hebbian', label: 'Hebbian' },
  { value: 'storkey', label: 'Storkey' },
  { value: 'pseudoinverse', label: 'Pseudo-inverse' },
  { value: 'krauth-mezard', label: 'Krauth-Mezard (to a margin)' },
  { value: 'unlearning', label: 'Hebbian + unlearning (dreams)' },
  { value: 'dense-am', label: 'Dense associative memory (xⁿ)' },
];

const RULE_NAME: Record<Rule, string> = {
  hebbian: 'Hebbian',
  storkey: 'Storkey',
  pseudoinverse: 'pseudo-inverse',
  'krauth-mezard': 'Krauth-Mezard',
  unlearning: 'Hebbian before the dreams',
  'dense-am': 'dense memory',
};

/** What the network holds: the rule, the stored patterns, and the load against capacity. */
export function MemoryPanel() {
  const ctx = useLabContext();
  const { rule, size, patterns, target, margin, power } = useLabFields(
    'rule',
    'size',
    'patterns',
    'target',
    'margin',
    'power',
  );
  const d = size * size;
  const n = patterns.length;
  const cap = capacity(rule, d, { margin, power });

  return (
    <section className="panel hf-memory" data-panel="memory" aria-labelledby="hf-memory-title">
      <h2 id="hf-memory-title">Memory</h2>
      <Select
        label={PARAMS.rule.label!}
        value={rule}
        options={RULE_OPTIONS}
        onChange={(v) => runCommand(COMMANDS.setRule, ctx, v)}
      />
      <RuleSettings />
      <RuleHelp rule={rule} />
      <h3 className="small-heading">
        Stored patterns <span className="muted">({n})</span>
      </h3>
      {n === 0 ? (
        <p className="muted small">
          Nothing stored yet. Draw on the grid or pick a preset, then press <kbd>S</kbd>.
        </p>
      ) : (
        <ul className="thumbs" aria-label="Stored patterns">
          {patterns.map((p, i) => (
            <li key={p.id} className={target === i ? 'is-target' : undefined}>
              <Thumbnail
                width={size}
                height={size}
                cells={p.cells}
                size={56}
                label={`Load ${p.name} onto the grid as the cue`}
                selected={target === i}
                onClick={() => runCommand(COMMANDS.loadPattern, ctx, i)}
              />
              <span className="thumb-name">{p.name}</span>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${p.name}`}
                onClick={() => runCommand(COMMANDS.removePattern, ctx, i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="load" data-testid="load-meter">
        <p className="small">
          Load <Tex tex="\alpha = N/D" /> = {n}/{d} = <strong>{(n / d).toFixed(3)}</strong>
        </p>
        <meter min={0} max={cap.retrieval * 1.5} value={n} low={cap.exact} high={cap.retrieval} />
        <ul className="small muted">
          <li>
            Exact recall of all patterns up to <Tex tex={cap.exactFormula} /> ≈{' '}
            {Math.floor(cap.exact)} patterns ({RULE_NAME[rule]}, random patterns).
          </li>
          <li>
            Hebbian retrieval with a few wrong bits up to <Tex tex="0.138\,D" /> ≈{' '}
            {Math.floor(cap.retrieval)}.
          </li>
          <li>Letters and drawings are correlated: they interfere far sooner than random ones.</li>
        </ul>
      </div>
      <div className="row">
        <CommandButton command={COMMANDS.exportPatterns} ctx={ctx} />
        <FileButton
          label={COMMANDS.importPatterns.label}
          title={COMMANDS.importPatterns.help}
          accept="application/json,.json"
          inputLabel="Import patterns from a file"
          inputTestId="import-file"
          onFile={(file) => runCommand(COMMANDS.importPatterns, ctx, file)}
        />
      </div>
      <MessagesFrom source={COMMANDS.importPatterns.id} />
    </section>
  );
}
