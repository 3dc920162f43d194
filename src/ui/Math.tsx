/**
 * Math: a TeX formula rendered with KaTeX (HTML plus MathML for screen
 * readers). A formula with an error shows its source in red instead of
 * breaking the page.
 *
 * The export is named `Math` as the project asked; importing it shadows the
 * global Math in that module, so prefer `import { TeX } from './Math'` (the
 * same component) or `import { Math as TeX }` where the module also computes.
 */
import { useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { renderTex } from './tex';
import './ui.css';

export interface MathProps {
  tex: string;
  /** Block (centred, own line) instead of inline. */
  display?: boolean;
}

export function TeX({ tex, display = false }: MathProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  // A <span> even in display mode (KaTeX's own block is a span styled as a
  // block), so display math may sit inside a <p>.
  return (
    <span
      className={display ? 'ui-math ui-math-display' : 'ui-math'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export { TeX as Math };
