/**
 * The latent map: held-out digits' latent means (L = 2, drawn directly;
 * L > 2, their first two principal components), coloured by class, in an
 * SVG with d3 scales. Hover a point: its digit and reconstruction. Click
 * the plane: decode that point. Drag from one point to another: an
 * interpolation strip. Each is a command (./commands).
 */
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { axisBottom, axisLeft, scaleLinear, schemeTableau10, select } from 'd3';
import { runCommand } from '../../engine/commands';
import { COMMANDS } from './commands';
import { useLabContext, useLabFields } from './useLab';

const W = 460;
const H = 400;
const M = { top: 10, right: 10, bottom: 34, left: 40 };
const HIT_PX = 6;

export function LatentMap() {
  const ctx = useLabContext();
  const { map, probe } = useLabFields('map', 'probe');
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: [number, number]; to: [number, number] } | null>(null);
  // The press point, in a ref: a quick click can end before React re-renders with the state.
  const pressed = useRef<[number, number] | null>(null);

  const scales = useMemo(() => {
    // At least the prior's bulk (+-3 on each axis), widened to fit every point.
    const lo = [-3, -3];
    const hi = [3, 3];
    const pts = map?.points ?? new Float32Array(0);
    for (let i = 0; i < pts.length; i++) {
      const v = pts[i];
      if (!Number.isFinite(v)) continue;
      lo[i % 2] = Math.min(lo[i % 2], v);
      hi[i % 2] = Math.max(hi[i % 2], v);
    }
    const x = scaleLinear()
      .domain([lo[0], hi[0]])
      .nice()
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain([lo[1], hi[1]])
      .nice()
      .range([H - M.bottom, M.top]);
    return { x, y };
  }, [map]);

  const axes = (g: SVGGElement | null, kind: 'x' | 'y') => {
    if (!g) return;
    if (kind === 'x') select(g).call(axisBottom(scales.x).ticks(7));
    else select(g).call(axisLeft(scales.y).ticks(7));
  };

  const toLatent = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const r = svgRef.current!.getBoundingClientRect();
    const px = ((e.clientX - r.left) / r.width) * W;
    const py = ((e.clientY - r.top) / r.height) * H;
    return [scales.x.invert(px), scales.y.invert(py)];
  };

  const hit = (z: [number, number]): number => {
    if (!map) return -1;
    let best = -1;
    let bestD = HIT_PX * HIT_PX;
    const px = scales.x(z[0]);
    const py = scales.y(z[1]);
    for (let i = 0; i < map.labels.length; i++) {
      const dx = scales.x(map.points[2 * i]) - px;
      const dy = scales.y(map.points[2 * i + 1]) - py;
      if (dx * dx + dy * dy < bestD) {
        bestD = dx * dx + dy * dy;
        best = i;
      }
    }
    return best;
  };

  return (
    <figure className="cl-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Latent map of held-out digits; click to decode a point"
        data-testid="latent-map"
        onPointerDown={(e) => {
          const z = toLatent(e);
          pressed.current = z;
          setDrag({ from: z, to: z });
        }}
        onPointerMove={(e) => {
          const z = toLatent(e);
          const from = pressed.current;
          if (from) setDrag({ from, to: z });
          else {
            const i = hit(z);
            if (i >= 0) runCommand(COMMANDS.probeDigit, ctx, i);
          }
        }}
        onPointerUp={(e) => {
          const z = toLatent(e);
          const from = pressed.current;
          pressed.current = null;
          setDrag(null);
          if (!from) return;
          const dx = scales.x(z[0]) - scales.x(from[0]);
          const dy = scales.y(z[1]) - scales.y(from[1]);
          if (dx * dx + dy * dy > 100) runCommand(COMMANDS.interpolate, ctx, { from, to: z });
          else runCommand(COMMANDS.decodePoint, ctx, z);
        }}
        onPointerLeave={() => {
          pressed.current = null;
          setDrag(null);
        }}
      >
        <g ref={(g) => axes(g, 'x')} transform={`translate(0,${H - M.bottom})`} />
        <g ref={(g) => axes(g, 'y')} transform={`translate(${M.left},0)`} />
        <text x={W / 2} y={H - 2} textAnchor="middle" className="cl-axis-label">
          {map?.pca ? 'PC1' : 'z₁'}
        </text>
        <text
          x={10}
          y={H / 2}
          textAnchor="middle"
          className="cl-axis-label"
          transform={map?.pca ? `rotate(-90 10 ${H / 2})` : undefined}
        >
          {map?.pca ? 'PC2' : 'z₂'}
        </text>
        <g data-testid="map-points" data-count={map ? map.labels.length : 0}>
          {map &&
            Array.from(map.labels, (c, i) => (
              <circle
                key={i}
                cx={scales.x(map.points[2 * i])}
                cy={scales.y(map.points[2 * i + 1])}
                r={2.2}
                fill={schemeTableau10[c]}
                opacity={0.75}
              />
            ))}
        </g>
        {probe && (
          <circle
            cx={scales.x(probe.z[0])}
            cy={scales.y(probe.z[1])}
            r={6}
            fill="none"
            stroke="#111"
            strokeWidth={2}
          />
        )}
        {drag && (
          <line
            x1={scales.x(drag.from[0])}
            y1={scales.y(drag.from[1])}
            x2={scales.x(drag.to[0])}
            y2={scales.y(drag.to[1])}
            stroke="#111"
            strokeDasharray="4 3"
          />
        )}
      </svg>
      <figcaption className="cl-legend">
        {schemeTableau10.map((col, c) => (
          <span key={c}>
            <i style={{ background: col }} /> {c}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
