/**
 * A generated, seeded "cell atlas" for the Compression lab (SCIENCE.md
 * section 4). It is GENERATED, not measured: every page and document that
 * shows it says so (`label: 'generated'`). What it has is the structure of
 * a real single-cell atlas of the mouse cortex, so that compressing it is a
 * fair test:
 *
 * - a taxonomy: 6 classes (excitatory and inhibitory neurons, astrocytes,
 *   oligodendrocytes, OPCs, microglia) split into 14 subclasses
 *   (excitatory by layer: L2/3 IT, L4/5 IT, L5 IT, L5 ET, L6 IT, L6 CT;
 *   inhibitory: Pvalb, Sst, Vip, Lamp5; one subclass per glial class);
 * - 6 cortical regions whose mix of subclasses differs (L4/5 IT cells are
 *   common in the granular sensory areas and rare in agranular motor and
 *   prefrontal cortex, L5 ET cells most common in motor cortex, Vip and Sst
 *   cells commoner in prefrontal cortex, Pvalb in sensory areas);
 * - coordinates in micrometres: x, y on a flattened cortical sheet,
 *   clustered around each region's centre (Gaussian, per-region spread);
 *   z the depth below the pia, from the subclass's layer (a Gaussian over
 *   the relative depth, clipped to [0, 1.05] of the region's thickness);
 * - expression of G genes (50..200): counts from a negative binomial with
 *   dispersion r = 2 (drawn as Gamma(2, m/2)-Poisson, so Var = m + m^2/2)
 *   around a mean m = s * mu[subclass, gene] * rho[region, gene], where s
 *   is the cell's library size (log-normal, sigma 0.3), mu a seeded
 *   subclass profile (class and subclass markers high, other markers near
 *   zero, the rest log-normal around a gene baseline) and rho a mild
 *   regional factor (log-normal, sigma 0.15). The stored value is
 *   log1p(count), rounded to 3 decimals. Most entries are 0 (about 70 %).
 *   Poisson draws: inversion below lambda = 30, a rounded normal above.
 * - 5 protein markers (NeuN, GFAP, Olig2, Iba1, PV): log-normal
 *   intensities, high for the subclasses that carry the protein, rounded to
 *   2 decimals.
 *
 * All values are rounded to the decimals the CSV prints, then held as
 * float32, so the CSV and the packed binary (./cellAtlasFormat) hold the
 * same numbers and either reads back to identical arrays.
 * Everything is drawn from createRng(seed): the profiles from one stream,
 * the cells from another, so the same seed gives the same atlas for any N
 * (the first N cells of a larger atlas are the smaller one).
 */
import { createRng, type Rng } from '../core/random';

export const ATLAS_LABEL = 'generated' as const;

export const CELL_CLASSES = [
  'Excitatory neuron',
  'Inhibitory neuron',
  'Astrocyte',
  'Oligodendrocyte',
  'OPC',
  'Microglia',
] as const;

export interface Subclass {
  readonly name: string;
  /** Index into CELL_CLASSES. */
  readonly cellClass: number;
  /** Relative depth below the pia (0 = pia, 1 = white-matter border): mean and sd. */
  readonly depth: readonly [number, number];
  /** Share of all cells in a region before the region's factor. */
  readonly share: number;
  readonly markers: readonly string[];
}

