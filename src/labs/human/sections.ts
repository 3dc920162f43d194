/**
 * The Human memory page is an ordered list of sections; the page draws each
 * one under its title, with a small navigation to jump between them. Part 2
 * (forgetting, spacing, interference, a consolidating memory) appends its
 * own list from ./part2/ here, in one edit:
 *
 *   export const SECTIONS = [...PART1_SECTIONS, ...PART2_SECTIONS];
 *
 * A section's component reads the lab through the hooks in useLab.ts (or
 * its own store) and acts through commands.
 */
import type { LabSection } from '../../ui/SectionNav';
import { AttentionSection } from './AttentionSection';
import { ContextSection } from './ContextSection';
import { EmotionSection } from './EmotionSection';
import { GameSection } from './GameSection';
import { SerialSection } from './SerialSection';
import { WatchSection } from './WatchSection';
import { PART2_SECTIONS } from './part2/sections';

export const PART1_SECTIONS: readonly LabSection[] = [
  { id: 'serial-position', title: 'Serial position', Component: SerialSection },
  { id: 'watch-one-list', title: 'Watch one list', Component: WatchSection },
  { id: 'memory-game', title: 'The memory game', short: 'Memory game', Component: GameSection },
  {
    id: 'context',
    title: 'Context-dependent recall',
    short: 'Context',
    Component: ContextSection,
  },
  { id: 'emotion', title: 'Emotion', Component: EmotionSection },
  { id: 'attention', title: 'Attention view', short: 'Attention', Component: AttentionSection },
];

export const SECTIONS: readonly LabSection[] = [...PART1_SECTIONS, ...PART2_SECTIONS];
