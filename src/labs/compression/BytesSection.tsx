/**
 * Section 3, "Bytes, honestly": every byte needed to give the records back,
 * the ratio, the same records through gzip, brotli, float16, int8 and PCA,
 * and why a ratio like the seed's 520x cannot come with every record back.
 */
import { useMemo } from 'react';
import { runCommand } from '../../engine/commands';
import type { RatePoint } from '../../models/compression/baselines';
import { Select } from '../../ui/Controls';
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { ProgressBar } from '../../ui/ProgressBar';
import { LabButton } from './LabButton';
import { COMMANDS } from './commands';
import { bytes, ratio, share, thousands } from './format';
import { RateChart, type RatePlotPoint } from './RateChart';
import { losslessPoints, modelPoint } from './report';
import type { LosslessResult } from './jobs';
import type { CompressedSummary, CompressionState, DataSummary } from './store';
import { useLab, useLabContext, useLabFields } from './useLab';
import { Table } from './Table';

const CURVE_BITS = [16, 32, 64, 128, 256];

const NAMES: Record<string, string> = {
  'gzip-csv': 'gzip of the CSV',
  'brotli-csv': 'brotli of the CSV',
  'gzip-binary': 'gzip of the binary',
  'brotli-binary': 'brotli of the binary',
  float16: 'float16',
  int8: 'int8',
  pca: 'PCA at the same budget',
};