export const SUBCLASSES: readonly Subclass[] = [
  { name: 'L2/3 IT', cellClass: 0, depth: [0.22, 0.07], share: 0.16, markers: ['Cux2', 'Otof'] },
  { name: 'L4/5 IT', cellClass: 0, depth: [0.4, 0.05], share: 0.1, markers: ['Rorb', 'Rspo1'] },
  { name: 'L5 IT', cellClass: 0, depth: [0.52, 0.06], share: 0.07, markers: ['Deptor', 'Tshz2'] },
  { name: 'L5 ET', cellClass: 0, depth: [0.58, 0.05], share: 0.05, markers: ['Fezf2', 'Bcl11b'] },
  { name: 'L6 IT', cellClass: 0, depth: [0.72, 0.06], share: 0.06, markers: ['Osr1', 'Sulf1'] },
  { name: 'L6 CT', cellClass: 0, depth: [0.82, 0.06], share: 0.09, markers: ['Foxp2', 'Syt6'] },
  { name: 'Pvalb', cellClass: 1, depth: [0.5, 0.2], share: 0.05, markers: ['Pvalb', 'Tac1'] },
  { name: 'Sst', cellClass: 1, depth: [0.6, 0.2], share: 0.04, markers: ['Sst', 'Chodl'] },
  { name: 'Vip', cellClass: 1, depth: [0.25, 0.1], share: 0.03, markers: ['Vip', 'Cck'] },
  { name: 'Lamp5', cellClass: 1, depth: [0.12, 0.08], share: 0.02, markers: ['Lamp5', 'Ndnf'] },
  { name: 'Astrocyte', cellClass: 2, depth: [0.5, 0.3], share: 0.11, markers: ['Aqp4', 'Gfap'] },
  {
    name: 'Oligodendrocyte',
    cellClass: 3,
    depth: [0.95, 0.12],
    share: 0.1,
    markers: ['Mbp', 'Mog'],
  },
  { name: 'OPC', cellClass: 4, depth: [0.55, 0.3], share: 0.04, markers: ['Pdgfra', 'Cspg4'] },
  {
    name: 'Microglia',
    cellClass: 5,
    depth: [0.5, 0.3],
    share: 0.05,
    markers: ['Cx3cr1', 'P2ry12'],
  },
];

/** Markers of a whole class (index into CELL_CLASSES); neurons share Snap25 and Syt1. */
const CLASS_MARKERS: readonly (readonly string[])[] = [
  ['Slc17a7', 'Neurod6', 'Snap25', 'Syt1'],
  ['Gad1', 'Gad2', 'Snap25', 'Syt1'],
  ['Slc1a3', 'Aldh1l1'],
  ['Plp1', 'Mobp'],
  ['Olig1', 'Sox10'],
  ['Tmem119', 'Csf1r'],
];

export interface Region {
  readonly name: string;
  /** Centre on the flattened cortical sheet (um) and the spread around it (um, sd). */
  readonly centre: readonly [number, number];
  readonly spread: number;
  /** Cortical thickness (um). */
  readonly thickness: number;
  /** Share of all cells in this region. */
  readonly share: number;
  /** Factor on each subclass's share, in SUBCLASSES order. */
  readonly mix: readonly number[];
}

