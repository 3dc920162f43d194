import { LessonPanel } from '../../ui/LessonPanel';
import { HUMAN_LESSONS } from './lesson';
import { useLabContext } from './useLab';

/** The Human memory lab's lesson (lesson.ts), on the engine's lesson panel. */
export function LessonMount() {
  const ctx = useLabContext();
  return (
    <LessonPanel
      ctx={ctx}
      lab="/human"
      lessons={HUMAN_LESSONS}
      yours="your settings (your game rounds stay as they are)"
    />
  );
}
