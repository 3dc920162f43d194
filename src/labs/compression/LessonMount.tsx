import { LessonPanel } from '../../ui/LessonPanel';
import { COMPRESSION_LESSONS } from './lesson';
import { useLabContext } from './useLab';

/** The Compression lab's lesson (lesson.ts), on the engine's lesson panel. */
export function LessonMount() {
  const ctx = useLabContext();
  return (
    <LessonPanel ctx={ctx} lab="/compression" lessons={COMPRESSION_LESSONS} yours="your settings" />
  );
}
