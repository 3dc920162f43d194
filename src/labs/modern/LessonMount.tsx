import { LessonPanel } from '../../ui/LessonPanel';
import { MODERN_LESSONS } from './lesson';
import { useLabContext } from './useLab';

/** The Modern lab's lesson (lesson.ts), on the engine's lesson panel. */
export function LessonMount() {
  const ctx = useLabContext();
  return (
    <LessonPanel
      ctx={ctx}
      lab="/modern"
      lessons={MODERN_LESSONS}
      yours="your settings (your own images stay as they are)"
    />
  );
}
