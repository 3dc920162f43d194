/**
 * A lab page of numbered sections, the same for every lab that is one: its
 * title and introduction, the lab's messages (dismissed through the lab's
 * own dismissMessage command), the section navigation and the sections
 * (./SectionNav), and the keyboard shortcuts its commands define, in a
 * `.ui-lab-page` with the page's common styles (./labPage.css).
 * `sectionedLab` makes the lab's page component (its route's default
 * export) from those and the lab's LabRoot (engine/lab createLabHooks):
 *
 *   export default sectionedLab({ Root: LabRoot, useCtx: useLabContext, make: makeLab,
 *     commands: COMMANDS, className: 'hm-lab', title: 'Human memory', intro, sections });
 *
 * Only the message list reads the store, so a new message redraws it and
 * not the sections.
 */
import type { ComponentType, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { runCommand, shortcutRows, type Command, type CommandTable } from '../engine/commands';
import type { WithMessages } from '../engine/messages';
import { LabMessages } from './LabMessages';
import { LessonPanel, type LessonPanelProps } from './LessonPanel';
import { LabSections, type LabSection } from './SectionNav';
import { ShortcutHelp } from './ShortcutHelp';

interface LabCtxLike {
  store: StoreApi<WithMessages>;
}

function Messages<Ctx extends LabCtxLike>({
  useCtx,
  dismiss,
}: {
  useCtx: () => Ctx;
  dismiss: Command<Ctx, number>;
}) {
  const ctx = useCtx();
  const messages = useStore(ctx.store, (s) => s.messages);
  return <LabMessages messages={messages} onDismiss={(id) => runCommand(dismiss, ctx, id)} />;
}

interface LabPageOptions<Ctx extends LabCtxLike> {
  title: string;
  intro: ReactNode;
  /** The lab's context hook (useLabContext). */
  useCtx: () => Ctx;
  /** The lab's command table: its keyed commands make the shortcut list. */
  commands: CommandTable<Ctx> & { dismissMessage: Command<Ctx, number> };
  sections: readonly LabSection[];
  /** The lab's lessons (ui/LessonPanel, on the lab's context), shown under the messages. */
  lesson?: Omit<LessonPanelProps<Ctx>, 'ctx'>;
}

/** A lab's lessons on the lab's own context (ui/LessonPanel, its ctx read by `useCtx`). */
export function LabLessons<Ctx extends LabCtxLike>({
  useCtx,
  ...lesson
}: Omit<LessonPanelProps<Ctx>, 'ctx'> & { useCtx: () => Ctx }) {
  return <LessonPanel ctx={useCtx()} {...lesson} />;
}

export function LabPage<Ctx extends LabCtxLike>(o: LabPageOptions<Ctx>) {
  return (
    <div className="ui-lab-page">
      <header className="lab-intro">
        <h1>{o.title}</h1>
        {o.intro}
      </header>
      <Messages useCtx={o.useCtx} dismiss={o.commands.dismissMessage} />
      {o.lesson && <LabLessons useCtx={o.useCtx} {...o.lesson} />}
      <LabSections sections={o.sections} />
      <ShortcutHelp rows={shortcutRows(o.commands)} />
    </div>
  );
}

/** The page component of a lab made of sections (see the module comment). */
export function sectionedLab<Ctx extends LabCtxLike, Lab extends Ctx>(
  o: LabPageOptions<Ctx> & {
    /** The lab's LabRoot (engine/lab createLabHooks). */
    Root: ComponentType<{ make: () => Lab; className: string; children?: ReactNode }>;
    /** Makes the lab from the link's query. */
    make: (query: string) => Lab;
    /** The root's class (the lab's own styles). */
    className: string;
  },
) {
  const { Root, make, className, ...page } = o;
  return function SectionedLab({ query }: { query: string }) {
    return (
      <Root make={() => make(query)} className={className}>
        <LabPage {...page} />
      </Root>
    );
  };
}
