import { useEffect, useState } from 'react';
import { Button } from '../../ui/Controls';
import { Notice } from '../../ui/Notice';
import { bindShortcuts, mirrorToLink } from '../../engine/labLink';
import { runShortcut, type LabContext } from './commands';
import { AttentionPanel } from './AttentionPanel';
import { ComparePanel } from './ComparePanel';
import { linkQuery, startFromLink } from './link';
import { ModernHelp } from './ModernHelp';
import { RetrievalPanel } from './RetrievalPanel';
import { ModernRunner } from './runner';
import { CuePanel, MemoryPanel } from './SetupPanels';
import { createModernStore, dismiss, say } from './store';
import { LabCtx, useLab, useLabContext } from './useLab';
import './modern.css';

/** The Modern Hopfield lab (#/modern). */
export default function ModernLab({ query }: { query: string }) {
  const [ctx] = useState<LabContext>(() => makeLab(query));

  useEffect(() => {
    const { store, runner } = ctx;
    void runner.start();
    const unlink = mirrorToLink(store, '/modern', linkQuery, { delayMs: 300 });
    const unbind = bindShortcuts((key) => runShortcut(ctx, key));
    return () => {
      unlink();
      unbind();
      runner.dispose();
    };
  }, [ctx]);

  return (
    <LabCtx.Provider value={ctx}>
      <div className="mh-lab">
        <header className="lab-intro">
          <h1>Modern Hopfield network</h1>
          <p>
            A classic Hopfield network forgets correlated images after a handful. A modern one
            stores thousands of real handwritten digits and retrieves one from a fragment in a
            single step, by attention: every stored digit is weighted by how well it matches the
            cue, and <strong>β</strong> sets how sharply. Hide part of a digit, press{' '}
            <strong>Retrieve</strong>, then turn β down and watch the answer blur into a blend.
          </p>
        </header>
        <Messages />
        <Body />
      </div>
    </LabCtx.Provider>
  );
}

function makeLab(query: string): LabContext {
  const start = startFromLink(query);
  const store = createModernStore(start.init);
  const runner = new ModernRunner(store);
  for (const w of start.warnings) say(store, 'warn', w);
  return { store, runner };
}

function Body() {
  const ctx = useLabContext();
  const status = useLab((s) => s.status);
  const error = useLab((s) => s.loadError);
  if (status === 'error') {
    return (
      <Notice kind="error">
        <p>{error}</p>
        <Button onClick={() => void ctx.runner.start()}>Try again</Button>
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
      <div className="mh-grid">
        <MemoryPanel />
        <CuePanel />
        <RetrievalPanel />
        <AttentionPanel />
      </div>
      <ModernHelp />
      <ComparePanel />
      <details className="panel shortcuts">
        <summary>Keyboard shortcuts</summary>
        <p className="small">
          <kbd>N</kbd> one step · <kbd>R</kbd> retrieve until settled · <kbd>Z</kbd> back to the cue
          · <kbd>A</kbd> another digit
        </p>
      </details>
    </>
  );
}

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <div className="messages" data-testid="messages">
      {messages.map((m) => (
        <Notice key={m.id} kind={m.kind} onDismiss={() => dismiss(ctx.store, m.id)}>
          {m.text}
        </Notice>
      ))}
    </div>
  );
}
