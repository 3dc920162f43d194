import { LessonPanel } from '../../ui/LessonPanel';
import { CLASSIC_LESSONS } from './lesson';
import { useLabContext } from './useLab';

/** The Classic lab's lessons (lesson.ts), on the engine's lesson panel. */
export function Tour() {
  const ctx = useLabContext();
  return (
    <LessonPanel
      ctx={ctx}
      lab="/hopfield"
      lessons={CLASSIC_LESSONS}
      yours="your stored patterns, your grid and your settings"
    />
  );
}
