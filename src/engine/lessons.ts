/**
 * Lessons are data. A lesson is a title, a summary, what it teaches and a
 * list of steps; each step has a title, a text, a `setUp(ctx)` that runs the
 * lab's own commands (the same ones the buttons run), the lab panels it
 * needs (`panels`, ids matching `data-panel="<id>"` in the page, so a
 * presenter mode can fold the others away) and a claim, which a unit test
 * checks against what the model computed in that step.
 *
 * Conventions:
 * - Every step's `setUp` builds its whole state from scratch, so a link can
 *   open any step directly (`#/modern?lesson=regimes&step=3`; steps count
 *   from 1 in the link) and Previous shows the same thing as going forward.
 * - A lesson runs on scratch state: `LessonRun` takes the lab's `Scratch`
 *   snapshot of the visitor's own work before the first step and gives it
 *   back when the lesson ends or is left. While a lab's store is in a
 *   lesson, `inLesson(store)` is true: the lab's link mirror and its saving
 *   in this browser skip it, so nothing a lesson does is kept.
 * - While a lesson runs the link is `lesson=<id>&step=<n>` plus the keys in
 *   KEPT_KEYS (backend, present); the lab's own keys come back when it ends.
 *
 * No React here: the panel (ui/LessonPanel) and the tests use the same code.
 */
import { intParam, stringParam } from '../core/params';
import { decodeParams, formatHash, parseHash, pieceKey, queryPieces } from '../core/paramLink';

/** What a step states, and the test of it against the model's numbers. */
export interface Claim<Ctx> {
  /** The claim in words (the step's text says it too). */
  says: string;
  /** After the step's set-up has finished: null when it holds, else what was seen instead. */
  check(ctx: Ctx): string | null;
}

export interface LessonStep<Ctx> {
  title: string;
  text: string;
  /** Puts the lab into this step's state through its commands; may start a run. */
  setUp(ctx: Ctx): void | Promise<void>;
  /** The lab panels (`data-panel` ids) this step needs on screen. */
  panels?: readonly string[];
  claim?: Claim<Ctx>;
}

/** The visitor's own work: taken before a lesson, given back after it. */
export interface Scratch<Ctx, T = unknown> {
  save(ctx: Ctx): T;
  restore(ctx: Ctx, saved: T): void | Promise<void>;
  /**
   * What starting the lesson would lose that `save` cannot keep (e.g. a
   * model trained on the page), said before the visitor starts; null: nothing.
   */
  warning?(ctx: Ctx): string | null;
}

export interface LessonInfo {
  /** The id in the link (`lesson=<id>`), unique within its lab. */
  id: string;
  /** The lab's route, e.g. '/hopfield'. */
  lab: string;
  title: string;
  /** One sentence: what happens in it. */
  summary: string;
  /** What it teaches, for the course on the home page. */
  teaches: string;
  /** The number of steps (checked against the lesson's steps by a test). */
  steps: number;
}

export interface Lesson<Ctx> {
  info: LessonInfo;
  steps: readonly LessonStep<Ctx>[];
  scratch: Scratch<Ctx, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A lesson whose step count is its info's (throws at load when they disagree). */
export function defineLesson<Ctx>(
  info: LessonInfo,
  steps: LessonStep<Ctx>[],
  scratch: Scratch<Ctx, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
): Lesson<Ctx> {
  if (steps.length !== info.steps)
    throw new Error(`lesson '${info.id}' has ${steps.length} steps, its info says ${info.steps}`);
  return { info, steps, scratch };
}

// --- which stores are in a lesson ------------------------------------------

const scratchStores = new WeakSet<object>();
const current = { panels: null as readonly string[] | null };

/** True while `store` holds a lesson's scratch state: do not save it, do not write it into the link. */
export function inLesson(store: object): boolean {
  return scratchStores.has(store);
}

/** The panels the step on screen needs, or null when no lesson runs (for presenter mode). */
export function currentStepPanels(): readonly string[] | null {
  return current.panels;
}

/** The window event a lesson step fires: `detail` is { lab, lesson, step, panels } or null at the end. */
export const LESSON_EVENT = 'engram-lesson';

export interface LessonEventDetail {
  lab: string;
  lesson: string;
  /** 1-based. */
  step: number;
  panels: readonly string[] | null;
}

function announce(detail: LessonEventDetail | null): void {
  current.panels = detail ? detail.panels : null;
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (detail?.panels) root.dataset.lessonPanels = detail.panels.join(' ');
  else delete root.dataset.lessonPanels;
  if (detail) root.dataset.lesson = `${detail.lesson}:${detail.step}`;
  else delete root.dataset.lesson;
  window.dispatchEvent(new CustomEvent(LESSON_EVENT, { detail }));
}

// --- the link --------------------------------------------------------------

export const LESSON_LINK = {
  lesson: stringParam('', 'the lesson on screen (its id)'),
  step: intParam(1, 1, 99, 'the step of the lesson on screen, from 1'),
};

/** Keys of a lab's link that stay while a lesson runs (the rest is the lab's own state). */
export const KEPT_KEYS = ['backend', 'present'];

/** The lesson and step a query names (step from 1), or null. */
export function lessonInQuery(query: string): { lesson: string; step: number } | null {
  const { values } = decodeParams(LESSON_LINK, query);
  return values.lesson ? values : null;
}

function keptPieces(query: string): string[] {
  return queryPieces(query).filter((p) => KEPT_KEYS.includes(pieceKey(p)));
}

/** The link of a lesson step: `#<lab>?[kept keys&]lesson=<id>&step=<n>` (n from 1). */
export function lessonHash(lab: string, lesson: string, step = 1, currentQuery = ''): string {
  const own = `lesson=${encodeURIComponent(lesson)}&step=${step}`;
  return formatHash(lab, [...keptPieces(currentQuery), own].join('&'));
}

/** The query without a lesson's keys (and without the lab keys a lesson link never has). */
export function queryWithoutLesson(query: string): string {
  return keptPieces(query).join('&');
}

// --- one lesson running ----------------------------------------------------

export interface LessonRunState {
  /** The lesson on screen, or null. */
  lesson: string | null;
  /** 0-based. */
  index: number;
  /** A step's set-up is still running. */
  busy: boolean;
  /** A set-up that threw, in words. */
  error: string | null;
}

/**
 * The lessons of one lab page: opens a lesson at a step (taking the
 * visitor's work aside first), moves between steps, and ends (giving it
 * back). `writeLink` is false in tests.
 */
export class LessonRun<Ctx extends { store: object }> {
  private saved: { lesson: Lesson<Ctx>; work: unknown } | null = null;
  private listeners = new Set<() => void>();
  private token = 0;
  state: LessonRunState = { lesson: null, index: 0, busy: false, error: null };

