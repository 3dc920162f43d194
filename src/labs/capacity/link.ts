/**
 * The lab's link: `#/capacity?exp=noise&engine=typed-array&units=300&...`.
 * `exp` and `engine` (the lab's table, ./params) come first; the other keys
 * are the chosen experiment's parameters, by their command-line names, left
 * out when at their default. Reading never throws: a bad value keeps the
 * default and adds a line.
 *
 * The experiment's parameters travel as the texts of their controls (a
 * link's text is kept as written when it reads as a value), so the link is
 * read through a table of texts made from the experiment's own table, and
 * each text is then checked by that table.
 */
import { stringParam, type ParamTable } from '../../core/params';
import { decodeParams, encodeParams } from '../../core/paramLink';
import { formatParam, parseParam } from '../../models/experiments/params';
import { EXPERIMENT_TABLES, type ExperimentName } from '../../models/experiments/registry';
import { PARAMS } from './params';
import { allDefaultTexts, type CapacityState } from './store';

/** The experiment's parameters as texts, for the link codec. */
function textTable(name: ExperimentName): ParamTable {
  return Object.fromEntries(
    Object.entries(EXPERIMENT_TABLES[name]).map(([key, p]) => [
      key,
      stringParam(formatParam(p, p.default), p.describe, 2000),
    ]),
  );
}

export type LinkStart = Pick<CapacityState, 'experiment' | 'engine' | 'texts' | 'linkErrors'>;

export function readLink(query: string): LinkStart {
  const head = decodeParams(PARAMS, query);
  const { experiment, engine } = head.values;
  const errors = [...head.errors];
  const texts = allDefaultTexts();
  const raw = decodeParams(textTable(experiment), query);
  errors.push(...raw.errors);
  for (const [name, p] of Object.entries(EXPERIMENT_TABLES[experiment])) {
    const text: string = raw.values[name];
    const parsed = parseParam(name, p, text);
    if (parsed.ok) texts[experiment][name] = text;
    else errors.push(`${parsed.error}; using ${formatParam(p, p.default)}.`);
  }
  return { experiment, engine, texts, linkErrors: errors };
}

export function writeLink(s: Pick<CapacityState, 'experiment' | 'engine' | 'texts'>): string {
  const head = encodeParams(PARAMS, { experiment: s.experiment, engine: s.engine });
  const own = encodeParams(textTable(s.experiment), s.texts[s.experiment]);
  return [head, own].filter(Boolean).join('&');
}
