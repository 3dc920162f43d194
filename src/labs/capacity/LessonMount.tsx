import { LessonPanel } from '../../ui/LessonPanel';
import { CAPACITY_LESSONS } from './lesson';
import { useCapacityContext } from './useCapacity';

/** The Experiments lab's lesson (lesson.ts), on the engine's lesson panel. */
export function LessonMount() {
  const ctx = useCapacityContext();
  return (
    <LessonPanel
      ctx={ctx}
      lab="/capacity"
      lessons={CAPACITY_LESSONS}
      yours="your experiment, its settings and its results"
    />
  );
}