function ByteTable() {
  const data = useLab((s) => s.data.result);
  const { compressed: c, lossless: l } = useLabFields('compressed', 'lossless');
  if (!data) return null;
  const csv = data.csvBytes;
  /** A row; `part` rows are pieces of the file, with no ratio of their own. */
  const row = (
    label: string,
    b: number | null,
    note: string,
    kind: 'file' | 'part' | 'total' = 'file',
  ) => (
    <tr className={kind === 'total' ? 'cz-total' : kind === 'part' ? 'cz-part' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{b === null ? '…' : bytes(b)}</td>
      <td className="num">{b === null || kind === 'part' ? '' : ratio(csv / b)}</td>
      <td className="small">{note}</td>
    </tr>
  );
  const lr = l.result;
  return (
    <>
      <Table testId="byte-table" head={['what', 'bytes', 'CSV ÷ this', 'note']}>
        {row(
          'The records as CSV',
          csv,
          'what a dataset usually ships as; every ratio here divides it',
        )}
        {row('As packed binary', data.binaryBytes, 'float32 numbers, one byte a category')}
        {row('gzip -9 of the CSV', lr?.csv.gzip ?? null, 'lossless')}
        {row(
          `brotli q${lr?.csv.brotliQuality ?? 9} of the CSV`,
          lr?.csv.brotli ?? null,
          'lossless',
        )}
        {row('brotli of the binary', lr?.binary.brotli ?? null, 'lossless')}
        {c && (
          <>
            {row(
              'File header and field schema',
              c.parts.header,
              'names, labels, sizes (JSON)',
              'part',
            )}
            {row(
              'Normalisation',
              c.parts.normalisation,
              'a mean and an sd per input unit (float32)',
              'part',
            )}
            {row(
              'Decoder weights',
              c.parts.decoder,
              `${c.precision}, K × H + H + H × D + D values`,
              'part',
            )}
            {row(
              'Codes',
              c.parts.codes,
              `${thousands(c.records)} × ⌈${c.bits}/8⌉ bytes (${thousands(c.distinctCodes)} distinct)`,
              'part',
            )}
            {row(
              'The compressed file',
              c.archiveBytes,
              'everything needed to give the records back',
              'total',
            )}
            {c.archiveWithEncoderBytes !== null &&
              row(
                '… with the encoder too',
                c.archiveWithEncoderBytes,
                'needed only to encode new queries, so the ratio is quoted without it',
              )}
          </>
        )}
      </Table>
      {l.status === 'running' && (
        <ProgressBar
          value={NaN}
          label={`Compressing ${bytes(csv)} of CSV with gzip and brotli (brotli.js: about ${Math.max(1, Math.round((2 * (csv + data.binaryBytes)) / 1e6))} s)`}
        />
      )}
      {l.status === 'error' && <p className="error">{l.error}</p>}
    </>
  );
}

function Ratio() {
  const data = useLab((s) => s.data.result);
  const c = useLab((s) => s.compressed);
  const l = useLab((s) => s.lossless.result);
  if (!data || !c) return null;
  const r = data.csvBytes / c.archiveBytes;
  return (
    <div className="cz-ratio" data-testid="ratio">
      <p className="cz-big">
        Ratio <TeX tex="\dfrac{\text{CSV bytes}}{\text{file bytes}}" /> ={' '}
        <strong data-testid="ratio-value">{ratio(r)}</strong>,{' '}
        {share(1 - c.archiveBytes / data.csvBytes)} saved, <strong>lossy</strong>
        {l && <> (brotli gets {ratio(data.csvBytes / l.csv.brotli)} and gives every value back)</>}.
      </p>
      <p className="small">
        Against the packed binary: {ratio(data.binaryBytes / c.archiveBytes)}
        {c.archiveWithEncoderBytes !== null && (
          <>; counting the encoder too: {ratio(data.csvBytes / c.archiveWithEncoderBytes)}</>
        )}
        .{' '}
        {c.roundTrip === true
          ? 'The file was read back and gave exactly the records the model in memory gives.'
          : c.source === 'imported'
            ? 'This model was read from a file.'
            : ''}
      </p>
    </div>
  );
}

/** Why 520x and every record back cannot go together on these records (all from the numbers on screen). */
function WhyNot520() {
  const data = useLab((s) => s.data.result);
  const c = useLab((s) => s.compressed);
  if (!data) return null;
  const perRecord = data.csvBytes / data.records;
  const minBits = Math.ceil(Math.log2(data.records));
  const k = c?.bits ?? null;
  const bitsAt520 = (8 * perRecord) / 520;
  return (
    <Help title="Why not 520×?">
      <p>
        Every record needs a code of its own to come back as itself, so{' '}
        <TeX tex={`K \\ge \\lceil \\log_2 N \\rceil = ${minBits}`} /> bits for{' '}
        {thousands(data.records)} records, and the codes alone cost <TeX tex="N K / 8" /> bytes. A
        CSV record here is {perRecord.toFixed(0)} bytes, so even a decoder of zero bytes cannot beat{' '}
        <TeX
          tex={`${perRecord.toFixed(0)} \\times 8 / ${minBits} = ${((8 * perRecord) / minBits).toFixed(0)}\\times`}
        />
        {k !== null && (
          <>
            ; at <TeX tex={`K = ${k}`} /> the codes alone cap it at{' '}
            <TeX tex={`${((8 * perRecord) / k).toFixed(0)}\\times`} />
          </>
        )}
        . 520× would leave {bitsAt520.toFixed(1)} bits a record, enough to tell{' '}
        {thousands(Math.floor(2 ** bitsAt520))} records apart, not {thousands(data.records)}.
      </p>
    </Help>
  );
}

const curveName = (bits: number) => `autoencoder, K = ${bits}`;

interface RateInputs {
  data: DataSummary | null;
  key: string | null;
  lossless: LosslessResult | null;
  lossy: RatePoint[] | null;
  curve: readonly (RatePoint & { bits: number })[];
  compressed: CompressedSummary | null;
}

function ratePoints({
  data,
  key,
  lossless,
  lossy,
  curve,
  compressed,
}: RateInputs): RatePlotPoint[] {
  if (!data || !key) return [];
  const out: RatePlotPoint[] = [];
  const add = (p: RatePoint, name: string, group: RatePlotPoint['group']) =>
    out.push({ name, bytes: p.bytes, value: p.error[key], group, detail: p.detail });
  if (lossless) {
    const exact = lossless.exact[key];
    out.push({
      name: 'CSV as it is',
      bytes: data.csvBytes,
      value: exact,
      group: 'raw',
      detail: 'uncompressed',
    });
    for (const p of losslessPoints(lossless)) add(p, NAMES[p.method], 'lossless');
  }
  for (const p of lossy ?? []) add(p, NAMES[p.method] ?? p.method, 'lossy');
  const all = [...curve];
  if (compressed && !all.some((p) => p.bits === compressed.bits)) all.push(modelPoint(compressed));
  for (const p of all) add(p, curveName(p.bits), 'autoencoder');
  return out;
}

function metricKey(s: CompressionState): string | null {
  const metrics = s.data.result?.metrics ?? [];
  const chosen = metrics.find((m) => m.key === s.plotField);
  return (chosen ?? metrics.find((m) => m.metric !== 'exact') ?? metrics[0])?.key ?? null;
}

function RatePlot() {
  const ctx = useLabContext();
  const metrics = useLab((s) => s.data.result?.metrics);
  const key = useLab(metricKey);
  const lossless = useLab((s) => s.lossless.result);
  const lossy = useLab((s) => s.lossy.result);
  const { curve, compressed } = useLabFields('curve', 'compressed');
  const data = useLab((s) => s.data.result);
  const points = useMemo(
    () => ratePoints({ data, key, lossless, lossy, curve: curve.points, compressed }),
    [data, key, lossless, lossy, curve.points, compressed],
  );
  const metric = metrics?.find((m) => m.key === key);
  if (!metrics || !metric) return null;
  const have = new Set([
    ...curve.points.map((p) => p.bits),
    ...(compressed ? [compressed.bits] : []),
  ]);
  return (
    <div className="ui-views">
      <div className="cz-pick">
        <Select
          label="Error shown"
          value={metric.key}
          options={metrics.map((m) => ({ value: m.key, label: m.key }))}
          onChange={(v) => runCommand(COMMANDS.setParam, ctx, ['plotField', v])}
        />
      </div>
      {points.length > 0 ? (
        <RateChart points={points} metric={metric} />
      ) : (
        <p className="muted">The points appear as each baseline finishes.</p>
      )}
      <div className="cz-buttons" data-testid="curve-buttons">
        <span className="small">
          The autoencoder at another K (trained in a worker, on demand):
        </span>
        {CURVE_BITS.filter((b) => !have.has(b)).map((b) => (
          <LabButton
            key={b}
            command={COMMANDS.addCurvePoint}

            arg={b}
            label={`K = ${b}`}
          />
        ))}
      </div>
      {curve.running !== null && (
        <ProgressBar
          value={curve.progress}
          label={`Training the autoencoder at K = ${curve.running} in a worker`}
        />
      )}
      {curve.error && <p className="error">{curve.error}</p>}
    </div>
  );
}

export function BytesSection() {
  const c = useLab((s) => s.compressed);
  return (
    <>
      <p>
        A compression ratio means something only if it counts every byte needed to give the records
        back, and says how well they come back. Here it counts the whole file: its header and the
        field schema, the normalisation, the decoder's weights at the precision they are stored in,
        and the codes. The Hopfield stage adds no bytes.
      </p>
      <ByteTable />
      <Ratio />
      {!c && <p className="muted">Train the autoencoder (section 2) to see its file and ratio.</p>}
      <WhyNot520 />
      <h3>Rate and distortion</h3>
      <p>
        The same records through lossless coders (every value back), through rounding every number
        to float16 or 8 bits, and through PCA given the autoencoder's byte budget (
        <TeX tex="m" /> components of the standardised inputs, scores as float16).
      </p>
      <RatePlot />
    </>
  );
}