  constructor(
    readonly ctx: Ctx,
    readonly lab: string,
    readonly lessons: readonly Lesson<Ctx>[],
    private readonly writeLink = true,
  ) {}

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<LessonRunState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  find(id: string): Lesson<Ctx> | undefined {
    return this.lessons.find((l) => l.info.id === id);
  }

  get lesson(): Lesson<Ctx> | null {
    return this.saved?.lesson ?? null;
  }

  /** Opens lesson `id` at step `index` (0-based, clamped); false for an unknown lesson. */
  async open(id: string, index = 0): Promise<boolean> {
    const lesson = this.find(id);
    if (!lesson) return false;
    if (this.saved && this.saved.lesson !== lesson) await this.end();
    if (!this.saved) {
      this.saved = { lesson, work: lesson.scratch.save(this.ctx) };
      scratchStores.add(this.ctx.store);
    }
    await this.go(index);
    return true;
  }

  /** Shows step `index` (clamped to the lesson) by running its set-up. */
  async go(index: number): Promise<void> {
    const lesson = this.lesson;
    if (!lesson) return;
    const i = Math.max(0, Math.min(lesson.steps.length - 1, Math.round(index)));
    const step = lesson.steps[i];
    const token = ++this.token;
    this.set({ lesson: lesson.info.id, index: i, busy: true, error: null });
    if (this.writeLink) {
      const { query } = parseHash(window.location.hash);
      const hash = lessonHash(this.lab, lesson.info.id, i + 1, query);
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
    }
    announce({ lab: this.lab, lesson: lesson.info.id, step: i + 1, panels: step.panels ?? null });
    try {
      await step.setUp(this.ctx);
      if (token === this.token) this.set({ busy: false });
    } catch (e) {
      if (token === this.token) this.set({ busy: false, error: (e as Error).message });
    }
  }

  next(): Promise<void> {
    return this.go(this.state.index + 1);
  }

  prev(): Promise<void> {
    return this.go(this.state.index - 1);
  }

  /** Ends the lesson: the visitor's work comes back, the link loses its lesson keys. */
  async end(): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    this.token++;
    this.saved = null;
    if (this.writeLink) {
      const { path, query } = parseHash(window.location.hash);
      if (path === this.lab)
        window.history.replaceState(null, '', formatHash(path, queryWithoutLesson(query)));
    }
    announce(null);
    try {
      await saved.lesson.scratch.restore(this.ctx, saved.work);
    } finally {
      // Marked scratch until the work is back, so nothing of the lesson is saved on the way.
      scratchStores.delete(this.ctx.store);
      this.set({ lesson: null, index: 0, busy: false, error: null });
    }
  }

  /**
   * On leaving the page: the visitor's work goes back without touching the
   * link (the visitor is on another page now); a lab whose state outlives
   * its page (a kept session) gets it back for the next visit.
   */
  leave(): void {
    this.token++;
    const saved = this.saved;
    if (!saved) return;
    this.saved = null;
    announce(null);
    void Promise.resolve(saved.lesson.scratch.restore(this.ctx, saved.work)).finally(() =>
      scratchStores.delete(this.ctx.store),
    );
  }
}
