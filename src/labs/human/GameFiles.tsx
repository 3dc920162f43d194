/**
 * The memory game's rounds as files: export (CSV, JSON), import of a JSON
 * export (picker or drop; checked by ./gameImport before anything changes,
 * then added or put in place of the rounds here after the visitor says
 * which), and clear (asks first). Shown whether or not there are rounds, so
 * a visitor on a new device can bring theirs back.
 */
import type { ReactNode } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { FileDrop, readTextWithin } from '../../ui/FileDrop';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS } from './commands';
import { mergeRounds, MAX_ROUNDS_FILE_BYTES } from './gameImport';
import { useLab, useLabContext, useLabFields } from './useLab';

const rounds = (n: number) => `${n} round${n === 1 ? '' : 's'}`;

/** A question in the page (not a browser dialog) with its answers as buttons. */
function Ask({
  id,
  testId,
  question,
  children,
}: {
  id: string;
  testId: string;
  question: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="hm-confirm" role="alertdialog" aria-labelledby={id} data-testid={testId}>
      <p id={id}>{question}</p>
      <div className="hm-buttons">{children}</div>
    </div>
  );
}

function ClearControl() {
  const ctx = useLabContext();
  const asking = useLab((s) => s.confirmingClear);
  const count = useLab((s) => s.rounds.length);
  if (!asking) return <CommandButton command={COMMANDS.askClear} ctx={ctx} testId="ask-clear" />;
  const question = `Delete all ${rounds(count)} from this device? This cannot be undone (export them first to keep a copy).`;
  return (
    <Ask id="hm-confirm-q" testId="confirm-clear" question={question}>
      <CommandButton command={COMMANDS.confirmClear} ctx={ctx} testId="confirm-clear-yes" />
      <CommandButton command={COMMANDS.cancelClear} ctx={ctx} variant="primary" />
    </Ask>
  );
}

/** "file.json holds 3 rounds (1 of them already here). Add them to your 2 rounds, or replace yours?" */
function ImportConfirm() {
  const ctx = useLabContext();
  const { pendingImport: pending, rounds: here } = useLabFields('pendingImport', 'rounds');
  if (!pending) return null;
  const m = mergeRounds(here, pending.rounds);
  const already = m.already > 0 ? ` (${m.already} of them already here)` : '';
  const question = `${pending.name} holds ${rounds(pending.rounds.length)}${already}. ${
    here.length > 0
      ? `Add ${m.added === 1 ? 'it' : 'them'} to your ${rounds(here.length)}, or replace yours with the file's?`
      : 'Add them?'
  }`;
  return (
    <Ask id="hm-import-q" testId="confirm-import" question={question}>
      <CommandButton command={COMMANDS.importAdd} ctx={ctx} variant="primary" testId="import-add" />
      {here.length > 0 && (
        <CommandButton command={COMMANDS.importReplace} ctx={ctx} testId="import-replace" />
      )}
      <CommandButton command={COMMANDS.cancelImport} ctx={ctx} testId="import-cancel" />
    </Ask>
  );
}

export function GameFiles() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  // The buttons' enabled states read the store when drawn: draw again when the rounds change.
  useLab((s) => s.rounds.length);
  return (
    <div className="hm-files" data-testid="game-files">
      <div className="hm-buttons">
        <CommandButton command={COMMANDS.exportCsv} ctx={ctx} testId="export-csv" />
        <CommandButton command={COMMANDS.exportJson} ctx={ctx} testId="export-json" />
        <ClearControl />
      </div>
      <InlineMessages messages={messages} source="confirmClear" />
      <FileDrop
        label={COMMANDS.importRounds.label}
        title={COMMANDS.importRounds.help}
        accept=".json,application/json"
        testId="import-rounds"
        hint={`Reads a file Export JSON wrote (at most ${MAX_ROUNDS_FILE_BYTES / 1e6} MB); its size and every round are checked before anything changes.`}
        onFile={async (file) =>
          runCommand(COMMANDS.importRounds, ctx, {
            name: file.name,
            size: file.size,
            text: await readTextWithin(file, MAX_ROUNDS_FILE_BYTES),
          })
        }
      />
      <ImportConfirm />
      <InlineMessages messages={messages} source="importRounds" />
    </div>
  );
}
