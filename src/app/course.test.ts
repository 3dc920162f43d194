import { describe, expect, it } from 'vitest';
import { COURSE } from '../engine/course';
import { lessonHash, lessonInQuery, queryWithoutLesson } from '../engine/lessons';
import { CAPACITY_LESSONS } from '../labs/capacity/lesson';
import { COMPRESSION_LESSONS } from '../labs/compression/lesson';
import { CONSOLIDATION_LESSONS } from '../labs/consolidation/lesson';
import { CLASSIC_LESSONS } from '../labs/hopfield/lesson';
import { HUMAN_LESSONS } from '../labs/human/lesson';
import { MODERN_LESSONS } from '../labs/modern/lesson';
import { LABS } from './routes';

const ALL = [
  ...CLASSIC_LESSONS,
  ...CAPACITY_LESSONS,
  ...MODERN_LESSONS,
  ...CONSOLIDATION_LESSONS,
  ...COMPRESSION_LESSONS,
  ...HUMAN_LESSONS,
];

describe('the course', () => {
  it('lists every lesson once, in a lab that exists, with its real step count', () => {
    for (const info of COURSE) {
      const lesson = ALL.find((l) => l.info === info);
      expect(lesson, `${info.lab} ${info.id}`).toBeDefined();
      expect(lesson!.steps).toHaveLength(info.steps);
      expect(LABS.some((l) => l.path === info.lab && l.load)).toBe(true);
    }
    const keys = COURSE.map((l) => `${l.lab}:${l.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every course lesson 5 to 10 steps, each with a claim and a title', () => {
    for (const l of ALL.filter((x) => COURSE.includes(x.info))) {
      expect(l.steps.length).toBeGreaterThanOrEqual(5);
      expect(l.steps.length).toBeLessThanOrEqual(10);
      for (const s of l.steps) {
        expect(s.claim?.says, s.title).toBeTruthy();
        expect(s.title.length).toBeGreaterThan(3);
      }
    }
  });
});

describe('lesson links', () => {
  it('name the lesson and step, keep only backend and present, and read back', () => {
    const hash = lessonHash('/modern', 'regimes', 3, 'k=200&backend=wasm&present=1&beta=3');
    expect(hash).toBe('#/modern?backend=wasm&present=1&lesson=regimes&step=3');
    expect(lessonInQuery(hash.split('?')[1])).toEqual({ lesson: 'regimes', step: 3 });
    expect(lessonInQuery('k=200')).toBeNull();
    expect(queryWithoutLesson('backend=wasm&lesson=regimes&step=3')).toBe('backend=wasm');
  });

  it('never throw on a malformed escape in a key (a stray %), dropping that piece', () => {
    expect(queryWithoutLesson('%=1&present=1&%E0%A4%A=2')).toBe('present=1');
    expect(lessonHash('/human', 'serial', 1, '%=1')).toBe('#/human?lesson=serial&step=1');
  });
});
