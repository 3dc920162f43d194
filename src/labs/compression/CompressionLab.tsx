/** The Compression lab (#/compression): a Hopfield autoencoder, measured honestly. */
import type { ComponentType } from 'react';
import { runCommand, shortcutRows } from '../../engine/commands';
import { LabMessages } from '../../ui/LabMessages';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { BytesSection } from './BytesSection';
import { ClaimsSection } from './ClaimsSection';
import { COMMANDS } from './commands';
import { DataSection } from './DataSection';
import { FileSection } from './FileSection';
import { makeLab } from './lab';
import { QuerySection } from './QuerySection';
import { RecallSection } from './RecallSection';
import { TrainSection } from './TrainSection';
import { LabRoot, useLab, useLabContext } from './useLab';
import './compression.css';

const SHORTCUTS = shortcutRows(COMMANDS);

const SECTIONS: { id: string; title: string; Component: ComponentType }[] = [
  { id: 'cz-data', title: 'The records', Component: DataSection },
  { id: 'cz-train', title: 'Train the encoder and decoder', Component: TrainSection },
  { id: 'cz-bytes', title: 'Bytes, honestly', Component: BytesSection },
  { id: 'cz-recall', title: 'Recall under noise', Component: RecallSection },
  { id: 'cz-query', title: 'Corrupt one query', Component: QuerySection },
  { id: 'cz-claims', title: 'The seed’s claims, measured', Component: ClaimsSection },
  { id: 'cz-file', title: 'One file, out and back in', Component: FileSection },
];

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <LabMessages
      messages={messages}
      onDismiss={(id) => runCommand(COMMANDS.dismissMessage, ctx, id)}
    />
  );
}

function SectionNav() {
  return (
    <nav className="cz-nav" aria-label="Sections of this lab">
      <ol>
        {SECTIONS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => {
                const el = document.getElementById(s.id);
                el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                el?.querySelector('h2')?.focus({ preventScroll: true });
              }}
            >
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function CompressionLab({ query }: { query: string }) {
  return (
    <LabRoot make={() => makeLab(query)} className="cz-lab">
      <header className="lab-intro">
        <h1>Hopfield autoencoder</h1>
        <p>
          An encoder turns each record into a binary code of K bits, a Hopfield network stores the
          codes and cleans up a corrupted one, and a decoder turns a code back into a record. A
          project this lab comes from claimed 520× compression with 100 % recall. Here the system is
          built and every one of those numbers is measured, in your browser, on data with real
          structure.
        </p>
      </header>
      <Messages />
      <SectionNav />
      {SECTIONS.map(({ id, title, Component }, i) => (
        <section key={id} id={id} className="panel cz-section" aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`} tabIndex={-1}>
            {i + 1}. {title}
          </h2>
          <Component />
        </section>
      ))}
      <ShortcutHelp rows={SHORTCUTS} />
    </LabRoot>
  );
}
