/**
 * What this browser keeps of the visitor's work (./keep), and the verbs
 * over it: export the VAE as a file, import one, and "Start over", which
 * asks first in the page (its confirmation replaces the button, and the
 * safe answer, "Keep them", takes the focus).
 */
import { useEffect, useRef } from 'react';
import { isEnabled, runCommand } from '../../engine/commands';
import { FileButton } from '../../ui/FileButton';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS } from './commands';
import { LabButton } from './LabControls';
import type { KeptSummary } from './store';
import { useLab, useLabContext, useLabFields } from './useLab';

const n = (v: number, one: string, many = `${one}s`) =>
  `${v.toLocaleString('en')} ${v === 1 ? one : many}`;

/** The summary line: what is kept, or that nothing is yet. */
export function keptText(kept: KeptSummary | null): string {
  if (!kept) return 'Reading what this browser kept…';
  const parts: string[] = [];
  if (kept.episodes !== null) parts.push(n(kept.episodes, 'stored episode'));
  if (kept.replays !== null) parts.push(n(kept.replays, 'replay'));
  if (kept.model?.origin === 'live')
    parts.push(`the VAE you trained (${n(kept.model.epochs, 'epoch')})`);
  else if (kept.model) parts.push('the VAE you imported');
  const saving = kept.saving ? ' (saving…)' : '';
  if (!parts.length) {
    return `Nothing of yours is kept in this browser yet: stored episodes, replays and a VAE you train or import are kept as you make them.${saving}`;
  }
  return `Kept in this browser: ${parts.join(' · ')}.${saving}`;
}

function ImportButton() {
  const ctx = useLabContext();
  const enabled = useLab(() => isEnabled(COMMANDS.importVae, ctx));
  return (
    <FileButton
      label={COMMANDS.importVae.label}
      title={COMMANDS.importVae.help}
      disabled={!enabled}
      accept=".json,application/json"
      testId="import-vae"
      inputTestId="import-vae-file"
      onFile={(file) => runCommand(COMMANDS.importVae, ctx, file)}
    />
  );
}

function StartOverConfirm() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('[data-testid="start-over-no"]')?.focus();
  }, []);
  return (
    <div
      ref={box}
      className="cl-confirm"
      role="group"
      aria-label="Start over?"
      data-testid="start-over-confirm"
    >
      <p className="small">
        Delete the stored episodes, the replays and the trained VAE this browser keeps for this lab?
        The app&apos;s own VAE comes back, and the settings stay in the link. Export the VAE first
        to keep a copy.
      </p>
      <LabButton command={COMMANDS.confirmStartOver} variant="primary" testId="start-over-yes" />{' '}
      <LabButton command={COMMANDS.cancelStartOver} testId="start-over-no" />
    </div>
  );
}

export function KeepPanel() {
  const {
    kept,
    confirmingStartOver: confirming,
    messages,
  } = useLabFields('kept', 'confirmingStartOver', 'messages');
  return (
    <section
      className="cl-keep"
      aria-label="Your work in this browser"
      data-testid="keep"
      data-panel="keep"
    >
      <p className="small" data-testid="kept-summary" aria-live="polite">
        {keptText(kept)}
      </p>
      <div className="cl-buttons">
        <LabButton command={COMMANDS.exportVae} testId="export-vae" />
        <ImportButton />
        {!confirming && <LabButton command={COMMANDS.startOver} testId="start-over" />}
      </div>
      {confirming && <StartOverConfirm />}
      {['keep', 'importVae', 'exportVae', 'startOver'].map((source) => (
        <InlineMessages key={source} messages={messages} source={source} />
      ))}
    </section>
  );
}
