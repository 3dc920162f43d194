/** How the lab writes its numbers: bytes, ratios, and each field's score in its own unit. */
import type { MetricInfo } from '../../models/compression/metrics';

const en = (v: number, digits = 0) =>
  v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "786,543 B (0.79 MB)"; small sizes without the MB. */
export function bytes(b: number): string {
  if (!Number.isFinite(b)) return '…';
  if (b < 10_000) return `${en(b)} B`;
  return `${en(b)} B (${b >= 1e6 ? `${en(b / 1e6, 2)} MB` : `${en(b / 1e3, 1)} kB`})`;
}

/** "21.1×" */
export const ratio = (x: number): string =>
  Number.isFinite(x) ? `${x >= 100 ? en(x, 0) : en(x, 1)}×` : '…';

/** "97.7 %" */
export const share = (x: number, digits = 1): string =>
  Number.isFinite(x) ? `${(100 * x).toFixed(digits)} %` : '…';

/** A unit as the page writes it (the models say 'um' for micrometres). */
export const unit = (u: string): string => (u === 'um' ? 'µm' : u);

/** A field's score as its metric reads: a share exact, a distance, a correlation or an RMSE. */
export function score(m: Pick<MetricInfo, 'metric' | 'unit'>, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '…';
  switch (m.metric) {
    case 'exact':
      return v.toFixed(3);
    case 'correlation':
      return `r = ${v.toFixed(3)}`;
    case 'distance':
      return `${v.toFixed(v < 10 ? 2 : 0)} ${unit(m.unit)}`;
    case 'rmse':
      return `${v.toFixed(3)} ${unit(m.unit)}`;
  }
}

/** What a field's score is, for an axis or a legend. */
export function scoreName(m: MetricInfo): string {
  const better = m.better === 'higher' ? 'higher is better' : 'lower is better';
  switch (m.metric) {
    case 'exact':
      return `${m.key}: share exact (${better})`;
    case 'correlation':
      return `${m.key}: Pearson r per record (${better})`;
    case 'distance':
      return `${m.key}: mean distance, ${unit(m.unit)} (${better})`;
    case 'rmse':
      return `${m.key}: RMSE, ${unit(m.unit)} (${better})`;
  }
}

/** A value of a record's numeric field, as the CSV writes it (up to 3 decimals). */
export const value = (v: number): string => (v === 0 ? '0' : String(Math.round(v * 1000) / 1000));

/** Seconds as "12 s" or "2 min 5 s". */
export function seconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export const thousands = (n: number): string => en(n);
