/**
 * One query by hand: choose a record, how to corrupt it and how much, and
 * see the record, the query, the code the Hopfield stage cleaned it up to
 * and the records decoded with and without the stage, side by side.
 */
import { MNIST_SIDE } from '../../data/mnist';
import type { MetricInfo } from '../../models/compression/metrics';
import { GrayImage } from '../../ui/GrayImage';
import { LabButton } from './LabButton';
import { COMMANDS } from './commands';
import { score, thousands, value } from './format';
import { amountRange } from './params';
import { ParamNumber, ParamSelect, ParamSlider } from './ParamControls';
import type { FieldValue, QueryView } from './queryView';
import { useLab, useLabFields } from './useLab';
import { Table } from './Table';

const NO_METRICS: readonly MetricInfo[] = [];

const KIND_LABELS = {
  missing: 'fields missing',
  flip: 'code bits flipped',
  noise: 'Gaussian input noise',
} as const;

/** A code as a strip of K cells; cells that differ from `reference` are outlined. */
function CodeStrip({ code, reference, label }: { code: string; reference: string; label: string }) {
  const k = code.length;
  const diff = [...code].filter((b, j) => b !== reference[j]).length;
  return (
    <div className="cz-code">
      <div className="small">
        {label}
        {code !== reference && ` (${diff} bit${diff === 1 ? '' : 's'} off the stored code)`}
      </div>
      <svg
        viewBox={`0 0 ${k} 1.6`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${code}`}
      >
        {[...code].map((b, j) => (
          <rect
            key={j}
            x={j + 0.05}
            y={0.05}
            width={0.9}
            height={1.5}
            className={b === '1' ? 'cz-bit-on' : 'cz-bit-off'}
            stroke={b !== reference[j] ? '#c62828' : 'none'}
            strokeWidth={0.25}
          />
        ))}
      </svg>
    </div>
  );
}

function cell(f: FieldValue | undefined, columns = 4): string {
  if (!f) return '—';
  if (f.kind === 'category') return f.label;
  const shown = f.values
    .slice(0, columns)
    .map((v, j) => (f.missing?.[j] ? '?' : value(v)))
    .join(', ');
  const gone = f.missing?.filter(Boolean).length ?? 0;
  const more =
    f.values.length > columns ? `, … (${f.values.length}${gone ? `, ${gone} missing` : ''})` : '';
  return shown + more;
}

/** The atlas (or any table) side by side, a row per field and parent. */
function RecordTable({ v, metrics }: { v: QueryView; metrics: readonly MetricInfo[] }) {
  const cols = [
    { title: 'stored record', fields: v.truth },
    {
      title: v.query === 'flip' ? 'query (the code, below)' : 'query: what the encoder read',
      fields: v.input,
    },
    { title: 'decoded, with the stage', fields: v.decodedWith },
    { title: 'decoded, without', fields: v.decodedWithout },
  ];
  const rows: { name: string; get: (fs: FieldValue[] | null) => string; metric?: MetricInfo }[] =
    [];
  v.truth.forEach((f, i) => {
    if (f.kind === 'category' && f.parent) {
      rows.push({
        name: f.parent.name,
        get: (fs) =>
          fs?.[i]?.kind === 'category'
            ? ((fs[i] as { parent?: { label: string } }).parent?.label ?? '—')
            : '—',
        metric: metrics.find((m) => m.key === f.parent!.name),
      });
    }
    rows.push({
      name: f.name,
      get: (fs) => (fs ? cell(fs[i]) : '—'),
      metric: metrics.find((m) => m.key === f.name),
    });
  });
  return (
    <Table
      testId="query-table"
      className="cz-query-table"
      head={['field', ...cols.map((c) => c.title)]}
    >
      {rows.map((r) => (
        <tr key={r.name}>
          <th scope="row">{r.name}</th>
          {cols.map((c, j) => (
            <td key={c.title}>
              {r.get(c.fields)}
              {r.metric && j >= 2 && (
                <div className="small muted">
                  {score(r.metric, (j === 2 ? v.scoresWith : v.scoresWithout)[r.metric.key])}
                </div>
              )}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

const ink = (f: FieldValue | undefined) =>
  f && f.kind === 'numeric' ? f.values.map((x, j) => (f.missing?.[j] ? 127.5 : x) / 255) : null;

/** MNIST: the four digits as pictures. */
function DigitRow({ v }: { v: QueryView }) {
  const px = (fs: FieldValue[] | null) => ink(fs?.find((f) => f.name === 'pixels'));
  const label = (fs: FieldValue[] | null) => {
    const d = fs?.find((f) => f.name === 'digit');
    return d?.kind === 'category' ? d.label : '—';
  };
  const items = [
    { title: 'stored', fs: v.truth },
    { title: 'query', fs: v.input },
    { title: 'with the stage', fs: v.decodedWith },
    { title: 'without', fs: v.decodedWithout },
  ];
  return (
    <div className="cz-digits">
      {items.map((it) => (
        <figure key={it.title}>
          {it.fs ? (
            <GrayImage
              values={px(it.fs)}
              width={MNIST_SIDE}
              height={MNIST_SIDE}
              range="unit"
              size={96}
              label={it.title}
            />
          ) : (
            <div className="cz-digit-none small muted">the code is the query</div>
          )}
          <figcaption className="small">
            {it.title}: {label(it.fs)}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

function QueryResultView() {
  const q = useLab((s) => s.queryView);
  const metrics = useLab((s) => s.data.result?.metrics) ?? NO_METRICS;
  const v = q.result;
  if (q.status === 'error') return <p className="error">{q.error}</p>;
  if (!v) return q.status === 'running' ? <p className="muted">Recalling…</p> : null;
  const own = v.nearestWith.includes(v.record);
  const ownWithout = v.nearestWithout.includes(v.record);
  return (
    <div className="cz-query" data-testid="query-result" data-own={own}>
      <p>
        Record {thousands(v.record)},{' '}
        {v.query === 'missing'
          ? `${v.left?.count} of ${v.left?.of} fields left out`
          : v.query === 'flip'
            ? `${v.amount} of ${v.bits} code bits flipped`
            : `noise σ = ${v.amount} on every input`}
        . The {v.stage} stage took {v.steps} step{v.steps === 1 ? '' : 's'} ({v.ms.toFixed(2)} ms)
        and brought the code from {v.distance.corrupted} to {v.distance.cleaned} bits off the stored
        one:{' '}
        <strong data-testid="query-verdict">
          {own
            ? v.nearestWith.length === 1
              ? 'its own record’s code came back'
              : `its own record is one of ${v.nearestWith.length} records with the nearest code`
            : `another record’s code came back (record ${v.nearestWith.slice(0, 3).join(', ')})`}
        </strong>
        {own && v.distance.cleaned === 0 && ', so it decodes exactly as the file gives this record'}
        ; without the stage the nearest stored code{' '}
        {ownWithout ? 'is its own' : 'is another record’s'}.
      </p>
      <CodeStrip code={v.stored} reference={v.stored} label="stored code" />
      <CodeStrip code={v.corrupted} reference={v.stored} label="query's code" />
      <CodeStrip code={v.cleaned} reference={v.stored} label="cleaned-up code" />
      {v.truth.some((f) => f.name === 'pixels') && <DigitRow v={v} />}
      <RecordTable v={v} metrics={metrics} />
    </div>
  );
}

export function QuerySection() {
  const { query, records } = useLabFields('query', 'records');
  const bits = useLab((s) => s.compressed?.bits ?? s.bits);
  const r = amountRange(query, bits);
  return (
    <div className="ui-two">
      <div className="cz-controls">
        <div className="cz-row">
          <ParamNumber name="record" max={records - 1} help={`0 to ${thousands(records - 1)}`} />
          <LabButton command={COMMANDS.randomRecord} />
        </div>
        <ParamSelect name="query" labels={KIND_LABELS} />
        <ParamSlider
          name="amount"
          min={r.min}
          max={query === 'missing' ? 0.8 : r.max}
          step={r.step}
          format={(a) =>
            query === 'missing'
              ? `${Math.round(100 * a)} %`
              : query === 'flip'
                ? `${a} bits`
                : `σ = ${a}`
          }
          help={
            query === 'missing'
              ? 'share of fields left out'
              : query === 'flip'
                ? `distinct bits of K = ${bits}`
                : 'sd of the noise on each standardised input'
          }
        />
        <div className="cz-buttons">
          <LabButton command={COMMANDS.runQuery} variant="primary" testId="run-query" />
        </div>
        <p className="small muted">Changing any of these runs the query again.</p>
      </div>
      <div className="ui-views">
        <QueryResultView />
      </div>
    </div>
  );
}
