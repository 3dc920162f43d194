/**
 * Saving a chart as SVG or PNG (the downloads themselves: engine/download).
 * Browser only.
 *
 * A chart's <svg> takes its colours and fonts from style sheets, which a
 * saved file would not have; the copy gets the computed styles written onto
 * its elements, a white background, and the legend (HTML beside the chart on
 * the page) drawn into the SVG, so the file reads on its own.
 */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** A standalone SVG document of the chart inside `figure` (its legend included), or null. */
export function chartSvg(
  figure: Element,
  title: string,
): { svg: string; width: number; height: number } | null {
  const live = figure.querySelector('svg[role="img"]');
  if (!(live instanceof SVGSVGElement)) return null;
  const copy = live.cloneNode(true) as SVGSVGElement;
  const src = [live, ...live.querySelectorAll('*')];
  const dst = [copy, ...copy.querySelectorAll('*')];
  src.forEach((el, k) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    (dst[k] as SVGElement).setAttribute('style', style);
  });
  const width = Number(live.getAttribute('width')) || live.clientWidth;
  const chartH = Number(live.getAttribute('height')) || live.clientHeight;
  const items = [...figure.querySelectorAll('.ui-legend li')].map((li) => {
    const line = li.querySelector('line');
    return {
      text: li.textContent ?? '',
      color: line?.getAttribute('stroke') ?? '#000',
      dash: line?.getAttribute('stroke-dasharray') ?? '',
    };
  });
  const font = getComputedStyle(live).fontFamily || 'sans-serif';
  const ns = 'http://www.w3.org/2000/svg';
  const top = 28;
  const legendH = items.length * 18 + 8;
  const height = top + chartH + legendH;
  const root = document.createElementNS(ns, 'svg');
  root.setAttribute('xmlns', ns);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  root.appendChild(bg);
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', '12');
  heading.setAttribute('y', '19');
  heading.setAttribute('style', `font-family:${font};font-size:14px;font-weight:600;fill:#222`);
  heading.textContent = title;
  root.appendChild(heading);
  const g = document.createElementNS(ns, 'g');
  g.setAttribute('transform', `translate(0,${top})`);
  copy.removeAttribute('tabindex');
  g.appendChild(copy);
  root.appendChild(g);
  items.forEach((it, k) => {
    const y = top + chartH + 14 + k * 18;
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '16');
    line.setAttribute('x2', '40');
    line.setAttribute('y1', String(y - 4));
    line.setAttribute('y2', String(y - 4));
    line.setAttribute('stroke', it.color);
    line.setAttribute('stroke-width', '3');
    if (it.dash) line.setAttribute('stroke-dasharray', it.dash);
    root.appendChild(line);
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', '48');
    t.setAttribute('y', String(y));
    t.setAttribute('style', `font-family:${font};font-size:12px;fill:#222`);
    t.textContent = it.text;
    root.appendChild(t);
  });
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Renders an SVG document to a PNG blob at `scale` x its size. */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('this browser cannot draw on a canvas'));
        return;
      }
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
        'image/png',
      );
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.src = url;
  });
}
