/** The Human memory lab (#/human): free recall with CMR, next to the visitor's own memory. */
import { runCommand, shortcutRows } from '../../engine/commands';
import { LabMessages } from '../../ui/LabMessages';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { COMMANDS } from './commands';
import { makeLab } from './lab';
import { SECTIONS, type LabSection } from './sections';
import { LabRoot, useLab, useLabContext } from './useLab';
import './human.css';

const SHORTCUTS = shortcutRows(COMMANDS);

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

/** Jumps to a section (buttons, not #anchors: the hash holds the route). */
function SectionNav({ sections }: { sections: readonly LabSection[] }) {
  return (
    <nav className="hm-nav" aria-label="Sections of this lab">
      <ol>
        {sections.map((s, i) => (
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

export default function HumanLab({ query }: { query: string }) {
  return (
    <LabRoot make={() => makeLab(query)} className="hm-lab">
      <header className="lab-intro">
        <h1>Human memory</h1>
        <p>
          How do people remember a list of words? The context maintenance and retrieval model (CMR;
          Polyn, Norman &amp; Kahana 2009) says: each word is bound to a slowly drifting mental
          context, and recall uses the context as a cue. Every curve here is computed by CMR as you
          watch, and in the memory game your own recalls are scored the same way.
        </p>
      </header>
      <Messages />
      <SectionNav sections={SECTIONS} />
      {SECTIONS.map(({ id, title, Component }, i) => (
        <section key={id} id={id} className="panel hm-section" aria-labelledby={`${id}-h`}>
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
