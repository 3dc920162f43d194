/**
 * The results of the last run: its charts (filling as rows arrive), its
 * tables, and the buttons that save them (CSV, JSON, SVG, PNG).
 */
import { useDeferredValue, useRef, useState } from 'react';
import { toCsv } from '../../models/experiments/csv';
import { experimentDef } from '../../models/experiments/registry';
import type { Row } from '../../models/experiments/types';
import { LineChart } from '../../ui/LineChart';
import { chartsFor, type ChartSpec } from './charts';
import { chartSvg, downloadJson, downloadBlob, downloadText, svgToPng } from './exportFiles';
import { runName } from './runner';
import { useCapacityContext, useCapacityShallow } from './useCapacity';

const TABLE_TITLES: Record<string, string> = {
  rows: 'Results',
  points: 'Every tested point',
  capacities: 'Capacity per module count',
  traces: 'Hamming distance per step',
};

export function ResultsPanel() {
  const { store } = useCapacityContext();
  const {
    ran,
    tables: live,
    status,
    notes,
  } = useCapacityShallow((s) => ({
    ran: s.ran,
    tables: s.tables,
    status: s.status,
    notes: s.notes,
  }));
  // Rows arrive while a sweep runs: render them as a background (interruptible)
  // update, so that drawing the charts and the table never blocks the page.
  const tables = useDeferredValue(live);
  const [error, setError] = useState<string | null>(null);
  if (!ran) {
    return (
      <section className="panel cap-results" aria-labelledby="cap-results-h">
        <h2 id="cap-results-h">Results</h2>
        <p className="muted">
          Choose the settings and press Run. The plot fills as the trials finish.
        </p>
      </section>
    );
  }
  const charts = chartsFor(ran.experiment, tables, ran.values);
  const name = runName(store);
  const rows = tables.rows ?? [];
  const exportJson = () =>
    downloadJson(name, {
      experiment: ran.experiment,
      params: ran.values,
      engine: ran.engine,
      status,
      ...tables,
      rows,
      notes,
    });
  return (
    <section className="panel cap-results" aria-labelledby="cap-results-h">
      <div className="cap-results-head">
        <h2 id="cap-results-h">Results: {experimentDef(ran.experiment)!.title}</h2>
        <div className="cap-exports" role="group" aria-label="Save the results">
          <button
            type="button"
            className="ui-button"
            disabled={rows.length === 0}
            onClick={() => downloadText(`${name}.csv`, toCsv(rows), 'text/csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="ui-button"
            disabled={rows.length === 0}
            onClick={exportJson}
          >
            JSON
          </button>
        </div>
      </div>
      {error && <p className="error">{error}</p>}
      <div className="cap-charts">
        {charts.map((c) => (
          <ChartBox key={c.id} spec={c} file={`${name}-${c.id}`} onError={setError} />
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

function ChartBox({
  spec,
  file,
  onError,
}: {
  spec: ChartSpec;
  file: string;
  onError: (e: string | null) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const save = async (kind: 'svg' | 'png') => {
    onError(null);
    const fig = box.current?.querySelector('figure');
    const made = fig ? chartSvg(fig, spec.title) : null;
    if (!made) return onError('The chart is not drawn yet.');
    try {
      if (kind === 'svg') downloadText(`${file}.svg`, made.svg, 'image/svg+xml');
      else downloadBlob(`${file}.png`, await svgToPng(made.svg, made.width, made.height));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
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
        <button type="button" className="ui-link" onClick={() => void save('svg')}>
          Save SVG
        </button>
        <button type="button" className="ui-link" onClick={() => void save('png')}>
          Save PNG
        </button>
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
