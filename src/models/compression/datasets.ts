/**
 * The two datasets of the Compression lab as Tables (./table), with the
 * bytes they take as files, which is what every ratio divides.
 *
 * - cell-atlas (generated, src/data/cellAtlas): fields subclass (14 labels,
 *   scored also as its class, 6 labels), region (6), coords (x, y, z in um;
 *   scored by Euclidean distance), expression (G genes, log1p counts;
 *   scored by Pearson correlation per record), protein (5 markers; RMSE).
 *   Files: the CSV and the packed binary of src/data/cellAtlasFormat.
 * - mnist (real digits, src/data/mnist): fields digit (10 labels) and
 *   pixels (784 ink values 0..255; RMSE in ink, one mean and sd for all
 *   pixels so that near-constant border pixels do not blow up). Files: CSV
 *   "label,p0,...,p783" of integers, and the packed binary of the app's
 *   MNIST asset format (32-byte header, a label byte and 784 pixel bytes
 *   per digit, not gzipped).
 */
import {
  CELL_CLASSES,
  REGIONS,
  SUBCLASSES,
  generateCellAtlas,
  type CellAtlas,
} from '../../data/cellAtlas';
import { atlasToCsv, packAtlas } from '../../data/cellAtlasFormat';
import { MNIST_PIXELS, packMnist, type MnistSet } from '../../data/mnist';
import { createRng } from '../../core/random';
import type { Table } from './table';

export type DatasetName = 'cell-atlas' | 'mnist';
export const DATASETS: readonly DatasetName[] = ['cell-atlas', 'mnist'];

/** A table and its two file forms (made on demand: a 100,000-cell CSV is tens of MB). */
export interface Dataset {
  readonly table: Table;
  /** The dataset as CSV text (ASCII). */
  csv(): string;
  /** The dataset as a packed binary file. */
  packed(): Uint8Array;
}

/** The cell atlas as a Table; the arrays are shared, not copied. */
export function atlasTable(atlas: CellAtlas): Table {
  return {
    dataset: 'cell-atlas',
    label: 'generated',
    n: atlas.n,
    fields: [
      {
        kind: 'category',
        name: 'subclass',
        labels: SUBCLASSES.map((s) => s.name),
        parent: { name: 'class', labels: CELL_CLASSES, of: SUBCLASSES.map((s) => s.cellClass) },
      },
      { kind: 'category', name: 'region', labels: REGIONS.map((r) => r.name) },
      {
        kind: 'numeric',
        name: 'coords',
        columns: ['x_um', 'y_um', 'z_um'],
        metric: 'distance',
        unit: 'um',
        scaling: 'column',
        nonNegative: false,
      },
      {
        kind: 'numeric',
        name: 'expression',
        columns: atlas.genes,
        metric: 'correlation',
        unit: 'log1p count',
        scaling: 'column',
        nonNegative: true,
      },
      {
        kind: 'numeric',
        name: 'protein',
        columns: atlas.proteins,
        metric: 'rmse',
        unit: 'intensity',
        scaling: 'column',
        nonNegative: true,
      },
    ],
    values: [atlas.subclass, atlas.region, atlas.coords, atlas.expression, atlas.protein],
  };
}

/** A generated cell atlas of n records as a Dataset. */
export function cellAtlasDataset(n: number, seed: number, genes?: number): Dataset {
  const atlas = generateCellAtlas({ n, seed, genes });
  return { table: atlasTable(atlas), csv: () => atlasToCsv(atlas), packed: () => packAtlas(atlas) };
}

/**
 * n MNIST digits drawn without replacement (seeded partial Fisher-Yates over
 * all digits; n above the set's size is an error) as a Dataset.
 */
export function mnistDataset(set: MnistSet, n: number, seed: number): Dataset {
  if (!Number.isInteger(n) || n < 1 || n > set.count) {
    throw new RangeError(`records must be a whole number in 1..${set.count}, got ${n}`);
  }
  const pool = Int32Array.from({ length: set.count }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(set.count - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const labels = new Uint8Array(n);
  const ink = new Uint8Array(n * MNIST_PIXELS);
  for (let r = 0; r < n; r++) {
    labels[r] = set.labels[pool[r]];
    ink.set(
      set.pixels.subarray(pool[r] * MNIST_PIXELS, (pool[r] + 1) * MNIST_PIXELS),
      r * MNIST_PIXELS,
    );
  }
  const table: Table = {
    dataset: 'mnist',
    label: 'real',
    n,
    fields: [
      { kind: 'category', name: 'digit', labels: [...Array(10).keys()].map(String) },
      {
        kind: 'numeric',
        name: 'pixels',
        columns: Array.from({ length: MNIST_PIXELS }, (_, k) => `p${k}`),
        metric: 'rmse',
        unit: 'ink (0-255)',
        scaling: 'field',
        nonNegative: true,
      },
    ],
    values: [labels, Float32Array.from(ink)],
  };
  return {
    table,
    csv: () => mnistCsv(labels, ink),
    packed: () => packMnist(labels, ink),
  };
}

function mnistCsv(labels: Uint8Array, ink: Uint8Array): string {
  const header = ['label', ...Array.from({ length: MNIST_PIXELS }, (_, k) => `p${k}`)].join(',');
  const lines = [header];
  for (let r = 0; r < labels.length; r++) {
    const row = ink.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS);
    lines.push(`${labels[r]},${Array.prototype.join.call(row, ',')}`);
  }
  return lines.join('\n') + '\n';
}