export const REGIONS: readonly Region[] = [
  {
    name: 'Visual (VISp)',
    centre: [-3200, 600],
    spread: 450,
    thickness: 950,
    share: 0.22,
    mix: [1.0, 2.0, 0.8, 0.6, 1.0, 1.1, 1.3, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0],
  },
  {
    name: 'Somatosensory (SSp)',
    centre: [-600, 900],
    spread: 600,
    thickness: 1250,
    share: 0.24,
    mix: [1.0, 1.9, 0.9, 0.8, 1.0, 1.0, 1.4, 0.9, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0],
  },
  {
    name: 'Motor (MOp)',
    centre: [800, 2300],
    spread: 500,
    thickness: 1500,
    share: 0.18,
    mix: [0.9, 0.1, 1.2, 2.4, 1.0, 1.0, 1.0, 1.1, 0.9, 1.0, 1.0, 1.1, 1.0, 1.0],
  },
  {
    name: 'Prefrontal (PFC)',
    centre: [2600, 3000],
    spread: 400,
    thickness: 1350,
    share: 0.14,
    mix: [1.3, 0.05, 1.1, 1.2, 1.0, 0.9, 0.7, 1.5, 1.8, 1.4, 1.0, 0.9, 1.0, 1.1],
  },
  {
    name: 'Auditory (AUDp)',
    centre: [-1700, -1600],
    spread: 350,
    thickness: 1100,
    share: 0.12,
    mix: [1.0, 1.6, 1.0, 0.7, 1.0, 1.0, 1.2, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
  },
  {
    name: 'Retrosplenial (RSP)',
    centre: [-2600, 2700],
    spread: 350,
    thickness: 900,
    share: 0.1,
    mix: [1.4, 0.3, 1.0, 0.7, 1.0, 1.0, 0.9, 1.0, 1.2, 1.2, 1.0, 1.0, 1.0, 1.0],
  },
];

export const PROTEINS = ['NeuN', 'GFAP', 'Olig2', 'Iba1', 'PV'] as const;
/** For each protein, the subclasses (by name) that carry it. */
const PROTEIN_CARRIERS: readonly (readonly string[])[] = [
  SUBCLASSES.filter((s) => s.cellClass <= 1).map((s) => s.name),
  ['Astrocyte'],
  ['Oligodendrocyte', 'OPC'],
  ['Microglia'],
  ['Pvalb'],
];

export const MIN_GENES = 50;
export const MAX_GENES = 200;
export const DEFAULT_GENES = 100;
/** Decimals kept: expression (log1p counts), coordinates (um), protein intensities. */
export const DECIMALS = { expression: 3, coords: 1, protein: 2 } as const;

export interface AtlasOptions {
  /** Records (cells), 1 .. 1,000,000. */
  readonly n: number;
  readonly seed: number;
  /** Genes G, MIN_GENES .. MAX_GENES (default DEFAULT_GENES). */
  readonly genes?: number;
}

export interface CellAtlas {
  readonly label: typeof ATLAS_LABEL;
  readonly seed: number;
  readonly n: number;
  /** Gene names, G of them: the markers first, then generated names Gene001... */
  readonly genes: readonly string[];
  readonly proteins: readonly string[];
  /** Subclass of each cell (index into SUBCLASSES); its class is SUBCLASSES[s].cellClass. */
  readonly subclass: Uint8Array;
  /** Region of each cell (index into REGIONS). */
  readonly region: Uint8Array;
  /** n x 3: x, y on the cortical sheet and z the depth below the pia, um. */
  readonly coords: Float32Array;
  /** n x G: log1p(count). */
  readonly expression: Float32Array;
  /** n x P: protein intensities (arbitrary units). */
  readonly protein: Float32Array;
}

/** The class (index into CELL_CLASSES) of each cell. */
export function cellClassOf(atlas: Pick<CellAtlas, 'subclass'>): Uint8Array {
  return atlas.subclass.map((s) => SUBCLASSES[s].cellClass);
}

/** G gene names: every class and subclass marker once, then Gene001, Gene002, ... */
export function geneNames(g: number): string[] {
  if (!Number.isInteger(g) || g < MIN_GENES || g > MAX_GENES) {
    throw new RangeError(`genes must be a whole number in ${MIN_GENES}..${MAX_GENES}, got ${g}`);
  }
  const markers = [...new Set([...CLASS_MARKERS.flat(), ...SUBCLASSES.flatMap((s) => s.markers)])];
  const names = markers.slice(0, g);
  for (let i = names.length; i < g; i++) names.push(`Gene${String(i + 1).padStart(3, '0')}`);
  return names;
}

/** Mean count mu[subclass * G + gene] of every subclass, from the profile stream. */
export function subclassProfiles(genes: readonly string[], rng: Rng): Float64Array {
  const g = genes.length;
  const mu = new Float64Array(SUBCLASSES.length * g);
  const markerSet = new Set([...CLASS_MARKERS.flat(), ...SUBCLASSES.flatMap((s) => s.markers)]);
  const baseline = genes.map(() => Math.exp(-1.2 + 1.1 * rng.normal()));
  SUBCLASSES.forEach((sub, t) => {
    const own = new Set([...sub.markers, ...CLASS_MARKERS[sub.cellClass]]);
    genes.forEach((gene, j) => {
      const wobble = Math.exp(0.6 * rng.normal());
      let m: number;
      if (sub.markers.includes(gene)) m = 12 + 18 * rng.next();
      else if (own.has(gene)) m = 6 + 8 * rng.next();
      else if (markerSet.has(gene)) m = 0.03 * wobble;
      else m = baseline[j] * wobble;
      mu[t * g + j] = m;
    });
  });
  return mu;
}

/** Regional factor rho[region * G + gene] = exp(0.15 z). */
function regionFactors(g: number, rng: Rng): Float64Array {
  const rho = new Float64Array(REGIONS.length * g);
  for (let i = 0; i < rho.length; i++) rho[i] = Math.exp(0.15 * rng.normal());
  return rho;
}

/** P(subclass | region) for every region: share * mix, normalised (row-major, regions x subclasses). */
export function subclassMix(): Float64Array {
  const t = SUBCLASSES.length;
  const p = new Float64Array(REGIONS.length * t);
  REGIONS.forEach((r, k) => {
    let sum = 0;
    for (let s = 0; s < t; s++) sum += p[k * t + s] = SUBCLASSES[s].share * r.mix[s];
    for (let s = 0; s < t; s++) p[k * t + s] /= sum;
  });
  return p;
}

function pick(cumulative: Float64Array, offset: number, count: number, u: number): number {
  for (let i = 0; i < count - 1; i++) if (u < cumulative[offset + i]) return i;
  return count - 1;
}

function cumulate(p: Float64Array, rows: number, cols: number): Float64Array {
  const c = new Float64Array(p.length);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < cols; j++) c[r * cols + j] = s += p[r * cols + j];
  }
  return c;
}

