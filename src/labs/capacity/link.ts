/**
 * The lab's link: `#/capacity?exp=noise&engine=typed-array&units=300&...`.
 * `exp` and `engine` come first; the other keys are the chosen experiment's
 * parameters, by their command-line names, left out when at their default.
 * Reading never throws: a bad value keeps the default and adds a line.
 */
import {
  decodeParams,
  encodeParams,
  enumParam,
  stringParam,
  type ParamTable,
} from '../../core/params';
import {
  EXPERIMENT_DEFS,
  experimentDef,
  type ExperimentName,
} from '../../models/experiments/registry';
import { parseParam } from '../../models/experiments/params';
import { defaultTexts, type CapacityState } from './store';

const NAMES = EXPERIMENT_DEFS.map((e) => e.name) as [ExperimentName, ...ExperimentName[]];

export const LINK_HEAD = {
  exp: enumParam(NAMES, 'capacity', 'which experiment'),
  engine: enumParam(
    ['wasm-simd', 'typed-array', 'tfjs'] as const,
    'wasm-simd',
    'engine: WebAssembly SIMD, typed arrays or TensorFlow.js',
  ),
};

function tableOf(name: ExperimentName): ParamTable {
  const def = experimentDef(name)!;
  return Object.fromEntries(
    def.params.map((p) => [p.name, stringParam(String(p.default), p.describe, 2000)]),
  );
}

export function readLink(query: string): Partial<CapacityState> {
  const head = decodeParams(LINK_HEAD, query);
  const experiment = head.values.exp;
  const errors = [...head.errors];
  const texts = defaultTexts();
  const raw = decodeParams(tableOf(experiment), query);
  errors.push(...raw.errors);
  const def = experimentDef(experiment)!;
  for (const p of def.params) {
    const text = raw.values[p.name] as string;
    const parsed = parseParam(p, text);
    if (parsed.ok) texts[experiment][p.name] = text;
    else errors.push(`${parsed.error}; using ${p.default}.`);
  }
  return { experiment, engine: head.values.engine, texts, linkErrors: errors };
}

export function writeLink(s: CapacityState): string {
  const head = encodeParams(LINK_HEAD, { exp: s.experiment, engine: s.engine });
  const own = encodeParams(tableOf(s.experiment), s.texts[s.experiment]);
  return [head, own].filter(Boolean).join('&');
}
