/**
 * The parameters of the context maintenance and retrieval model (CMR), named
 * as in Polyn, Norman & Kahana (2009), with their ranges, in one readonly
 * table the page can turn into sliders and the command line into flags.
 *
 * The defaults are the example parameters of cymr's documentation (not a
 * fit), converted from cymr's names:
 *
 *   cymr    here          conversion
 *   B_enc   beta_enc      same
 *   B_start beta_start    same
 *   B_rec   beta_rec      same
 *   Lfc     gamma_fc      same: M^FC = (1 - gamma_fc) I + gamma_fc sum t f^T
 *   Lcf     gamma_cf      same: M^CF = (1 - gamma_cf) I + gamma_cf sum phi_i f t^T
 *   P1      phi_s         phi_s = P1 / Lcf (cymr adds P1 e^{-P2 (i-1)} to the
 *                         rate Lcf; the paper multiplies gamma_cf by
 *                         phi_i = phi_s e^{-phi_d (i-1)} + 1; same product)
 *   P2      phi_d         same
 *   T       tau           same: P(j) proportional to exp(2 a_j / tau)
 *   X1, X2  x1, x2        same: P_stop(k) = x1 exp(x2 k)
 *
 * cymr's example also sets Acf = 1 (a uniform pre-experimental context-to-item
 * weight). Under the exponential choice rule a uniform weight adds the same
 * amount to every item's support and cancels, so it is left out here.
 *
 * Parameters cymr's example does not set, chosen here and documented in
 * their rows: beta_distract (the distractor's drift), theta (retrieval
 * threshold, off by default), w_place (the environmental context of
 * Godden & Baddeley 1975), w_emotion and phi_emot (eCMR, Talmi, Lohnas &
 * Daw 2019).
 *
 * CMR_PARAM_TABLE is the same table in src/core/params.ts form (link keys =
 * the parameter keys, flags in kebab-case: --beta-enc, --phi-s, ...).
 */
import { floatParam, type ParamSpec } from '../../core/params';

/** All CMR parameters; numbers, so the page can bind each to a slider. */
export interface CmrParams {
  beta_enc: number;
  beta_start: number;
  beta_rec: number;
  beta_distract: number;
  gamma_fc: number;
  gamma_cf: number;
  phi_s: number;
  phi_d: number;
  tau: number;
  x1: number;
  x2: number;
  theta: number;
  w_place: number;
  w_emotion: number;
  phi_emot: number;
}

export type CmrParamKey = keyof CmrParams;

/** Which part of the lab a parameter belongs to. */
export type CmrParamGroup = 'drift' | 'learning' | 'retrieval' | 'place' | 'emotion';

/** One row of the parameter table. */
export interface CmrParamInfo {
  readonly key: CmrParamKey;
  /** The paper's symbol, as TeX (for KaTeX). */
  readonly symbol: string;
  readonly default: number;
  /** Inclusive range. */
  readonly min: number;
  readonly max: number;
  /** A slider step (phi_s's default, P1 / Lcf = 5.33..., lies between steps). */
  readonly step: number;
  readonly describe: string;
  readonly group: CmrParamGroup;
  /** The name in cymr (mortonne/cymr) where it has one. */
  readonly cymr?: string;
}

/** cymr's documented example parameters ("Generating simulated data"), in cymr's names. */
export const CYMR_EXAMPLE = Object.freeze({
  B_enc: 0.6,
  B_start: 0.3,
  B_rec: 0.8,
  Lfc: 0.15,
  Lcf: 0.15,
  P1: 0.8,
  P2: 1,
  T: 0.1,
  X1: 0.001,
  X2: 0.35,
});

export type CymrParams = typeof CYMR_EXAMPLE;

/** Converts cymr's names to the paper's (see the table at the top of this file). */
export function paramsFromCymr(
  c: CymrParams,
): Pick<
  CmrParams,
  | 'beta_enc'
  | 'beta_start'
  | 'beta_rec'
  | 'gamma_fc'
  | 'gamma_cf'
  | 'phi_s'
  | 'phi_d'
  | 'tau'
  | 'x1'
  | 'x2'
