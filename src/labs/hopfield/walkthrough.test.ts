import { describe, expect, it } from 'vitest';
import { LessonRun, inLesson } from '../../engine/lessons';
import { manualFrames } from '../../testing/frames';
import { CHECKERBOARD_LESSON, CLASSIC_LESSON, CLASSIC_LESSONS } from './lesson';
import { HopfieldRunner } from './runner';
import { createHopfieldStore } from './store';
import { randoms } from './walkthrough';

function lab() {
  const store = createHopfieldStore();
  const { loop, flush } = manualFrames();
  const runner = new HopfieldRunner(store, loop);
  runner.start();
  return { ctx: { store, runner }, flush };
}

describe('the Classic lessons', () => {
  for (const lesson of CLASSIC_LESSONS) {
    lesson.steps.forEach((step, i) => {
      it(`${lesson.info.id} step ${i + 1}, ${step.title}: ${step.claim?.says}`, () => {
        const { ctx, flush } = lab();
        step.setUp(ctx);
        flush(20_000);
        expect(step.claim, 'every step states a claim').toBeDefined();
        expect(step.claim!.check(ctx)).toBeNull();
      });
    });
  }

  it('runs on scratch state and gives the visitor’s patterns and settings back', async () => {
    const { ctx, flush } = lab();
    const mine = randoms(3, 99, 24 * 24).map((p, i) => ({ ...p, name: `Mine ${i}` }));
    ctx.store.setState({ size: 24, rule: 'storkey', noise: 0.33, seed: 42 });
    ctx.store.setState({
      patterns: mine.map((p, i) => ({ id: 1000 + i, ...p })),
      state: mine[1].cells.slice(),
    });
    const run = new LessonRun(ctx, '/hopfield', CLASSIC_LESSONS, false);
    await run.open('classic', 4);
    flush(20_000);
    expect(inLesson(ctx.store)).toBe(true);
    expect(ctx.store.getState().patterns.map((p) => p.name)).toEqual([
      'T',
      'O',
      'X',
      'H',
      'E',
      'L',
      'F',
      'P',
    ]);
    await run.next();
    flush(20_000);
    expect(run.state.index).toBe(5);
    await run.open('checkerboard');
    expect(run.state.lesson).toBe('checkerboard');
    await run.end();
    expect(inLesson(ctx.store)).toBe(false);
    const s = ctx.store.getState();
    expect(s.size).toBe(24);
    expect(s.rule).toBe('storkey');
    expect(s.noise).toBe(0.33);
    expect(s.seed).toBe(42);
    expect(s.patterns.map((p) => p.name)).toEqual(['Mine 0', 'Mine 1', 'Mine 2']);
    s.patterns.forEach((p, i) => expect(Array.from(p.cells)).toEqual(Array.from(mine[i].cells)));
    expect(Array.from(s.state)).toEqual(Array.from(mine[1].cells));
  });

  it('loads the checkerboard demo in the setting chosen there', () => {
    const { ctx, flush } = lab();
    ctx.store.setState({ demoLoad: 'loaded' });
    CHECKERBOARD_LESSON.steps[0].setUp(ctx);
    flush(10);
    expect(ctx.store.getState().patterns).toHaveLength(151);
    expect(CHECKERBOARD_LESSON.steps[0].claim!.check(ctx)).toBeNull();
  });

  it('opens any step directly and clamps out-of-range steps', async () => {
    const { ctx } = lab();
    const run = new LessonRun(ctx, '/hopfield', [CLASSIC_LESSON, CHECKERBOARD_LESSON], false);
    expect(await run.open('nope')).toBe(false);
    await run.open('classic', 99);
    expect(run.state.index).toBe(CLASSIC_LESSON.steps.length - 1);
    await run.prev();
    expect(run.state.index).toBe(CLASSIC_LESSON.steps.length - 2);
    await run.go(-3);
    expect(run.state.index).toBe(0);
  });
});
