/**
 * The two tests every lab's lesson file runs: each step, on a lab of its
 * own, makes its claim true; and a lesson opened on the visitor's lab gives
 * their own state back when it ends.
 */
import { expect, it } from 'vitest';
import { LessonRun, type Lesson } from '../../engine/lessons';

/**
 * One test a step: `lab` makes a fresh lab, the step's set-up runs on it
 * and its claim's check must find nothing wrong; `free` releases the lab
 * after (its dispose, or its runners').
 */
export function eachStepMakesItsClaim<Ctx, Lab extends Ctx>(
  lesson: Lesson<Ctx>,
  lab: () => Lab | Promise<Lab>,
  free: (lab: Lab) => void = () => {},
) {
  lesson.steps.forEach((step, i) => {
    it(`step ${i + 1}, ${step.title}: ${step.claim?.says}`, async () => {
      const ctx = await lab();
      await step.setUp(ctx);
      expect(step.claim!.check(ctx)).toBeNull();
      free(ctx);
    });
  });
}

/**
 * Opens lesson `id` at step `index` on `ctx` (a LessonRun that writes no
 * link), runs `during` while it is open, ends it, and returns the store's
 * state after: what the lesson gave back.
 */
export async function stateAfterLesson<Ctx extends { store: { getState(): unknown } }>(
  ctx: Ctx,
  lab: string,
  lessons: readonly Lesson<Ctx>[],
  [id, index]: [id: string, index: number],
  during: () => void,
): Promise<ReturnType<Ctx['store']['getState']>> {
  const run = new LessonRun(ctx, lab, lessons, false);
  await run.open(id, index);
  during();
  await run.end();
  return ctx.store.getState() as ReturnType<Ctx['store']['getState']>;
}
