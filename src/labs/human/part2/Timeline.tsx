/**
 * The spacing timeline: P(recall) along time above a track on which the
 * visitor places the study sessions (circles) and the test (a flag). Drag a
 * session or the test with a mouse, finger or pen; or focus it (Tab) and
 * move it with the arrow keys (Shift or Page Up/Down: ten times further),
 * Delete removes a focused session. Every move runs a command; the
 * timeline's extent stays put during a drag and then fits the schedule.
 */
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3';
import { runCommand } from '../../../engine/commands';
import { useElementSize } from '../../../ui/hooks';
import { SPACING_COMMANDS } from './commands';
import { formatDays, timelineCurve, timelineSpan } from './spacingView';
import { usePart2Context, usePart2Fields } from './useLab';

const M = { left: 44, right: 22, top: 12 };
const CURVE_H = 130;
const TRACK_Y = M.top + CURVE_H + 34;
const HEIGHT = TRACK_Y + 46;
/** Handles closer than this (px) are stacked, so massed sessions stay visible. */
const STACK_PX = 16;

type Drag = { kind: 'session'; index: number; span: number } | { kind: 'test'; span: number };

function ticksFor(span: number, width: number): { at: number; label: string }[] {
  const n = Math.max(2, Math.floor(width / 80));
  if (span <= 2) {
    return scaleLinear()
      .domain([0, span * 24])
      .ticks(n)
      .map((h) => ({ at: h / 24, label: `${h} h` }));
  }
  return scaleLinear()
    .domain([0, span])
    .ticks(n)
    .map((d) => ({ at: d, label: `${d} d` }));
}

