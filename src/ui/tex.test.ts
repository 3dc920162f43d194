import { expect, it } from 'vitest';
import { renderTex } from './tex';

it('renders TeX to KaTeX HTML with MathML for screen readers', () => {
  const html = renderTex('E = -\\tfrac12 s^\\top W s');
  expect(html).toContain('class="katex"');
  expect(html).toContain('<math');
  expect(html).toContain('<annotation encoding="application/x-tex">');
  expect(html).not.toContain('katex-display');
});

it('renders display math in display mode', () => {
  expect(renderTex('x^2', true)).toContain('katex-display');
});

it('does not throw on bad TeX; shows it as an error instead', () => {
  let html = '';
  expect(() => {
    html = renderTex('\\frac{1}{');
  }).not.toThrow();
  expect(html).toContain('katex-error');
});
