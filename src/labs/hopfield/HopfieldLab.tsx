import { useState } from 'react';
import { runCommand, shortcutRows } from '../../engine/commands';
import { Button } from '../../ui/Controls';
import { LabMessages } from '../../ui/LabMessages';
import { Notice } from '../../ui/Notice';
import { LabLessons } from '../../ui/LabPage';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { BatchTest } from './BatchTest';
import { CheckerboardDemo } from './CheckerboardDemo';
import { COMMANDS } from './commands';
import { InsightPanel } from './InsightPanel';
import { makeLab } from './lab';
import { MemoryPanel } from './MemoryPanel';
import { PLACED_SOURCES } from './MessagesFrom';
import { NetworkPanel } from './NetworkPanel';
import { backupStorage } from './persistence';
import { RecallPanel } from './RecallPanel';
import { CLASSIC_LESSONS } from './lesson';
import { LabRoot, useLab, useLabContext } from './useLab';
import { WeightsPanel } from './WeightsPanel';
import './hopfield.css';

/** The Classic Hopfield lab (#/hopfield). */
export default function HopfieldLab({ query }: { query: string }) {
  return (
    <LabRoot make={() => makeLab(query)} className="hf-lab">
      <header className="lab-intro">
        <h1>Classic Hopfield network</h1>
        <p>
          A Hopfield network stores patterns in its weights and recalls one from a damaged cue by
          rolling downhill in energy. Draw or pick a pattern and <strong>store</strong> it (store a
          few), <strong>corrupt</strong> the grid, then press <strong>recall</strong> and watch the
          units settle.
        </p>
      </header>
      <Messages />
      <LabLessons
        useCtx={useLabContext}
        lab="/hopfield"
        lessons={CLASSIC_LESSONS}
        yours="your stored patterns, your grid and your settings"
      />
      <div className="hf-grid lab-panels">
        <NetworkPanel />
        <RecallPanel />
        <MemoryPanel />
        <InsightPanel />
      </div>
      <WeightsPanel />
      <BatchTest />
      <CheckerboardDemo />
      <ShortcutHelp rows={shortcutRows(COMMANDS)}>
        <li>
          On the grid: arrows move, <kbd>Space</kbd> toggles a unit, <kbd>Shift</kbd>+arrows paint
          while moving.
        </li>
      </ShortcutHelp>
    </LabRoot>
  );
}

/** The lab's messages, and the offer to restore patterns a shared link set aside. */
function Messages() {
  const ctx = useLabContext();
  const all = useLab((s) => s.messages);
  // A message a control caused shows beside that control (MessagesFrom), not up here.
  const messages = all.filter((m) => !m.source || !PLACED_SOURCES.has(m.source));
  const [backup, setBackup] = useState(() => backupStorage.load().value);
  return (
    <LabMessages
      messages={messages}
      onDismiss={(id) => runCommand(COMMANDS.dismissMessage, ctx, id)}
    >
      {backup && (
        <Notice kind="info" onDismiss={() => setBackup(null)}>
          You have {backup.names.length} pattern{backup.names.length === 1 ? '' : 's'} set aside
          from before you opened a link.{' '}
          <Button
            onClick={() => {
              runCommand(COMMANDS.restorePatterns, ctx);
              setBackup(null);
            }}
            title={COMMANDS.restorePatterns.help}
          >
            {COMMANDS.restorePatterns.label}
          </Button>
        </Notice>
      )}
    </LabMessages>
  );
}
