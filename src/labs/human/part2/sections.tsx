/**
 * The second half of the Human memory page, as sections for part 1's list
 * (../sections.ts): each section runs its lifecycle over the part's shared
 * core (lab.ts) and provides the part's context to its body.
 */
import type { ComponentType } from 'react';
import { shortcutRows } from '../../../engine/commands';
import { ShortcutHelp } from '../../../ui/ShortcutHelp';
import { SECTION_COMMANDS } from './commands';
import { ForgettingSection } from './ForgettingSection';
import { InterferenceSection } from './InterferenceSection';
import { MemorySection } from './MemorySection';
import { SectionMessages } from './Part2Controls';
import type { SectionName } from './params';
import { SpacingSection } from './SpacingSection';
import { Part2LabCtx, usePart2Section } from './useLab';
import './part2.css';

/** Keys a section handles outside its command table (the timeline's handles). */
const EXTRA_KEYS: Partial<Record<SectionName, string>> = {
  spacing: '← → move the focused session or test (Shift: ten times further); Delete removes it',
};

function part2Section(section: SectionName, Body: ComponentType): ComponentType {
  const rows = shortcutRows(SECTION_COMMANDS[section]);
  function Part2Section() {
    const lab = usePart2Section(section);
    return (
      <Part2LabCtx.Provider value={lab}>
        <div className="h2-section" data-testid={`part2-${section}`}>
          <SectionMessages section={section} />
          <Body />
          {rows.length > 0 && (
            <ShortcutHelp rows={rows}>
              {EXTRA_KEYS[section] && <li>{EXTRA_KEYS[section]}</li>}
            </ShortcutHelp>
          )}
        </div>
      </Part2LabCtx.Provider>
    );
  }
  Part2Section.displayName = `Part2Section(${section})`;
  return Part2Section;
}

/** Same shape as part 1's LabSection: id, title, Component. */
export const PART2_SECTIONS: readonly { id: string; title: string; Component: ComponentType }[] = [
  {
    id: 'forgetting',
    title: 'Forgetting',
    Component: part2Section('forgetting', ForgettingSection),
  },
  { id: 'spacing', title: 'Spacing', Component: part2Section('spacing', SpacingSection) },
  {
    id: 'interference',
    title: 'Interference',
    Component: part2Section('interference', InterferenceSection),
  },
  {
    id: 'consolidating-memory',
    title: 'A memory that consolidates',
    Component: part2Section('memory', MemorySection),
  },
];
