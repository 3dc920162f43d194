/**
 * Runs the chosen experiment in the worker and cancels it. Rows stream into
 * the store as the worker sends them (at most five times a second), so the
 * plot fills while the sweep goes on.
 *
 * A run belongs to the settings it started from: the runner watches the
 * store's experiment and engine, and a change to either while a run is going
 * (whoever makes it) cancels that run. The commands keep both fixed while a
 * run goes on, so from the page this never happens; a lesson or a test that
 * writes the store cannot leave a stale run streaming.
 */
import { watchFields } from '../../engine/watch';
import { ExperimentClient } from './client';
import type { FromWorker } from './protocol';
import { currentValues, type CapacityStore } from './store';

export class CapacityRunner {
  private readonly unwatch: () => void;

  constructor(
    private readonly store: CapacityStore,
    private readonly client: ExperimentClient = new ExperimentClient(),
  ) {
    this.unwatch = watchFields(store, ['experiment', 'engine'], () => {
      if (this.running) this.cancel();
    });
  }

  /**
   * Starts the chosen experiment with the current texts; returns the bad
   * settings instead (and starts nothing) when there are any.
   */
  run(): string[] {
    const s = this.store.getState();
    const { values, errors } = currentValues(s);
    if (errors.length) return errors;
    const experiment = s.experiment;
    this.store.setState({
      status: 'running',
      ran: { experiment, values, engine: null },
      tables: {},
      notes: [],
      progress: { done: 0, total: 1, elapsedMs: 0 },
      error: null,
    });
    this.client.run(experiment, { ...s.texts[experiment] }, s.engine, (m) => this.receive(m));
    return [];
  }

  cancel(): void {
    this.client.cancel();
  }

  get running(): boolean {
    return this.client.running;
  }

  /** Terminates the workers (not during a run); a later run makes new ones. */
  releaseWorkers(): void {
    if (!this.running) this.client.dispose();
  }

  dispose(): void {
    this.unwatch();
    this.client.dispose();
  }

  private receive(m: FromWorker): void {
    const { store } = this;
    switch (m.type) {
      case 'started':
        store.setState((s) => ({
          ran: s.ran && { ...s.ran, engine: m.engine },
          notes: [...s.notes, ...m.notes],
        }));
        break;
      case 'rows':
        store.setState((s) => {
          const tables = { ...s.tables };
          for (const { table, row } of m.rows) tables[table] = [...(tables[table] ?? []), row];
          return { tables };
        });
        break;
      case 'progress':
        store.setState({ progress: { done: m.done, total: m.total, elapsedMs: m.elapsedMs } });
        break;
      case 'note':
        store.setState((s) => ({ notes: [...s.notes, m.text] }));
        break;
      case 'done':
        store.setState((s) => ({
          status: 'done',
          progress: s.progress && { ...s.progress, done: s.progress.total, elapsedMs: m.elapsedMs },
        }));
        break;
      case 'cancelled':
        store.setState({ status: 'cancelled' });
        break;
      case 'error':
        store.setState({ status: 'error', error: m.message });
        break;
    }
  }
}

/** The title of what ran, for file names ("engram-capacity-seed1"). */
export function runName(store: CapacityStore): string {
  const ran = store.getState().ran;
  return ran ? `engram-${ran.experiment}-seed${ran.values.seed}` : 'engram-experiment';
}
