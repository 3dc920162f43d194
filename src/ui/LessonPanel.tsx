/**
 * A lab's lessons on the page (engine/lessons): the list to start one, and
 * while one runs its step, Previous / Next / End, and the keys a
 * presentation clicker sends (PageDown / PageUp, the right and left
 * arrows) as well as n / p. The link says which lesson and step is on
 * screen; opening a link with `lesson=` (or changing the hash to one) opens
 * it at that step. Leaving the page or ending the lesson gives the
 * visitor's own work back (the lesson's Scratch).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { formatHash, parseHash } from '../core/paramLink';
import { COURSE } from '../engine/course';
import { lessonInQuery, lessonHash, LessonRun, type Lesson } from '../engine/lessons';
import { Button } from './Controls';
import './lessons.css';

export interface LessonPanelProps<Ctx extends { store: object }> {
  ctx: Ctx;
  /** The lab's route, e.g. '/hopfield'. */
  lab: string;
  lessons: readonly Lesson<Ctx>[];
  /** What a lesson sets aside and gives back, in the lab's words ("your patterns and settings"). */
  yours: string;
}

/** The latest mount of each panel's run (see the effect's clean-up). */
const mounts = new WeakMap<object, { alive: boolean }>();

const NEXT = new Set(['pagedown', 'arrowright', 'n']);
const PREV = new Set(['pageup', 'arrowleft', 'p']);

/** Whether a key press belongs to the element that has focus, not to the lesson. */
function ownedByFocus(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el?.closest) return false;
  if (el.closest('textarea, select, [contenteditable="true"]')) return true;
  const input = el.closest('input') as HTMLInputElement | null;
  if (input && !['checkbox', 'radio', 'button', 'submit'].includes(input.type)) return true;
  // Arrows move things on drawable grids and heatmaps (role="application") and in sliders.
  return key.startsWith('arrow') && el.closest('[role="application"], [role="slider"]') !== null;
}

/**
 * The visitor's own link before a lesson (their grid and settings live in
 * it), kept for this tab, so that a lesson reloaded in its middle can still
 * give them back: the page opens on the lesson link, with only what this
 * browser saved, and its end goes back to that link.
 */
const returnKey = (lab: string) => `engram-lesson-return:${lab}`;

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A lab context's own link for its state (engine/lab's linkQuery), where it has one. */
function ownLink(ctx: object, current: string): string {
  const lab = ctx as {
    linkQuery?: (s: unknown, q: string) => string;
    store?: { getState(): unknown };
  };
  return lab.linkQuery && lab.store ? lab.linkQuery(lab.store.getState(), current) : current;
}

/** On opening a lesson: remember the link it was opened from, or keep the one a reload left. */
function keepReturn(run: object, ctx: object, lab: string, e?: HashChangeEvent) {
  const store = session();
  if (!store) return;
  if (e) {
    const before = parseHash(new URL(e.oldURL).hash);
    // The lab's own link for its state now: the address bar's may lag behind it (a debounce).
    if (before.path === lab && !lessonInQuery(before.query))
      store.setItem(returnKey(lab), ownLink(ctx, before.query));
    else store.removeItem(returnKey(lab));
    return;
  }
  const nav = performance.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  if (nav?.type === 'reload') reloadedRuns.add(run);
  else store.removeItem(returnKey(lab));
}

/** Runs whose lesson this page opened from a reload. */
const reloadedRuns = new WeakSet<object>();

/** Ends the lesson; after a reload in its middle, goes back to the visitor's own link. */
async function finish<Ctx extends { store: object }>(run: LessonRun<Ctx>, lab: string) {
  const reloaded = reloadedRuns.has(run);
  reloadedRuns.delete(run);
  await run.end();
  const store = session();
  const back = store?.getItem(returnKey(lab));
  store?.removeItem(returnKey(lab));
  if (reloaded && back) {
    window.history.replaceState(null, '', formatHash(lab, back));
    window.location.reload();
  }
}

