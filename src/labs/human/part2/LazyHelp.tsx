/**
 * The kit's Help panel whose body is made only when the visitor first
 * opens it: a closed panel costs nothing (no DOM, no KaTeX), which keeps
 * the section's first render short.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Help } from '../../../ui/Help';

export function LazyHelp({ title, children }: { title: ReactNode; children: () => ReactNode }) {
  const wrap = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const el = wrap.current;
    if (!el || opened) return;
    // 'toggle' does not bubble, so listen while it travels down (capture).
    const onToggle = (e: Event) => {
      if ((e.target as HTMLDetailsElement).open) setOpened(true);
    };
    el.addEventListener('toggle', onToggle, true);
    return () => el.removeEventListener('toggle', onToggle, true);
  }, [opened]);
  return (
    <div ref={wrap}>
      <Help title={title}>{opened ? children() : null}</Help>
    </div>
  );
}
