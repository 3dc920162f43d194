import { useEffect, useMemo, useState } from 'react';
import { Notice } from '../../ui/Notice';
import { bindShortcuts, mirrorToLink } from '../../engine/labLink';
import { runShortcut, type LabContext } from './commands';
import { CheckerboardDemo } from './CheckerboardDemo';
import { BatchTest } from './BatchTest';
import { InsightPanel } from './InsightPanel';
import { linkQuery, startFromLink } from './link';
import { MemoryPanel } from './MemoryPanel';
import { NetworkPanel } from './NetworkPanel';
import { backupStorage, fromSaved, memoryStorage, toSaved } from './persistence';
import { RecallPanel } from './RecallPanel';
import { Tour } from './Tour';
import { HopfieldRunner } from './runner';
import { createHopfieldStore, dismiss, say } from './store';
import { LabCtx, useLab, useLabContext } from './useLab';
import { WeightsPanel } from './WeightsPanel';
import './hopfield.css';

/** The Classic Hopfield lab (#/hopfield). */
export default function HopfieldLab({ query }: { query: string }) {
  const [ctx] = useState<LabContext>(() => makeLab(query));

  useEffect(() => {
    const { store, runner } = ctx;
    runner.publishOverlaps();
    // Save the memory after every change; mirror the view into the link
    // (not while recall plays: the link keeps the cue it started from).
    const unsave = store.subscribe((s, prev) => {
      if (s.patterns !== prev.patterns || s.size !== prev.size) {
        const err = memoryStorage.save(toSaved(s));
        if (err) say(store, 'warn', `Could not save your patterns in this browser: ${err}`);
      }
    });
    const unlink = mirrorToLink(store, '/hopfield', linkQuery, {
      when: (s) => s.phase !== 'running',
    });
    const unbind = bindShortcuts((key) => runShortcut(ctx, key));
    return () => {
      unsave();
      unlink();
      unbind();
      runner.dispose();
    };
  }, [ctx]);

  return (
    <LabCtx.Provider value={ctx}>
      <div className="hf-lab">
        <header className="lab-intro">
          <h1>Classic Hopfield network</h1>
          <p>
            A Hopfield network stores patterns in its weights and recalls one from a damaged cue by
            rolling downhill in energy. Draw or pick a pattern and <strong>store</strong> it (store
            a few), <strong>corrupt</strong> the grid, then press <strong>recall</strong> and watch
            the units settle.
          </p>
        </header>
        <Messages />
        <Tour />
        <div className="hf-grid">
          <NetworkPanel />
          <RecallPanel />
          <MemoryPanel />
          <InsightPanel />
        </div>
        <WeightsPanel />
        <BatchTest />
        <CheckerboardDemo />
        <Shortcuts />
      </div>
    </LabCtx.Provider>
  );
}

function makeLab(query: string): LabContext {
  const start = startFromLink(query);
  const store = createHopfieldStore(start.init);
  const runner = new HopfieldRunner(store);
  const ctx = { store, runner };
  for (const w of start.warnings) say(store, 'warn', w);
  for (const i of start.infos) say(store, 'info', i);
  if (start.setAside) {
    say(
      store,
      'info',
      'This link brought its own patterns. Yours are set aside in this browser: use “Restore my patterns” to bring them back.',
    );
  }
  return ctx;
}

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  const backup = useMemo(() => backupStorage.load().value, []);
  const [showRestore, setShowRestore] = useState(() => backup !== null);
  return (
    <div className="messages" data-testid="messages">
      {messages.map((m) => (
        <Notice key={m.id} kind={m.kind} onDismiss={() => dismiss(ctx.store, m.id)}>
          {m.text}
        </Notice>
      ))}
      {showRestore && backup && (
        <Notice kind="info" onDismiss={() => setShowRestore(false)}>
          You have {backup.names.length} pattern{backup.names.length === 1 ? '' : 's'} set aside
          from before you opened a link.{' '}
          <button
            type="button"
            onClick={() => {
              ctx.runner.invalidate();
              ctx.store.setState({
                size: backup.size,
                patterns: fromSaved(backup),
                target: null,
                state: new Int8Array(backup.size ** 2).fill(-1),
              });
              backupStorage.clear();
              setShowRestore(false);
              ctx.runner.publishOverlaps();
            }}
          >
            Restore my patterns
          </button>
        </Notice>
      )}
    </div>
  );
}

function Shortcuts() {
  return (
    <details className="panel shortcuts">
      <summary>Keyboard shortcuts</summary>
      <ul className="small">
        <li>
          <kbd>S</kbd> store · <kbd>X</kbd> clear · <kbd>C</kbd> corrupt · <kbd>I</kbd> invert
        </li>
        <li>
          <kbd>R</kbd> recall / pause · <kbd>N</kbd> one step · <kbd>Z</kbd> reset to the cue
        </li>
        <li>
          On the grid: arrows move, <kbd>Space</kbd> toggles a unit, <kbd>Shift</kbd>+arrows paint
          while moving.
        </li>
      </ul>
    </details>
  );
}
