/**
 * TeX to HTML with KaTeX, for the Math component. Never throws: a formula
 * with an error renders as its source in the error colour, with the message
 * in a title attribute, so a typo in help text cannot break a page.
 */
import katex from 'katex';

export function renderTex(tex: string, display = false): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    // HTML for the eye and MathML for screen readers.
    output: 'htmlAndMathml',
    strict: 'ignore',
  });
}
