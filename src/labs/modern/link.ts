/**
 * Reading the lab's starting state from a link and writing the view back.
 * A link that cannot be parsed opens the lab with defaults and a visible
 * message; it never throws.
 */
import { decodeParams, encodeParams, type ParamValues } from '../../core/params';
import { decodeDrawing, encodeDrawing, parseClasses, PARAMS } from './params';
import { ALL_CLASSES, type ModernState } from './store';

export function startFromLink(query: string): { init: Partial<ModernState>; warnings: string[] } {
  const { values, errors } = decodeParams(PARAMS, query);
  const warnings = [...errors];
  let classes = parseClasses(values.classes);
  if (classes.length === 0) {
    warnings.push(`classes=${values.classes} names no digit class; storing all ten.`);
    classes = ALL_CLASSES;
  }
  let drawing: Float32Array = new Float32Array(784);
  if (values.draw) {
    const d = decodeDrawing(values.draw);
    if (d) drawing = d;
    else warnings.push('The drawn digit in the link could not be read; the pad starts empty.');
  }
  return {
    init: {
      k: values.k,
      classes,
      seed: values.seed,
      beta: values.beta,
      scale: values.scale,
      source: values.src,
      item: values.item,
      region: values.region,
      amount: values.amount,
      noise: values.noise,
      drawing,
      compareK: values.ck,
      compareCue: values.ccue,
      compareAmount: values.camt,
    },
    warnings,
  };
}

/** The query string that reproduces the current view. */
export function linkQuery(s: ModernState): string {
  const values: Partial<ParamValues<typeof PARAMS>> = {
    k: s.k,
    classes: s.classes.join(''),
    seed: s.seed,
    beta: Number(s.beta.toPrecision(4)),
    scale: s.scale,
    src: s.source,
    item: s.source === 'drawn' ? -1 : s.item,
    region: s.region,
    amount: s.amount,
    noise: s.noise,
    draw: s.source === 'drawn' ? encodeDrawing(s.drawing) : '',
    ck: s.compareK,
    ccue: s.compareCue,
    camt: s.compareAmount,
  };
  return encodeParams(PARAMS, values);
}
