/** Section 6: the compressed dataset as one file, out and back in, with the check that it gives the same records. */
import { runCommand } from '../../engine/commands';
import { FileDrop } from '../../ui/FileDrop';
import { InlineMessages } from '../../ui/LabMessages';
import { ProgressBar } from '../../ui/ProgressBar';
import { MAX_IMPORT_BYTES } from './archiveCheck';
import { LabButton } from './LabButton';
import { COMMANDS } from './commands';
import { bytes, thousands } from './format';
import { ParamToggle } from './ParamControls';
import { useLab, useLabContext } from './useLab';

function ImportInput() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <div className="ui-field">
      <FileDrop
        label="Import a file (.engramae)…"
        title={COMMANDS.importFile.help}
        accept=".engramae,application/octet-stream"
        testId="import-file"
        hint="Checked for its size, its shape and whether it compresses the records on this page before anything changes."
        onFile={async (file) => {
          // Over the limit: refused from its size alone, nothing of it is read.
          const bytes =
            file.size > MAX_IMPORT_BYTES
              ? new Uint8Array(0)
              : new Uint8Array(await file.arrayBuffer());
          runCommand(COMMANDS.importFile, ctx, { name: file.name, bytes, size: file.size });
        }}
      />
      <InlineMessages messages={messages} source="importFile" />
    </div>
  );
}

/** The model an import replaced is kept: what it was, and the button that brings it back. */
function Replaced() {
  const kept = useLab((s) => s.replacedModel);
  if (!kept) return null;
  const where = kept.source === 'trained' ? 'trained here' : 'read from a file';
  return (
    <span data-testid="import-replaced">
      {' '}
      The model it replaced, {where} with {kept.bits} bits a record, is kept:{' '}
      <LabButton command={COMMANDS.restoreReplaced} testId="restore-replaced" />
    </span>
  );
}

function ImportResult() {
  const job = useLab((s) => s.importCheck);
  const r = job.result;
  if (job.status === 'running')
    return <ProgressBar value={NaN} label="Reading the file's records back" />;
  if (job.status === 'error') return <p className="error">{job.error}</p>;
  if (!r) return null;
  if (r.problems.length) {
    return (
      <div className="notice notice-warn" data-testid="import-refused">
        <strong>{r.name} was not read</strong> ({bytes(r.bytes)}); nothing changed:
        <ul>
          {r.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div
      className="notice notice-info"
      data-testid="import-check"
      data-identical={String(r.identical)}
    >
      <strong>{r.name}</strong> ({bytes(r.bytes)}
      {r.hasEncoder ? ', with the encoder' : ', decoder only'}) was read back.{' '}
      {r.identical === true ? (
        <span data-testid="import-identical">
          ✓ Its {thousands(r.compared)} values are identical, bit for bit, to the records the model
          on this page gives back.
        </span>
      ) : r.identical === false ? (
        <>
          ✗ {thousands(r.differing)} of its {thousands(r.compared)} values differ from the model on
          this page, so it is another model: it is now the compressed dataset on screen.
          <Replaced />
        </>
      ) : (
        <>
          There was no model on this page to compare it with; it is now the compressed dataset on
          screen.
        </>
      )}
    </div>
  );
}

/** Where the model on screen is also kept (./keep), once it is; and what keeping it said. */
function Kept() {
  const kept = useLab((s) => s.keptInBrowser);
  return kept
    ? ' The model on screen is also kept in this browser: leaving the lab, or reloading with these settings, brings it back.'
    : null;
}

function KeepMessages() {
  const messages = useLab((s) => s.messages);
  return <InlineMessages messages={messages} source="keep" />;
}

export function FileSection() {
  const c = useLab((s) => s.compressed);
  return (
    <>
      <p>
        The compressed dataset is one file: a header with the field schema, the normalisation, the
        decoder's weights at their precision and every record's code (format "ENGRAMAE", described
        in docs/compression-cli.md). Its length is the number the ratio divides by. Read back, it
        gives the same records again.
      </p>
      <div className="cz-row">
        <div className="cz-buttons">
          <LabButton command={COMMANDS.exportFile} variant="primary" testId="export" />
        </div>
        <ParamToggle
          name="exportEncoder"
          label={`Include the encoder${c?.archiveWithEncoderBytes ? ` (${bytes(c.archiveWithEncoderBytes)} in all)` : ''}`}
        />
      </div>
      {c && (
        <p className="small" data-testid="file-note">
          The file: {bytes(c.archiveBytes)} without the encoder.
          <Kept />
        </p>
      )}
      <KeepMessages />
      <ImportInput />
      <ImportResult />
    </>
  );
}
