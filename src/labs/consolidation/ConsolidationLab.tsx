import { runCommand, shortcutRows } from '../../engine/commands';
import { LabMessages } from '../../ui/LabMessages';
import { Notice } from '../../ui/Notice';
import { LessonPanel } from '../../ui/LessonPanel';
import { ShortcutHelp } from '../../ui/ShortcutHelp';
import { COMMANDS } from './commands';
import { GenerativePanel, MapPanel } from './ExplorePanels';
import { ExtendedPanel } from './ExtendedPanel';
import { makeLab } from './lab';
import { LabButton } from './LabControls';
import { CONSOLIDATION_LESSONS } from './lesson';
import { KeepPanel } from './KeepPanel';
import { EncodePanel, ReplayPanel, TrainPanel } from './Panels';
import { Stepper } from './Stepper';
import { LabRoot, useLab, useLabContext, useLabFields } from './useLab';
import './consolidation.css';

/** The Consolidation lab (#/consolidation): Spens & Burgess 2024 in the browser. */
export default function ConsolidationLab({ query }: { query: string }) {
  return (
    <LabRoot make={() => makeLab(query)} className="cl-lab">
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
      <Lesson />
      <Body />
      <ShortcutHelp rows={shortcutRows(COMMANDS)} />
    </LabRoot>
  );
}

function Body() {
  const { status, loadError: error, busy } = useLabFields('status', 'loadError', 'busy');
  if (status === 'error') {
    return (
      <Notice kind="error">
        <p>{error}</p>
        <LabButton command={COMMANDS.retry} />
      </Notice>
    );
  }
  if (status === 'loading') {
    return (
      <p className="loading" data-testid="loading">
        Loading 10,000 MNIST digits (1.6 MB), the trained VAE (1.1 MB), the maths backend and what
        this browser kept of your work…
      </p>
    );
  }
  return (
    <>
      <Stepper />
      <KeepPanel />
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

/** The guided lesson (./lesson): it works on scratch state and opens your own link again at its end. */
function Lesson() {
  const ctx = useLabContext();
  return (
    <LessonPanel
      ctx={ctx}
      lab="/consolidation"
      lessons={CONSOLIDATION_LESSONS}
      yours="your stored episodes, replays, VAE and settings (nothing is saved while it runs)"
    />
  );
}

function Messages() {
  const ctx = useLabContext();
  const messages = useLab((s) => s.messages);
  return (
    <LabMessages messages={messages} onDismiss={(id) => runCommand(COMMANDS.dismiss, ctx, id)} />
  );
}
