/**
 * The results of the last run: its charts (filling as rows arrive), its
 * tables, and the buttons that save them (CSV, JSON, SVG, PNG).
 */
import { useDeferredValue, useRef } from 'react';
import { runCommand } from '../../engine/commands';
import { experimentDef } from '../../models/experiments/registry';
import type { Row } from '../../models/experiments/types';
import { CommandButton } from '../../ui/CommandButton';
import { InlineMessages } from '../../ui/LabMessages';
import { LineChart } from '../../ui/LineChart';
import { chartsFor, type ChartSpec } from './charts';
import { COMMANDS } from './commands';
import { runName } from './runner';
import { useCapacity, useCapacityContext, useCapacityShallow } from './useCapacity';

const TABLE_TITLES: Record<string, string> = {
  rows: 'Results',
  points: 'Every tested point',
  capacities: 'Capacity per module count',
  traces: 'Hamming distance per step',
};

export function ResultsPanel() {
  const ctx = useCapacityContext();
  const { ran, tables: live } = useCapacityShallow((s) => ({ ran: s.ran, tables: s.tables }));
  const messages = useCapacity((s) => s.messages);
  // Rows arrive while a sweep runs: render them as a background (interruptible)
  // update, so that drawing the charts and the table never blocks the page.
  const tables = useDeferredValue(live);
  if (!ran) {
    return (
      <section className="panel cap-results" data-panel="results" aria-labelledby="cap-results-h">
        <h2 id="cap-results-h">Results</h2>
        <p className="muted">
          Choose the settings and press Run. The plot fills as the trials finish.
        </p>
      </section>
    );
  }
  const charts = chartsFor(ran.experiment, tables, ran.values);
  const name = runName(ctx.store);
  const rows = tables.rows ?? [];
  return (
    <section className="panel cap-results" data-panel="results" aria-labelledby="cap-results-h">
      <div className="cap-results-head">
        <h2 id="cap-results-h">Results: {experimentDef(ran.experiment)!.title}</h2>
        <div className="cap-exports" role="group" aria-label="Save the results">
          <CommandButton command={COMMANDS.exportCsv} ctx={ctx} />
          <CommandButton command={COMMANDS.exportJson} ctx={ctx} />
        </div>
      </div>
      <InlineMessages messages={messages} source="saveSvg" />
      <InlineMessages messages={messages} source="savePng" />
      <div className="cap-charts">
        {charts.map((c) => (
          <ChartBox key={c.id} spec={c} file={`${name}-${c.id}`} />
        ))}
      </div>
      {ran.experiment === 'presets' && <PresetCards rows={rows} />}
      {Object.entries(tables)
        .filter(([t]) => t !== 'traces')
        .map(([t, r]) => (
          <ResultTable
            key={t}
            title={TABLE_TITLES[t] ?? t}
            rows={r}
            testId={`table-${t}`}
            open={t !== 'points'}
          />
        ))}
    </section>
  );
}

function ChartBox({ spec, file }: { spec: ChartSpec; file: string }) {
  const ctx = useCapacityContext();
  const box = useRef<HTMLDivElement>(null);
  const chart = () => ({
    figure: box.current?.querySelector('figure') ?? null,
    title: spec.title,
    file,
  });
  return (
    <div className="cap-chart" ref={box}>
      <LineChart
        title={spec.title}
        series={spec.series}
        xLabel={spec.xLabel}
        yLabel={spec.yLabel}
        markers={spec.markers}
        logX={spec.logX}
        logY={spec.logY}
        yDomain={spec.yDomain}
        height={280}
        testId={`chart-${spec.id}`}
      />
      <div className="cap-chart-save">
        {[COMMANDS.saveSvg, COMMANDS.savePng].map((command) => (
          <button
            key={command.id}
            type="button"
            className="ui-link"
            title={command.help}
            onClick={() => runCommand(command, ctx, chart())}
          >
            {command.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function fmt(v: unknown): string {
  if (typeof v === 'number')
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  if (v === null || v === undefined) return '—';
  return String(v);
}

function ResultTable({
  title,
  rows,
  testId,
  open,
}: {
  title: string;
  rows: Row[];
  testId: string;
  open: boolean;
}) {
  if (rows.length === 0) return null;
  const cols = Object.keys(rows[0]).filter((c) => c !== 'explanation');
  return (
    <details className="cap-table" open={open}>
      <summary>
        {title} ({rows.length} row{rows.length === 1 ? '' : 's'})
      </summary>
      <div className="cap-table-scroll">
        <table data-testid={testId}>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              <tr key={k}>
                {cols.map((c) => (
                  <td key={c}>{fmt(r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function PresetCards({ rows }: { rows: Row[] }) {
  return (
    <ol className="cap-presets">
      {rows.map((r) => (
        <li key={String(r.preset)}>
          <strong>{String(r.label)}</strong> — {String(r.outcome)}
          <p className="small">{String(r.explanation)}</p>
        </li>
      ))}
    </ol>
  );
}