/** Poisson(lambda): inversion by sequential search below 30, a rounded normal (>= 0) above. */
function poisson(lambda: number, rng: Rng): number {
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  let p = Math.exp(-lambda);
  let f = p;
  let k = 0;
  const u = rng.next();
  while (u > f && k < 200) {
    k++;
    p *= lambda / k;
    f += p;
  }
  return k;
}

const roundTo = (v: number, decimals: number): number => {
  const s = 10 ** decimals;
  return Math.round(v * s) / s;
};

/** Generates the atlas. Cost O(n (G + P)); 100,000 cells of 100 genes take about a second. */
export function generateCellAtlas(options: AtlasOptions): CellAtlas {
  const { n, seed } = options;
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new RangeError(`records must be a whole number in 1..1000000, got ${n}`);
  }
  const genes = geneNames(options.genes ?? DEFAULT_GENES);
  const g = genes.length;
  const profileRng = createRng(seed ^ 0x5eed1e55);
  const mu = subclassProfiles(genes, profileRng);
  const rho = regionFactors(g, profileRng);
  const t = SUBCLASSES.length;
  const regionCum = cumulate(
    Float64Array.from(REGIONS, (r) => r.share),
    1,
    REGIONS.length,
  );
  const mixCum = cumulate(subclassMix(), REGIONS.length, t);
  const carriers = PROTEIN_CARRIERS.map((names) => new Set(names));
  const pCount = PROTEINS.length;

  const rng = createRng(seed);
  const subclass = new Uint8Array(n);
  const region = new Uint8Array(n);
  const coords = new Float32Array(n * 3);
  const expression = new Float32Array(n * g);
  const protein = new Float32Array(n * pCount);
  const cs = DECIMALS.coords;
  for (let i = 0; i < n; i++) {
    const k = pick(regionCum, 0, REGIONS.length, rng.next());
    const s = pick(mixCum, k * t, t, rng.next());
    region[i] = k;
    subclass[i] = s;
    const r = REGIONS[k];
    const sub = SUBCLASSES[s];
    coords[i * 3] = roundTo(r.centre[0] + r.spread * rng.normal(), cs);
    coords[i * 3 + 1] = roundTo(r.centre[1] + r.spread * rng.normal(), cs);
    const depth = Math.min(1.05, Math.max(0, sub.depth[0] + sub.depth[1] * rng.normal()));
    coords[i * 3 + 2] = roundTo(depth * r.thickness, cs);
    const library = Math.exp(0.3 * rng.normal());
    for (let j = 0; j < g; j++) {
      const m = library * mu[s * g + j] * rho[k * g + j];
      // Gamma(2, m/2) as -(m/2) ln(u1 u2): mean m; 1 - next() keeps the log finite.
      const lambda = -0.5 * m * Math.log((1 - rng.next()) * (1 - rng.next()));
      const count = poisson(lambda, rng);
      expression[i * g + j] = count === 0 ? 0 : roundTo(Math.log1p(count), DECIMALS.expression);
    }
    for (let q = 0; q < pCount; q++) {
      const level = carriers[q].has(sub.name) ? 3 : 0.2;
      protein[i * pCount + q] = roundTo(level * Math.exp(0.35 * rng.normal()), DECIMALS.protein);
    }
  }
  return {
    label: ATLAS_LABEL,
    seed,
    n,
    genes,
    proteins: [...PROTEINS],
    subclass,
    region,
    coords,
    expression,
    protein,
  };
}
