/**
 * The second half of the Human memory page, as sections for part 1's list
 * (../sections.ts): each section runs its lifecycle over the part's shared
 * core (lab.ts) and provides the part's context to its body.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { shortcutRows } from '../../../engine/commands';
import type { LabSection } from '../../../ui/SectionNav';
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

/**
 * True a moment after mounting, later for later sections: each section's
 * body then renders in a task of its own instead of all of them (and part
 * 1) in the page's first one, so no task holds the page for long.
 */
function useStaggeredMount(order: number): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 30 * (order + 1));
    return () => clearTimeout(t);
  }, [order]);
  return ready;
}

function part2Section(section: SectionName, Body: ComponentType, order: number): ComponentType {
  const rows = shortcutRows(SECTION_COMMANDS[section]);
  function Part2Section() {
    const lab = usePart2Section(section);
    const ready = useStaggeredMount(order);
    return (
      <Part2LabCtx.Provider value={lab}>
        <div className="h2-section" data-testid={`part2-${section}`}>
          <SectionMessages section={section} />
          {ready ? <Body /> : <p className="muted">Computing…</p>}
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

/** Sections of the lab page (ui/SectionNav's LabSection), after part 1's. */
export const PART2_SECTIONS: readonly LabSection[] = [
  {
    id: 'forgetting',
    title: 'Forgetting',
    Component: part2Section('forgetting', ForgettingSection, 0),
  },
  { id: 'spacing', title: 'Spacing', Component: part2Section('spacing', SpacingSection, 1) },
  {
    id: 'interference',
    title: 'Interference',
    Component: part2Section('interference', InterferenceSection, 2),
  },
  {
    id: 'consolidating-memory',
    title: 'A memory that consolidates',
    short: 'Consolidation',
    Component: part2Section('memory', MemorySection, 3),
  },
];
