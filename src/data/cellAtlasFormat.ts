/**
 * The generated cell atlas (./cellAtlas) as bytes: CSV text and a packed
 * binary. Both hold exactly the same numbers (the generator rounds every
 * value to the CSV's decimals before storing it as float32), and both read
 * back to identical arrays, so "the dataset's bytes" is a fair size for
 * either.
 *
 * CSV (UTF-8, ASCII only, '\n' line ends, a header row):
 *   cell_id,class,subclass,region,x_um,y_um,z_um,<G gene names>,<P protein names>
 * cell_id is the row index; class is implied by subclass and written for
 * readers; zeros print as "0", other values as their shortest decimal
 * (3 decimals for expression, 1 for coordinates, 2 for proteins).
 *
 * Packed binary, version 1, little-endian:
 *   bytes 0-7    "ENGATLAS"
 *   u32 @8       version = 1
 *   u32 @12      n (records)
 *   u32 @16      seed
 *   u16 @20 G, u16 @22 P, u16 @24 T (subclasses), u16 @26 R (regions)
 *   u32 @28      L, bytes of the names block
 *   @32          names block, UTF-8 lines joined by '\n': T lines
 *                "<subclass>\t<class>", R region lines, G genes, P proteins
 *   then zero padding to a multiple of 4
 *   u8[n] subclass, u8[n] region, zero padding to a multiple of 4
 *   f32[n*3] coords (x, y, z per record), f32[n*G] expression,
 *   f32[n*P] protein (row-major)
 * Total = 32 + pad4(L) + pad4(2n) + 4n(3 + G + P) bytes. No compression.
 */
import {
  ATLAS_LABEL,
  CELL_CLASSES,
  DECIMALS,
  PROTEINS,
  REGIONS,
  SUBCLASSES,
  type CellAtlas,
} from './cellAtlas';

export const ATLAS_MAGIC = 'ENGATLAS';
export const ATLAS_FORMAT_VERSION = 1;
const HEADER = 32;

const pad4 = (x: number): number => (x + 3) & ~3;

/** The CSV's header row, without the line end. */
export function atlasCsvHeader(atlas: Pick<CellAtlas, 'genes' | 'proteins'>): string {
  return ['cell_id', 'class', 'subclass', 'region', 'x_um', 'y_um', 'z_um']
    .concat(atlas.genes, atlas.proteins)
    .join(',');
}

function formatter(decimals: number): (v: number) => string {
  const s = 10 ** decimals;
  return (v) => (v === 0 ? '0' : String(Math.round(v * s) / s));
}

