import { runCommand, shortcutRows } from '../../engine/commands';
import { dismiss } from '../../engine/messages';
import { EXPERIMENT_DEFS } from '../../models/experiments/registry';
import { LabMessages } from '../../ui/LabMessages';
import { LabLessons } from '../../ui/LabPage';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { COMMANDS } from './commands';
import { ExperimentHelp } from './ExperimentHelp';
import { makeLab } from './lab';
import { CAPACITY_LESSONS } from './lesson';
import { ParamsPanel } from './ParamsPanel';
import { ResultsPanel } from './ResultsPanel';
import { CapacityRoot, useCapacity, useCapacityContext } from './useCapacity';
import './capacity.css';

const SHORTCUTS = shortcutRows(COMMANDS);

/** The Experiments lab (#/capacity): sweeps of thousands of trials, plotted against theory. */
export default function CapacityLab({ query }: { query: string }) {
  return (
    <CapacityRoot make={() => makeLab(query)} className="cap-lab">
      <header className="lab-intro">
        <h1>Experiments: how much can a Hopfield network hold?</h1>
        <p>
          Run thousands of store-corrupt-recall trials in seconds and watch the measured curves meet
          the theory. Pick an experiment, set it up, press <strong>Run</strong>: the plot fills as
          trials finish. Every run is seeded and its settings live in the link.
        </p>
      </header>
      <Messages />
      <LabLessons
        useCtx={useCapacityContext}
        lab="/capacity"
        lessons={CAPACITY_LESSONS}
        yours="your experiment, its settings and its results"
      />
      <ExperimentTabs />
      <div className="cap-grid">
        <ParamsPanel />
        <div className="cap-main">
          <ResultsPanel />
          <ExperimentHelp />
        </div>
      </div>
      <ShortcutHelp rows={SHORTCUTS} />
    </CapacityRoot>
  );
}

function ExperimentTabs() {
  const ctx = useCapacityContext();
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
          onClick={() => runCommand(COMMANDS.chooseExperiment, ctx, e.name)}
        >
          {e.title}
        </button>
      ))}
    </nav>
  );
}

function Messages() {
  const { store } = useCapacityContext();
  const messages = useCapacity((s) => s.messages);
  return <LabMessages messages={messages} onDismiss={(id) => dismiss(store, id)} />;
}
