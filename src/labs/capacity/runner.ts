/**
 * The lab's verbs: run the chosen experiment in the worker, cancel it. Rows
 * stream into the store as the worker sends them (at most five times a
 * second), so the plot fills while the sweep goes on.
 */
import { experimentDef } from '../../models/experiments/registry';
import { ExperimentClient } from './client';
import type { FromWorker } from './protocol';
import { currentValues, type CapacityStore } from './store';

export class CapacityRunner {
  constructor(
    private readonly store: CapacityStore,
    private readonly client: ExperimentClient = new ExperimentClient(),
  ) {}

  /** Starts the chosen experiment; returns false (and says why) if a parameter is bad. */
  run(): boolean {
    const s = this.store.getState();
    const { values, errors } = currentValues(s);
    if (errors.length) {
      this.store.setState({ status: 'error', error: `Fix these first: ${errors.join('; ')}` });
      return false;
    }
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
    return true;
  }

  cancel(): void {
    this.client.cancel();
  }

  get running(): boolean {
    return this.client.running;
  }

  dispose(): void {
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

/** The title of what ran, for file names ("capacity-seed1"). */
export function runName(store: CapacityStore): string {
  const ran = store.getState().ran;
  if (!ran) return 'engram-experiment';
  const def = experimentDef(ran.experiment)!;
  return `engram-${def.name}-seed${ran.values.seed ?? 1}`;
}
