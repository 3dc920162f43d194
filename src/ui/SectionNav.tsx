/**
 * A lab page made of numbered sections: a sticky row of buttons that jump to
 * each one (buttons, not #anchors: the hash holds the route), then the
 * sections, each a panel under its numbered title. The row never wraps: it
 * is one line, and scrolls sideways where the titles do not fit (a phone).
 * A section's `short` title, when given, is what the row shows. Styles:
 * ./labPage.css (with the page's common layout classes).
 */
import type { ComponentType } from 'react';
import './labPage.css';

export interface LabSection {
  /** The element id (and the navigation's target); unique on the page. */
  readonly id: string;
  readonly title: string;
  /** A shorter title for the navigation row (default: title). */
  readonly short?: string;
  readonly Component: ComponentType;
}

/** Scrolls to a section and moves focus to its title (for keyboard and screen-reader users). */
function jumpTo(id: string): void {
  const el = document.getElementById(id);
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el?.querySelector('h2')?.focus({ preventScroll: true });
}

export function SectionNav({ sections }: { sections: readonly LabSection[] }) {
  return (
    <nav className="ui-section-nav" aria-label="Sections of this lab" data-testid="section-nav">
      <ol>
        {sections.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              title={s.short ? s.title : undefined}
              onClick={() => jumpTo(s.id)}
            >
              {i + 1}. {s.short ?? s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The navigation row, then every section under its numbered title. */
export function LabSections({ sections }: { sections: readonly LabSection[] }) {
  return (
    <>
      <SectionNav sections={sections} />
      {sections.map(({ id, title, Component }, i) => (
        <section
          key={id}
          id={id}
          className="panel ui-section"
          data-panel={id}
          aria-labelledby={`${id}-h`}
        >
          <h2 id={`${id}-h`} tabIndex={-1}>
            {i + 1}. {title}
          </h2>
          <Component />
        </section>
      ))}
    </>
  );
}