/** The whole atlas as CSV text (see the module comment). */
export function atlasToCsv(atlas: CellAtlas): string {
  const { n, genes, proteins } = atlas;
  const g = genes.length;
  const p = proteins.length;
  const expr = formatter(DECIMALS.expression);
  const coord = formatter(DECIMALS.coords);
  const prot = formatter(DECIMALS.protein);
  const lines: string[] = [atlasCsvHeader(atlas)];
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = SUBCLASSES[atlas.subclass[i]];
    cells.length = 0;
    cells.push(String(i), CELL_CLASSES[sub.cellClass], sub.name, REGIONS[atlas.region[i]].name);
    for (let c = 0; c < 3; c++) cells.push(coord(atlas.coords[i * 3 + c]));
    for (let j = 0; j < g; j++) cells.push(expr(atlas.expression[i * g + j]));
    for (let q = 0; q < p; q++) cells.push(prot(atlas.protein[i * p + q]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Reads CSV made by atlasToCsv back (seed is not in the CSV: pass it). Throws on any mismatch. */
export function parseAtlasCsv(text: string, seed = 0): CellAtlas {
  const rows = text.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const header = rows[0].split(',');
  const fixed = ['cell_id', 'class', 'subclass', 'region', 'x_um', 'y_um', 'z_um'];
  if (fixed.some((name, i) => header[i] !== name)) throw new Error('not a cell atlas CSV header');
  const tail = header.slice(fixed.length);
  const genes = tail.slice(0, tail.length - PROTEINS.length);
  const proteins = tail.slice(genes.length);
  if (PROTEINS.some((name, i) => proteins[i] !== name)) throw new Error('protein columns');
  const n = rows.length - 1;
  const g = genes.length;
  const pc = proteins.length;
  const subIndex = new Map(SUBCLASSES.map((s, i) => [s.name, i]));
  const regionIndex = new Map(REGIONS.map((r, i) => [r.name, i]));
  const atlas: CellAtlas = {
    label: ATLAS_LABEL,
    seed,
    n,
    genes,
    proteins,
    subclass: new Uint8Array(n),
    region: new Uint8Array(n),
    coords: new Float32Array(n * 3),
    expression: new Float32Array(n * g),
    protein: new Float32Array(n * pc),
  };
  for (let i = 0; i < n; i++) {
    const cells = rows[i + 1].split(',');
    if (cells.length !== header.length) throw new Error(`row ${i} has ${cells.length} cells`);
    const s = subIndex.get(cells[2]);
    const r = regionIndex.get(cells[3]);
    if (s === undefined || r === undefined) throw new Error(`row ${i}: unknown subclass or region`);
    if (CELL_CLASSES[SUBCLASSES[s].cellClass] !== cells[1])
      throw new Error(`row ${i}: wrong class`);
    atlas.subclass[i] = s;
    atlas.region[i] = r;
    for (let c = 0; c < 3; c++) atlas.coords[i * 3 + c] = Number(cells[4 + c]);
    for (let j = 0; j < g; j++) atlas.expression[i * g + j] = Number(cells[7 + j]);
    for (let q = 0; q < pc; q++) atlas.protein[i * pc + q] = Number(cells[7 + g + q]);
  }
  return atlas;
}

function namesBlock(atlas: CellAtlas): Uint8Array {
  const lines = [
    ...SUBCLASSES.map((s) => `${s.name}\t${CELL_CLASSES[s.cellClass]}`),
    ...REGIONS.map((r) => r.name),
    ...atlas.genes,
    ...atlas.proteins,
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** Size of the packed binary in bytes, without building it. */
export function packedAtlasBytes(atlas: CellAtlas): number {
  const { n } = atlas;
  const w = 3 + atlas.genes.length + atlas.proteins.length;
  return HEADER + pad4(namesBlock(atlas).length) + pad4(2 * n) + 4 * n * w;
}

/** The packed binary (see the module comment). */
export function packAtlas(atlas: CellAtlas): Uint8Array {
  const { n } = atlas;
  const g = atlas.genes.length;
  const p = atlas.proteins.length;
  const names = namesBlock(atlas);
  const out = new Uint8Array(packedAtlasBytes(atlas));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = ATLAS_MAGIC.charCodeAt(i);
  view.setUint32(8, ATLAS_FORMAT_VERSION, true);
  view.setUint32(12, n, true);
  view.setUint32(16, atlas.seed >>> 0, true);
  view.setUint16(20, g, true);
  view.setUint16(22, p, true);
  view.setUint16(24, SUBCLASSES.length, true);
  view.setUint16(26, REGIONS.length, true);
  view.setUint32(28, names.length, true);
  out.set(names, HEADER);
  let o = HEADER + pad4(names.length);
  out.set(atlas.subclass, o);
  out.set(atlas.region, o + n);
  o += pad4(2 * n);
  for (const block of [atlas.coords, atlas.expression, atlas.protein]) {
    for (let i = 0; i < block.length; i++, o += 4) view.setFloat32(o, block[i], true);
  }
  return out;
}

/** Reads a packed atlas back. Throws when the bytes are not one (magic, version, sizes, names). */
export function unpackAtlas(bytes: Uint8Array): CellAtlas {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (bytes.length < HEADER || magic !== ATLAS_MAGIC) throw new Error('not a packed cell atlas');
  const version = view.getUint32(8, true);
  if (version !== ATLAS_FORMAT_VERSION) throw new Error(`atlas format version ${version}`);
  const n = view.getUint32(12, true);
  const seed = view.getUint32(16, true);
  const g = view.getUint16(20, true);
  const p = view.getUint16(22, true);
  const t = view.getUint16(24, true);
  const r = view.getUint16(26, true);
  const l = view.getUint32(28, true);
  const lines = new TextDecoder().decode(bytes.subarray(HEADER, HEADER + l)).split('\n');
  if (t !== SUBCLASSES.length || r !== REGIONS.length || lines.length !== t + r + g + p) {
    throw new Error('the atlas names do not match this version of the taxonomy');
  }
  SUBCLASSES.forEach((s, i) => {
    if (lines[i] !== `${s.name}\t${CELL_CLASSES[s.cellClass]}`) throw new Error('subclass names');
  });
  const genes = lines.slice(t + r, t + r + g);
  const proteins = lines.slice(t + r + g);
  let o = HEADER + pad4(l);
  if (bytes.length !== o + pad4(2 * n) + 4 * n * (3 + g + p)) throw new Error('atlas size');
  const subclass = bytes.slice(o, o + n);
  const region = bytes.slice(o + n, o + 2 * n);
  o += pad4(2 * n);
  const read = (count: number): Float32Array => {
    const a = new Float32Array(count);
    for (let i = 0; i < count; i++, o += 4) a[i] = view.getFloat32(o, true);
    return a;
  };
  const coords = read(n * 3);
  const expression = read(n * g);
  const protein = read(n * p);
  return {
    label: ATLAS_LABEL,
    seed,
    n,
    genes,
    proteins,
    subclass,
    region,
    coords,
    expression,
    protein,
  };
}