export function LessonPanel<Ctx extends { store: object }>({
  ctx,
  lab,
  lessons,
  yours,
}: LessonPanelProps<Ctx>) {
  const [run] = useState(() => new LessonRun(ctx, lab, lessons));
  const state = useSyncExternalStore(
    (fn) => run.subscribe(fn),
    () => run.state,
  );

  // The link opens a lesson, now and whenever the hash changes to one.
  useEffect(() => {
    const follow = (e?: HashChangeEvent) => {
      const { path, query } = parseHash(window.location.hash);
      if (path !== lab) return;
      const want = lessonInQuery(query);
      if (want && run.find(want.lesson)) {
        if (!run.state.lesson) keepReturn(run, ctx, lab, e);
        if (run.state.lesson !== want.lesson || run.state.index !== want.step - 1)
          void run.open(want.lesson, want.step - 1);
      } else if (run.state.lesson) void run.end();
    };
    follow();
    const onHash = (e: HashChangeEvent) => follow(e);
    window.addEventListener('hashchange', onHash);
    const mount = { alive: true };
    mounts.set(run, mount);
    return () => {
      window.removeEventListener('hashchange', onHash);
      // StrictMode unmounts and mounts again at once: leave only when no mount follows.
      mount.alive = false;
      queueMicrotask(() => {
        if (mounts.get(run) === mount) run.leave();
      });
    };
  }, [run, lab, ctx]);

  // Clicker keys, before the lab's own shortcuts (capture), only while a lesson runs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!run.state.lesson || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      const dir = NEXT.has(key) ? 1 : PREV.has(key) ? -1 : 0;
      if (!dir || ownedByFocus(e.target, key)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (!e.repeat) void (dir > 0 ? run.next() : run.prev());
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run]);

  const lesson = state.lesson ? run.find(state.lesson) : undefined;
  if (!lesson) {
    const listed = lessons.filter((l) => COURSE.includes(l.info));
    if (!listed.length) return null;
    return (
      <section className="panel lesson-list" data-testid="lessons" aria-label="Lessons">
        {listed.map((l) => (
          <div key={l.info.id} className="lesson-offer">
            <div>
              <h2>
                Lesson: {l.info.title} <span className="muted small">({l.steps.length} steps)</span>
              </h2>
              <p className="small">{l.info.summary}</p>
              {l.scratch.warning?.(ctx) && (
                <p className="small lesson-warning" data-testid="lesson-warning">
                  {l.scratch.warning(ctx)}
                </p>
              )}
            </div>
            <a
              className="ui-button ui-button--primary"
              href={lessonHash(lab, l.info.id, 1, parseHash(window.location.hash).query)}
              data-testid={`lesson-start-${l.info.id}`}
            >
              Start the lesson
            </a>
          </div>
        ))}
      </section>
    );
  }

  const i = state.index;
  const n = lesson.steps.length;
  const step = lesson.steps[i];
  return (
    <section
      className="panel lesson"
      data-testid="lesson"
      data-lesson={lesson.info.id}
      data-step={i + 1}
      data-busy={state.busy || undefined}
      data-step-panels={step.panels?.join(' ')}
      aria-label={`Lesson: ${lesson.info.title}`}
    >
      <div className="lesson-head">
        <span className="lesson-name">Lesson: {lesson.info.title}</span>
        <ol className="lesson-dots" aria-label="Steps">
          {lesson.steps.map((s, k) => (
            <li key={k}>
              <button
                type="button"
                className={k === i ? 'on' : undefined}
                aria-current={k === i ? 'step' : undefined}
                title={s.title}
                onClick={() => void run.go(k)}
              >
                <span className="ui-sr-only">
                  Step {k + 1}: {s.title}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <span className="lesson-count" data-testid="lesson-count">
          Step {i + 1} of {n}
          {state.busy ? ' · setting up…' : ''}
        </span>
      </div>
      <div className="lesson-step" aria-live="polite">
        <h2 data-testid="lesson-step-title">{step.title}</h2>
        <p>{step.text}</p>
        {state.error && (
          <p className="lesson-error" role="alert">
            This step could not be set up: {state.error}
          </p>
        )}
      </div>
      <div className="row lesson-nav">
        <Button onClick={() => void run.prev()} disabled={i === 0} testId="lesson-prev">
          ◀ Previous
        </Button>
        {i < n - 1 ? (
          <Button variant="primary" onClick={() => void run.next()} testId="lesson-next">
            Next ▶
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void finish(run, lab)} testId="lesson-finish">
            Finish
          </Button>
        )}
        <Button onClick={() => void run.go(i)} title="Run this step again" testId="lesson-again">
          Again
        </Button>
        <Button onClick={() => void finish(run, lab)} testId="lesson-end">
          End the lesson
        </Button>
        <span className="muted small lesson-keys">
          Next: PageDown, → or n · back: PageUp, ← or p. The lesson works on a copy: {yours} come
          back when it ends.
        </span>
      </div>
    </section>
  );
}
