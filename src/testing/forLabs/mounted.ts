/**
 * A lab as its page opens it: made, then mounted (its `start`: runners started, first results
 * published), as engine/lab.ts's useLabLifecycle does. The test disposes of it.
 */
export function mounted<Lab extends { start?(): void }>(lab: Lab): Lab {
  lab.start?.();
  return lab;
}
