/** Section 1, "The records": which data, how many, its sizes and a preview. */
import { ProgressBar } from '../../ui/ProgressBar';
import { LabButton } from './LabButton';
import { COMMANDS } from './commands';
import { bytes, thousands, value } from './format';
import { maxRecords } from './params';
import { ParamNumber, ParamSelect, ParamSlider } from './ParamControls';
import type { FieldValue } from './queryView';
import { useLab } from './useLab';
import { Table } from './Table';

const DATASET_LABELS = {
  'cell-atlas': 'Cell atlas (generated)',
  mnist: 'MNIST digits (real)',
} as const;

/** A record's fields as table cells: categories by name, numbers by their first few columns. */
export function recordCells(fields: readonly FieldValue[], columns = 3): string[] {
  return fields.map((f) => {
    if (f.kind === 'category') return f.parent ? `${f.label} (${f.parent.label})` : f.label;
    const shown = f.values.slice(0, columns).map(value).join(', ');
    return f.values.length > columns ? `${shown}, … (${f.values.length})` : shown;
  });
}

function Preview() {
  const data = useLab((s) => s.data.result);
  if (!data) return null;
  const head = data.preview[0]?.map((f) => f.name) ?? [];
  return (
    <Table
      testId="data-preview"
      className="cz-preview"
      caption={
        <>
          The first {data.preview.length} of {thousands(data.records)} records
          {data.label === 'generated' ? ' (generated, not measured)' : ' (real MNIST digits)'}
        </>
      }
      head={['#', ...head]}
    >
      {data.preview.map((r, i) => (
        <tr key={i}>
          <th scope="row">{i}</th>
          {recordCells(r).map((c, j) => (
            <td key={j}>{c}</td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

function DataSummary() {
  const data = useLab((s) => s.data);
  const r = data.result;
  if (data.status === 'running') return <ProgressBar value={NaN} label="Making the records" />;
  if (data.status === 'error') return <p className="error">{data.error}</p>;
  if (!r) return null;
  return (
    <p data-testid="data-summary">
      <strong>{thousands(r.records)}</strong>{' '}
      {r.dataset === 'mnist' ? 'real MNIST digits' : 'cells of a generated atlas'} (
      <span className="cz-tag">{r.label}</span>): {r.fields.map((f) => f.name).join(', ')};{' '}
      {r.inputs} input units a record. As CSV <strong>{bytes(r.csvBytes)}</strong>, as packed binary{' '}
      {bytes(r.binaryBytes)}
      {data.ms !== null && (
        <span className="muted"> (made in {data.ms.toFixed(0)} ms in a worker)</span>
      )}
      .
    </p>
  );
}

export function DataSection() {
  const dataset = useLab((s) => s.dataset);
  return (
    <>
      <p>
        {dataset === 'cell-atlas' ? (
          <>
            A <strong>generated</strong> atlas of mouse cortex cells, labelled so wherever it is
            shown: 14 subclasses in 6 classes, 6 regions whose mix of types differs, coordinates
            clustered by region and layer, gene counts drawn around each subclass's profile (about
            74 % zeros) and 5 protein markers. It has the structure of a real atlas, so compressing
            it is a fair test, but no cell in it was measured.
          </>
        ) : (
          <>
            Real handwritten digits (the app's 10,000 MNIST images): a label and 784 ink values
            each, drawn without replacement from the seed.
          </>
        )}
      </p>
      <div className="cz-controls">
        <ParamSelect name="dataset" labels={DATASET_LABELS} />
        <ParamNumber
          name="records"
          max={maxRecords(dataset)}
          help={`N, from 1,000 to ${thousands(maxRecords(dataset))}; 100,000 cells train for minutes`}
        />
        {dataset === 'cell-atlas' && <ParamSlider name="genes" step={10} />}
        <div className="cz-row">
          <ParamNumber name="seed" />
          <LabButton command={COMMANDS.newSeed} />
        </div>
        <div className="cz-buttons">
          <LabButton command={COMMANDS.generate} variant="primary" testId="generate" />
        </div>
      </div>
      <DataSummary />
      <Preview />
    </>
  );
}