export function Timeline({ probability }: { probability: number }) {
  const ctx = usePart2Context();
  const {
    sessions,
    testAt,
    selectedSession: selected,
  } = usePart2Fields('sessions', 'testAt', 'selectedSession');
  const [drag, setDrag] = useState<Drag | null>(null);
  const [wrap, setWrap] = useState<HTMLElement | null>(null);
  const width = Math.floor(useElementSize(wrap)?.width ?? 0);
  const iw = Math.max(10, width - M.left - M.right);
  const span = drag?.span ?? timelineSpan(sessions, testAt);
  const x = (t: number) => M.left + (Math.min(t, span) / span) * iw;
  const y = (p: number) => M.top + (1 - p) * CURVE_H;
  const curve = useMemo(() => timelineCurve(sessions, span, 300), [sessions, span]);
  const path = curve.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`);

  // Stack handles that would sit on top of each other.
  const levels: number[] = [];
  sessions.forEach((t, i) => {
    levels.push(i > 0 && x(t) - x(sessions[i - 1]) < STACK_PX ? levels[i - 1] + 1 : 0);
  });

  const timeAt = (e: PointerEvent) => {
    const box = (e.currentTarget as Element).closest('svg')!.getBoundingClientRect();
    return (Math.max(0, Math.min(iw, e.clientX - box.left - M.left)) / iw) * span;
  };
  const moveTo = (d: Drag, t: number) => {
    if (d.kind === 'session') runCommand(SPACING_COMMANDS.moveSession, ctx, [d.index, t]);
    else runCommand(SPACING_COMMANDS.moveTest, ctx, t);
  };
  const grab = (d: Drag) => ({
    onPointerDown: (e: PointerEvent) => {
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      (e.currentTarget as SVGElement).focus({ preventScroll: true });
      if (d.kind === 'session') runCommand(SPACING_COMMANDS.selectSession, ctx, d.index);
      setDrag(d);
    },
    onPointerMove: (e: PointerEvent) => {
      if (drag) moveTo(drag, timeAt(e));
    },
    onPointerUp: () => setDrag(null),
    onPointerCancel: () => setDrag(null),
  });
  const keys = (d: Drag, now: number) => (e: KeyboardEvent) => {
    const far = e.shiftKey || e.key === 'PageUp' || e.key === 'PageDown';
    const step = span / (far ? 10 : 100);
    const dir =
      e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'PageUp'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'PageDown'
          ? -1
          : 0;
    if (dir !== 0) {
      moveTo(d, now + dir * step);
    } else if (d.kind === 'session' && (e.key === 'Delete' || e.key === 'Backspace')) {
      runCommand(SPACING_COMMANDS.selectSession, ctx, d.index);
      runCommand(SPACING_COMMANDS.removeSession, ctx);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const ticks = ticksFor(span, iw);
  return (
    <div className="h2-timeline" ref={setWrap} data-testid="timeline" data-span={span}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} aria-label="Study sessions and the test on a timeline">
          {[0, 0.5, 1].map((p) => (
            <g key={p} className="h2-grid">
              <line x1={M.left} x2={M.left + iw} y1={y(p)} y2={y(p)} />
              <text x={M.left - 6} y={y(p) + 4} textAnchor="end">
                {p}
              </text>
            </g>
          ))}
          <text
            className="h2-axis-label"
            transform={`translate(12,${y(0.5)}) rotate(-90)`}
            textAnchor="middle"
          >
            P(recall)
          </text>
          <path d={path.join('')} className="h2-curve" />
          <line className="h2-test-line" x1={x(testAt)} x2={x(testAt)} y1={M.top} y2={TRACK_Y} />
          {testAt <= span && (
            <g className="h2-test-point">
              <circle cx={x(testAt)} cy={y(probability)} r={5} />
              <text
                x={x(testAt) + (x(testAt) > M.left + iw * 0.8 ? -8 : 8)}
                y={y(probability) - 8}
                textAnchor={x(testAt) > M.left + iw * 0.8 ? 'end' : 'start'}
              >
                {probability.toFixed(3)}
              </text>
            </g>
          )}
          <line className="h2-track" x1={M.left} x2={M.left + iw} y1={TRACK_Y} y2={TRACK_Y} />
          {ticks.map((t) => (
            <g key={t.at} className="h2-tick" transform={`translate(${x(t.at)},${TRACK_Y})`}>
              <line y1={0} y2={6} />
              <text y={36} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {sessions.map((t, i) => {
            const cy = TRACK_Y - levels[i] * 12;
            const counts = t < testAt;
            return (
              <g
                key={i}
                role="slider"
                tabIndex={0}
                aria-label={`Study session ${i + 1}`}
                aria-valuemin={0}
                aria-valuemax={span}
                aria-valuenow={t}
                aria-valuetext={`${formatDays(t)} on the timeline${counts ? '' : ', after the test: it does not count'}`}
                className={`h2-session${i === selected ? ' h2-session--selected' : ''}${counts ? '' : ' h2-session--late'}`}
                data-testid={`session-${i + 1}`}
                onKeyDown={keys({ kind: 'session', index: i, span }, t)}
                onFocus={() => runCommand(SPACING_COMMANDS.selectSession, ctx, i)}
                {...grab({ kind: 'session', index: i, span })}
              >
                <line x1={x(t)} x2={x(t)} y1={M.top} y2={cy} className="h2-session-line" />
                <circle cx={x(t)} cy={cy} r={18} className="h2-hit" />
                <circle cx={x(t)} cy={cy} r={10} className="h2-session-dot" />
                <text x={x(t)} y={cy + 4} textAnchor="middle">
                  {i + 1}
                </text>
              </g>
            );
          })}
          <g
            role="slider"
            tabIndex={0}
            aria-label="Test"
            aria-valuemin={0}
            aria-valuemax={span}
            aria-valuenow={testAt}
            aria-valuetext={`test at ${formatDays(testAt)}, P(recall) ${probability.toFixed(3)}`}
            className="h2-test"
            data-testid="test-marker"
            onKeyDown={keys({ kind: 'test', span }, testAt)}
            {...grab({ kind: 'test', span })}
          >
            <circle cx={x(testAt)} cy={TRACK_Y} r={18} className="h2-hit" />
            <path
              d={`M${x(testAt)},${TRACK_Y + 10} L${x(testAt) - 9},${TRACK_Y - 8} L${x(testAt) + 9},${TRACK_Y - 8} Z`}
              className="h2-test-mark"
            />
            <text x={x(testAt)} y={TRACK_Y - 14} textAnchor="middle">
              test
            </text>
          </g>
        </svg>
      )}
    </div>
  );
}