> {
  return {
    beta_enc: c.B_enc,
    beta_start: c.B_start,
    beta_rec: c.B_rec,
    gamma_fc: c.Lfc,
    gamma_cf: c.Lcf,
    phi_s: c.P1 / c.Lcf,
    phi_d: c.P2,
    tau: c.T,
    x1: c.X1,
    x2: c.X2,
  };
}

const EXAMPLE = paramsFromCymr(CYMR_EXAMPLE);

/**
 * The table. Ranges are the usual search bounds for each kind of parameter
 * (rates in [0, 1], the primacy scale up to 20, the stop rule's X1 up to 0.2).
 */
export const CMR_PARAMS: readonly CmrParamInfo[] = Object.freeze([
  {
    key: 'beta_enc',
    symbol: '\\beta_{\\mathrm{enc}}',
    default: EXAMPLE.beta_enc,
    min: 0,
    max: 1,
    step: 0.01,
    describe: 'context drift rate at study: how far context moves toward each new item',
    group: 'drift',
    cymr: 'B_enc',
  },
  {
    key: 'beta_start',
    symbol: '\\beta_{\\mathrm{start}}',
    default: EXAMPLE.beta_start,
    min: 0,
    max: 1,
    step: 0.01,
    describe: 'how strongly the start-of-list context is reinstated before recall (primacy)',
    group: 'drift',
    cymr: 'B_start',
  },
  {
    key: 'beta_rec',
    symbol: '\\beta_{\\mathrm{rec}}',
    default: EXAMPLE.beta_rec,
    min: 0,
    max: 1,
    step: 0.01,
    describe:
      "context drift rate at recall: how far context moves toward a recalled item's context",
    group: 'drift',
    cymr: 'B_rec',
  },
  {
    key: 'beta_distract',
    symbol: '\\beta_{\\mathrm{distract}}',
    default: 0.9,
    min: 0,
    max: 1,
    step: 0.01,
    describe:
      'drift toward a fresh distractor item, once before the test (delayed) or after every item (continuous)',
    group: 'drift',
  },
  {
    key: 'gamma_fc',
    symbol: '\\gamma_{FC}',
    default: EXAMPLE.gamma_fc,
    min: 0,
    max: 1,
    step: 0.01,
    describe:
      'item-to-context learning: share of M^FC learned in the list (the rest is the item itself)',
    group: 'learning',
    cymr: 'Lfc',
  },
  {
    key: 'gamma_cf',
    symbol: '\\gamma_{CF}',
    default: EXAMPLE.gamma_cf,
    min: 0,
    max: 1,
    step: 0.01,
    describe: 'context-to-item learning: share of M^CF learned in the list',
    group: 'learning',
    cymr: 'Lcf',
  },
  {
    key: 'phi_s',
    symbol: '\\phi_s',
    default: EXAMPLE.phi_s,
    min: 0,
    max: 20,
    step: 0.01,
    describe:
      'primacy scale: extra context-to-item learning for the first item (phi_1 = phi_s + 1)',
    group: 'learning',
    cymr: 'P1 / Lcf',
  },
  {
    key: 'phi_d',
    symbol: '\\phi_d',
    default: EXAMPLE.phi_d,
    min: 0,
    max: 5,
    step: 0.01,
    describe: 'primacy decay: how fast the extra learning falls off with serial position',
    group: 'learning',
    cymr: 'P2',
  },
  {
    key: 'tau',
    symbol: '\\tau',
    default: EXAMPLE.tau,
    min: 0.01,
    max: 1,
    step: 0.01,
    describe: 'choice temperature: P(j) grows as exp(2 a_j / tau); smaller is more deterministic',
    group: 'retrieval',
    cymr: 'T',
  },
  {
    key: 'x1',
    symbol: 'X_1',
    default: EXAMPLE.x1,
    min: 0,
    max: 0.2,
    step: 0.0005,
    describe: 'stop rule: probability of recalling nothing at all',
    group: 'retrieval',
    cymr: 'X1',
  },
  {
    key: 'x2',
    symbol: 'X_2',
    default: EXAMPLE.x2,
    min: 0,
    max: 2,
    step: 0.01,
    describe: 'stop rule: growth of the stop probability with each recall, P_stop = X1 exp(X2 k)',
    group: 'retrieval',
    cymr: 'X2',
  },
  {
    key: 'theta',
    symbol: '\\theta',
    default: 0,
    min: 0,
    max: 1,
    step: 0.01,
    describe:
      'retrieval threshold: support of a "nothing comes to mind" option that ends recall when chosen; 0 is off',
    group: 'retrieval',
  },
  {
    key: 'w_place',
    symbol: 'w_{\\mathrm{place}}',
    default: 0.5,
    min: 0,
    max: 2,
    step: 0.01,
    describe: 'strength of the place (environmental context A or B) in every context input',
    group: 'place',
  },
  {
    key: 'w_emotion',
    symbol: 'w_{\\mathrm{emot}}',
    default: 0.5,
    min: 0,
    max: 2,
    step: 0.01,
    describe:
      "strength of an emotional item's extra context feature in its pre-experimental context",
    group: 'emotion',
  },
  {
    key: 'phi_emot',
    symbol: '\\Phi_{\\mathrm{emot}}',
    default: 2,
    min: 1,
    max: 5,
    step: 0.01,
    describe: 'eCMR: how many times stronger context-to-item learning is for an emotional item',
    group: 'emotion',
  },
] as const satisfies readonly CmrParamInfo[]);

