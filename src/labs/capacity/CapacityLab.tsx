import { useEffect, useState } from 'react';
import { mirrorToLink } from '../../engine/labLink';
import { EXPERIMENT_DEFS } from '../../models/experiments/registry';
import { Notice } from '../../ui/Notice';
import { ExperimentHelp } from './ExperimentHelp';
import { readLink, writeLink } from './link';
import { ParamsPanel } from './ParamsPanel';
import { ResultsPanel } from './ResultsPanel';
import { CapacityRunner } from './runner';
import { createCapacityStore } from './store';
import { CapacityCtx, useCapacity, useCapacityContext, type CapacityContext } from './useCapacity';
import './capacity.css';

/** The Experiments lab (#/capacity): sweeps of thousands of trials, plotted against theory. */
export default function CapacityLab({ query }: { query: string }) {
  const [ctx] = useState<CapacityContext>(() => {
    const store = createCapacityStore(readLink(query));
    return { store, runner: new CapacityRunner(store) };
  });

  useEffect(() => {
    const { store, runner } = ctx;
    const unlink = mirrorToLink(store, '/capacity', writeLink, {
      when: (s, prev) =>
        s.experiment !== prev.experiment || s.texts !== prev.texts || s.engine !== prev.engine,
    });
    return () => {
      unlink();
      runner.dispose();
    };
  }, [ctx]);

  return (
    <CapacityCtx.Provider value={ctx}>
      <div className="cap-lab">
        <header className="lab-intro">
          <h1>Experiments: how much can a Hopfield network hold?</h1>
          <p>
            Run thousands of store-corrupt-recall trials in seconds and watch the measured curves
            meet the theory. Pick an experiment, set it up, press <strong>Run</strong>: the plot
            fills as trials finish. Every run is seeded and its settings live in the link.
          </p>
        </header>
        <LinkErrors />
        <ExperimentTabs />
        <div className="cap-grid">
          <ParamsPanel />
          <div className="cap-main">
            <ResultsPanel />
            <ExperimentHelp />
          </div>
        </div>
      </div>
    </CapacityCtx.Provider>
  );
}

function ExperimentTabs() {
  const { store } = useCapacityContext();
  const experiment = useCapacity((s) => s.experiment);
  const running = useCapacity((s) => s.status === 'running');
  return (
    <nav className="cap-tabs" aria-label="Experiments">
      {EXPERIMENT_DEFS.map((e) => (
        <button
          key={e.name}
          type="button"
          aria-pressed={e.name === experiment}
          disabled={running && e.name !== experiment}
          title={e.describe}
          onClick={() => store.setState({ experiment: e.name })}
        >
          {e.title}
        </button>
      ))}
    </nav>
  );
}

function LinkErrors() {
  const { store } = useCapacityContext();
  const errors = useCapacity((s) => s.linkErrors);
  if (errors.length === 0) return null;
  return (
    <Notice kind="warn" onDismiss={() => store.setState({ linkErrors: [] })}>
      Parts of the link could not be read: {errors.join(' ')}
    </Notice>
  );
}
