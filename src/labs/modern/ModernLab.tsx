import { dismiss } from '../../engine/messages';
import { shortcutRows } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { LabMessages } from '../../ui/LabMessages';
import { Notice } from '../../ui/Notice';
import { LabLessons } from '../../ui/LabPage';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { AttentionPanel } from './AttentionPanel';
import { COMMANDS } from './commands';
import { ComparePanel } from './ComparePanel';
import { MODERN_LESSONS } from './lesson';
import { makeLab } from './makeLab';
import { ModernHelp } from './ModernHelp';
import { OwnImagesPanel } from './OwnImagesPanel';
import { RetrievalPanel } from './RetrievalPanel';
import { CuePanel, MemoryPanel } from './SetupPanels';
import { LabRoot, useLab, useLabContext, useLabFields } from './useLab';
import './modern.css';

const SHORTCUTS = shortcutRows(COMMANDS);

/** The Modern Hopfield lab (#/modern). */
export default function ModernLab({ query }: { query: string }) {
  return (
    <LabRoot make={() => makeLab(query)} className="mh-lab">
      <header className="lab-intro">
        <h1>Modern Hopfield network</h1>
        <p>
          A classic Hopfield network forgets correlated images after a handful. A modern one stores
          thousands of real handwritten digits and retrieves one from a fragment in a single step,
          by attention: every stored digit is weighted by how well it matches the cue, and{' '}
          <strong>β</strong> sets how sharply. Hide part of a digit, press <strong>Retrieve</strong>
          , then turn β down and watch the answer blur into a blend.
        </p>
      </header>
      <Messages />
      <LabLessons
        useCtx={useLabContext}
        lab="/modern"
        lessons={MODERN_LESSONS}
        yours="your settings (your own images stay as they are)"
      />
      <Body />
    </LabRoot>
  );
}

function Body() {
  const ctx = useLabContext();
  const { status, loadError: error } = useLabFields('status', 'loadError');
  if (status === 'error') {
    return (
      <Notice kind="error">
        <p>{error}</p>
        <CommandButton command={COMMANDS.retry} ctx={ctx} />
      </Notice>
    );
  }
  if (status === 'loading') {
    return (
      <p className="loading" data-testid="mnist-loading">
        Loading 10,000 MNIST digits (about 1.6 MB) and starting the maths backend…
      </p>
    );
  }
  return (
    <>
      <div className="mh-grid lab-panels">
        <MemoryPanel />
        <CuePanel />
        <RetrievalPanel />
        <AttentionPanel />
      </div>
      <OwnImagesPanel />
      <ModernHelp />
      <ComparePanel />
      <ShortcutHelp rows={SHORTCUTS} />
    </>
  );
}

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return <LabMessages messages={messages} onDismiss={(id) => dismiss(ctx.store, id)} />;
}
