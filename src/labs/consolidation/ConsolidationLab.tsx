import { useEffect, useState } from 'react';
import { mirrorToLink } from '../../engine/labLink';
import { parseHash } from '../../core/params';
import { Button } from '../../ui/Controls';
import { Notice } from '../../ui/Notice';
import { GenerativePanel, MapPanel } from './ExplorePanels';
import { ExtendedPanel } from './ExtendedPanel';
import { Explorer } from './explorer';
import { EncodePanel, ReplayPanel, TrainPanel } from './Panels';
import { linkQuery, settingsChanged, startFromLink } from './link';
import { ConsolidationRunner } from './runner';
import { Stepper } from './Stepper';
import { createConsolidationStore, dismiss, say } from './store';
import { LabCtx, useLab, useLabContext, type LabContext } from './useLab';
import './consolidation.css';

/** The Consolidation lab (#/consolidation): Spens & Burgess 2024 in the browser. */
export default function ConsolidationLab({ query }: { query: string }) {
  const [ctx] = useState<LabContext>(() => makeLab(query));
  useEffect(() => {
    void ctx.runner.start();
    // The settings go back into the link as they change; other keys (backend=) stay.
    const unlink = mirrorToLink(
      ctx.store,
      '/consolidation',
      (s) => linkQuery(s, parseHash(window.location.hash).query),
      { when: settingsChanged },
    );
    return () => {
      unlink();
      ctx.explorer.dispose();
      ctx.runner.dispose();
    };
  }, [ctx]);
  return (
    <LabCtx.Provider value={ctx}>
      <div className="cl-lab">
        <header className="lab-intro">
          <h1>Consolidation: the hippocampus teaches the neocortex</h1>
          <p>
            A hippocampus stores experiences at once; at rest it replays them, and the neocortex
            slowly learns from the replays a model of the world it can recall, imagine and distort
            with (Spens &amp; Burgess, 2024). Step through it: <strong>1</strong> store digits as
            episodes, <strong>2</strong> replay them from noise, <strong>3</strong> train a
            variational autoencoder on the replays alone. The map below opens with a VAE the app
            trained the same way beforehand; <strong>4</strong> to <strong>6</strong> show what it
            does as a memory, and what a hippocampal trace must add to it.
          </p>
        </header>
        <Messages />
        <Body />
      </div>
    </LabCtx.Provider>
  );
}

/** The store starts from the link; each unreadable setting becomes a warning on the page. */
function makeLab(query: string): LabContext {
  const start = startFromLink(query);
  const store = createConsolidationStore(start.init);
  for (const w of start.warnings) say(store, 'warn', w);
  const runner = new ConsolidationRunner(store);
  return { store, runner, explorer: new Explorer(store, runner) };
}

function Body() {
  const ctx = useLabContext();
  const status = useLab((s) => s.status);
  const error = useLab((s) => s.loadError);
  const busy = useLab((s) => s.busy);
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
      <p className="loading" data-testid="loading">
        Loading 10,000 MNIST digits (1.6 MB), the trained VAE (1.1 MB) and the maths backend…
      </p>
    );
  }
  return (
    <>
      <Stepper />
      <p className="small muted cl-busy" aria-live="polite" data-testid="busy">
        {busy ?? ' '}
      </p>
      <div className="cl-steps">
        <EncodePanel />
        <ReplayPanel />
        <TrainPanel />
      </div>
      <div className="cl-steps cl-steps--2">
        <MapPanel />
        <GenerativePanel />
      </div>
      <ExtendedPanel />
    </>
  );
}

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <div className="messages">
      {messages.map((m) => (
        <Notice key={m.id} kind={m.kind} onDismiss={() => dismiss(ctx.store, m.id)}>
          {m.text}
        </Notice>
      ))}
    </div>
  );
}