/** The defaults of the table, as a parameter set. */
export const DEFAULT_CMR_PARAMS: Readonly<CmrParams> = Object.freeze(
  Object.fromEntries(CMR_PARAMS.map((p) => [p.key, p.default])) as unknown as CmrParams,
);

/** The row of one parameter. */
export function paramInfo(key: CmrParamKey): CmrParamInfo {
  const info = CMR_PARAMS.find((p) => p.key === key);
  if (!info) throw new RangeError(`no CMR parameter '${key}'`);
  return info;
}

/**
 * The defaults with `overrides` on top. Throws RangeError for an unknown key
 * or a value outside its row's range (NaN included).
 */
export function cmrParams(overrides: Partial<CmrParams> = {}): CmrParams {
  const out: CmrParams = { ...DEFAULT_CMR_PARAMS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const info = paramInfo(key as CmrParamKey);
    if (!(value >= info.min && value <= info.max)) {
      throw new RangeError(`${key} = ${value} is outside [${info.min}, ${info.max}]`);
    }
    out[info.key] = value;
  }
  return out;
}

/**
 * The table as a src/core/params.ts parameter table, for links and command
 * lines: each key a float parameter with the row's default and range, its
 * link key the parameter key (beta_enc=0.5) and its flag the key in
 * kebab-case (--beta-enc 0.5).
 */
export const CMR_PARAM_TABLE: Readonly<Record<CmrParamKey, ParamSpec<number>>> = Object.freeze(
  Object.fromEntries(
    CMR_PARAMS.map((p) => [
      p.key,
      floatParam(p.default, p.min, p.max, p.describe, { flag: p.key.replace(/_/g, '-') }),
    ]),
  ) as Record<CmrParamKey, ParamSpec<number>>,
);

/** The CMR parameters out of a larger set of values (e.g. a command line's). */
export function pickCmrParams(values: Partial<Record<string, unknown>>): Partial<CmrParams> {
  const out: Partial<CmrParams> = {};
  for (const p of CMR_PARAMS) {
    const v = values[p.key];
    if (typeof v === 'number') out[p.key] = v;
  }
  return out;
}
